import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { useIssueActivity } from '../../../lib/live';
import { useQuery } from '../../../lib/use-query';
import { getMyDecisionQueue, type QueueEntry } from '../api/get-my-decision-queue';
import { consequenceText } from '../../../lib/labels';
import { disciplineNamer, readinessPacket } from '../packet';
import { compareDue, describeDue, formatDateTime } from '../../../lib/dates';
import { useKeptData } from '../../../lib/use-kept-data';
import { DueDate } from '../../../components/DueDate';
import { ReadinessPacket } from './ReadinessPacket';
import { TeamName } from '../../../components/TeamName';
import { DecisionForecast, RunningStageClock } from '../../timeliness';

// The decision form is the issue page's own (one form per action, action items due on the
// program's days); its code loads when a Record decision button is first pressed.
const IssueActionHost = lazy(() =>
  import('../../issue').then((module) => ({ default: module.IssueActionHost })),
);

/** Oldest decision due first, those without a due date last; then the longest ready. */
export function sortQueue(entries: readonly QueueEntry[]): QueueEntry[] {
  return [...entries].sort(
    (a, b) =>
      compareDue(a.dueAt, b.dueAt) ||
      compareDue(a.issue.readyAt, b.issue.readyAt) ||
      a.issue.key.localeCompare(b.issue.key, undefined, { numeric: true }),
  );
}

/** "3 issues wait for your decision, 1 of them overdue." */
export function queueSummary(entries: readonly QueueEntry[], now: Date): string {
  const count = entries.length;
  const overdue = entries.filter((entry) => describeDue(entry.dueAt, now).overdue).length;
  const what =
    count === 1 ? '1 issue waits for your decision' : `${count} issues wait for your decision`;
  if (overdue === 0) return `${what}.`;
  if (count === 1) return `${what}, and it is overdue.`;
  return `${what}, ${overdue === count ? 'all' : overdue} of them overdue.`;
}

const CONFIRMATION_ID = 'queue-confirmation';
const toggleId = (key: string) => `queue-decide-${key}`;

/**
 * The decision queue: one card per issue ready for the signed-in person's decision, oldest due
 * first, each with its readiness packet and the decision form one click away. Reloads on any
 * activity in the person's programs without disturbing an open form.
 */
export function QueueScreen({ now }: { now: Date }) {
  const queue = useQuery(getMyDecisionQueue);
  const entries = useKeptData(queue);
  useIssueActivity({}, () => queue.reload());

  /** The entry whose form is open, as last seen (kept if a reload drops it). */
  const [open, setOpen] = useState<QueueEntry | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const focusTarget = useRef<string | null>(null);

  useEffect(() => {
    if (focusTarget.current) {
      document.getElementById(focusTarget.current)?.focus();
      focusTarget.current = null;
    }
  });

  if (entries === undefined) {
    if (queue.status === 'error') {
      return (
        <ErrorMessage
          title="Could not load your decision queue"
          error={queue.error}
          onRetry={queue.reload}
        />
      );
    }
    return <Loading label="Loading your decision queue…" />;
  }

  const openKey = open?.issue.key ?? null;
  const cards = sortQueue(
    open && !entries.some((entry) => entry.issue.key === openKey) ? [...entries, open] : entries,
  );

  function close(key: string) {
    setOpen(null);
    focusTarget.current = toggleId(key);
  }

  function decided(key: string) {
    setOpen(null);
    setConfirmation(`Decision recorded on ${key}.`);
    focusTarget.current = CONFIRMATION_ID;
    queue.reload();
  }

  return (
    <>
      {queue.status === 'error' ? (
        <ErrorMessage
          title="Could not refresh your decision queue"
          error={queue.error}
          onRetry={queue.reload}
        />
      ) : null}
      <p
        id={CONFIRMATION_ID}
        className={confirmation ? 'queue-confirmation' : 'queue-confirmation--empty'}
        role="status"
        tabIndex={-1}
      >
        {confirmation}
      </p>
      {cards.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">No issues are waiting for your decision.</p>
          <p>
            When every required discipline on an issue of a team where you decide has recommended or
            been waived, it appears here.
          </p>
        </div>
      ) : (
        <>
          <p className="muted">{queueSummary(entries, now)}</p>
          <ol className="queue-cards" aria-label="Issues ready for your decision, oldest due first">
            {cards.map((entry) => {
              const { issue } = entry;
              const key = issue.key;
              const headingId = `queue-${key}-heading`;
              const packet = readinessPacket(
                issue.options,
                issue.coverage,
                disciplineNamer(issue.program.disciplines),
              );
              const due = describeDue(entry.dueAt, now);
              const mayDecide = issue.viewerActions.includes('RECORD_DECISION');
              return (
                <li key={key}>
                  <article
                    className={due.overdue ? 'queue-card queue-card--overdue' : 'queue-card'}
                    aria-labelledby={headingId}
                  >
                    <header className="queue-card__header">
                      <h2 id={headingId} className="queue-card__title">
                        <Link to={`/issues/${key}`} data-shortcut-item="">
                          {key}
                        </Link>{' '}
                        {issue.title}
                      </h2>
                      <p className="queue-card__meta">
                        <span>
                          <TeamName team={entry.team} />
                        </span>
                        <span>Consequence {consequenceText(issue.consequence)}</span>
                        {issue.readyAt ? (
                          <span>
                            Ready since{' '}
                            <time dateTime={issue.readyAt}>
                              {formatDateTime(issue.readyAt, issue.program.timeZone)}
                            </time>
                          </span>
                        ) : null}
                      </p>
                      <p className="queue-card__due">
                        <DueDate
                          dueAt={entry.dueAt}
                          now={now}
                          label="Decision due"
                          timeZone={issue.program.timeZone}
                        />
                      </p>
                      <div className="queue-card__timeliness">
                        <p className="queue-card__clock">
                          <RunningStageClock
                            clocks={issue.stageClocks}
                            timeZone={issue.program.timeZone}
                            now={now}
                            showDueDate={false}
                          />
                        </p>
                        {issue.decisionForecast ? (
                          <DecisionForecast
                            forecast={issue.decisionForecast}
                            timeZone={issue.program.timeZone}
                            compact
                          />
                        ) : null}
                      </div>
                    </header>

                    <ReadinessPacket issue={issue} packet={packet} />

                    <footer className="queue-card__footer">
                      {mayDecide ? (
                        <button
                          type="button"
                          id={toggleId(key)}
                          className="button"
                          aria-haspopup="dialog"
                          aria-describedby={headingId}
                          onClick={() => {
                            setConfirmation(null);
                            setOpen(entry);
                          }}
                        >
                          Record decision
                        </button>
                      ) : (
                        <p className="muted">You may not record the decision on this issue.</p>
                      )}
                    </footer>
                  </article>
                </li>
              );
            })}
          </ol>
          {open ? (
            <Suspense fallback={<Loading label="Opening the form…" />}>
              <IssueActionHost
                issueKey={open.issue.key}
                action="RECORD_DECISION"
                onDone={() => decided(open.issue.key)}
                onCancel={() => close(open.issue.key)}
              />
            </Suspense>
          ) : null}
        </>
      )}
    </>
  );
}
