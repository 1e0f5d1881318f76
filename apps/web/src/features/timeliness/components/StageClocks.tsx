import { formatDateTime, formatDay } from '../../../lib/dates';
import { readClock, runningClock, type ClockReading, type StageClockData } from '../clock-reading';
import '../timeliness.css';

interface StageClocksProps {
  clocks: readonly StageClockData[];
  /** The program's zone: every date is shown there. */
  timeZone: string;
  /** Reads running clocks at this instant; the API's figures when left out. */
  now?: Date;
  /** Whose clocks, for the list's label: "Stage clocks of HX-7". */
  label?: string;
}

const STATE_ICON: Readonly<Record<ClockReading['state'], string>> = {
  NOT_STARTED: '○',
  RUNNING: '◔',
  FINISHED: '✓',
};

function When({ iso, timeZone }: { iso: string; timeZone: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso, timeZone)}>
      {formatDay(iso, timeZone)}
    </time>
  );
}

function clockClass(reading: ClockReading, base: string): string {
  const state = reading.state.toLowerCase().replace('_', '-');
  return `${base} ${base}--${state}${reading.late ? ` ${base}--late` : ''}`;
}

/** Due date, and whether the policy gave it or a person set it on purpose. */
function DueMarker({ reading }: { reading: ClockReading }) {
  if (reading.dueSourceText === null) return null;
  return (
    <span
      className={
        reading.dueSourceText === 'policy'
          ? 'stage-clock__source'
          : 'stage-clock__source stage-clock__source--manual'
      }
    >
      {reading.dueSourceText}
    </span>
  );
}

function LateNote({ reading }: { reading: ClockReading }) {
  if (reading.lateText === null) return null;
  return (
    <strong className="stage-clock__late">
      <span aria-hidden="true">⚠ </span>
      {reading.lateText}
    </strong>
  );
}

/**
 * The four stage clocks of an issue as a track: each stage's state, when it started and
 * finished, when it is due (and whether by policy or set by hand), how long it has run, and
 * "late by" in words beside the colour. An ordered list, the running stage marked as current.
 */
export function StageClocks({ clocks, timeZone, now, label = 'Stage clocks' }: StageClocksProps) {
  return (
    <ol className="stage-clocks" aria-label={label}>
      {clocks.map((clock) => {
        const reading = readClock(clock, now);
        return (
          <li
            key={clock.stage}
            className={clockClass(reading, 'stage-clock')}
            aria-current={clock.state === 'RUNNING' ? 'step' : undefined}
          >
            <p className="stage-clock__head">
              <span className="stage-clock__name">{reading.stageName}</span>{' '}
              <span className="stage-clock__state">
                <span aria-hidden="true">{STATE_ICON[reading.state]} </span>
                {reading.stateText}
                {reading.elapsedText ? `, ${reading.elapsedText}` : null}
              </span>
            </p>
            <dl className="stage-clock__facts">
              {clock.startedAt ? (
                <div>
                  <dt>Started</dt>
                  <dd>
                    <When iso={clock.startedAt} timeZone={timeZone} />
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>Due</dt>
                <dd>
                  {clock.dueAt ? (
                    <>
                      <When iso={clock.dueAt} timeZone={timeZone} /> <DueMarker reading={reading} />
                    </>
                  ) : (
                    <span className="muted">
                      {clock.state === 'NOT_STARTED' ? 'Set when it starts' : 'No due date'}
                    </span>
                  )}
                </dd>
              </div>
              {clock.finishedAt ? (
                <div>
                  <dt>Finished</dt>
                  <dd>
                    <When iso={clock.finishedAt} timeZone={timeZone} />
                  </dd>
                </div>
              ) : null}
            </dl>
            {reading.late ? (
              <p className="stage-clock__status">
                <LateNote reading={reading} />
              </p>
            ) : reading.onTimeText ? (
              <p className="stage-clock__status stage-clock__status--on-time">
                {reading.onTimeText}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

interface RunningStageClockProps {
  clocks: readonly StageClockData[];
  timeZone: string;
  now?: Date;
  /** Leave the date out where the screen shows it beside already. */
  showDueDate?: boolean;
}

/**
 * The compact form for lists (inbox, decision queue): the running stage's clock on one line —
 * how long it has run, whose due date it is (policy or set by hand), and "late by" in words.
 */
export function RunningStageClock({
  clocks,
  timeZone,
  now,
  showDueDate = true,
}: RunningStageClockProps) {
  const clock = runningClock(clocks);
  if (!clock) return <span className="muted">No stage clock running</span>;
  const reading = readClock(clock, now);
  return (
    <span className={clockClass(reading, 'stage-clock-compact')}>
      <span className="stage-clock-compact__stage">
        <span aria-hidden="true">{STATE_ICON[reading.state]} </span>
        {reading.stageName}: {reading.elapsedText}
      </span>
      {clock.dueAt ? (
        <>
          <Separator />
          <span className="stage-clock-compact__due">
            {showDueDate ? (
              <>
                due <When iso={clock.dueAt} timeZone={timeZone} />{' '}
              </>
            ) : (
              'due date: '
            )}
            <DueMarker reading={reading} />
          </span>
        </>
      ) : null}
      {reading.late ? (
        <>
          <Separator />
          <LateNote reading={reading} />
        </>
      ) : null}
    </span>
  );
}

function Separator() {
  return <span className="stage-clock-compact__separator"> · </span>;
}
