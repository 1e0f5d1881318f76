import type { Stage } from '@ipt/domain';
import { durationText } from '../../lib/dates';
import { STAGE_NAMES } from '../../lib/labels';

const DAY_MS = 86_400_000;

/** One stage's clock as the API sends it (Issue.stageClocks). */
export interface StageClockData {
  readonly stage: Stage;
  readonly state: 'NOT_STARTED' | 'RUNNING' | 'FINISHED';
  readonly startedAt: string | null;
  readonly dueAt: string | null;
  readonly dueSource: 'POLICY' | 'MANUAL' | null;
  readonly finishedAt: string | null;
  readonly elapsedDays: number;
  readonly lateByDays: number;
}

/** A stage clock in words, ready to show. */
export interface ClockReading {
  readonly stage: Stage;
  /** "Decision". */
  readonly stageName: string;
  readonly state: StageClockData['state'];
  /** "Not started", "Running", "Finished". */
  readonly stateText: string;
  /** "4 days so far", "took 2 days"; null before the stage starts. */
  readonly elapsedText: string | null;
  /** "policy" or "set by hand"; null without a due date. */
  readonly dueSourceText: string | null;
  readonly late: boolean;
  /** "Late by 2 days" (said in text, not only by colour); null when on time. */
  readonly lateText: string | null;
  /** "3 days left" while running and on time; "On time" once finished by its due date. */
  readonly onTimeText: string | null;
}

const STATE_TEXT: Readonly<Record<StageClockData['state'], string>> = {
  NOT_STARTED: 'Not started',
  RUNNING: 'Running',
  FINISHED: 'Finished',
};

/**
 * Reads a stage clock. A running clock is read at `now` when given (so a page left open stays
 * true between reloads); otherwise, and for finished clocks, the API's figures are used.
 */
export function readClock(clock: StageClockData, now?: Date): ClockReading {
  const running = clock.state === 'RUNNING';
  const started = clock.startedAt === null ? null : new Date(clock.startedAt).getTime();
  const due = clock.dueAt === null ? null : new Date(clock.dueAt).getTime();
  const live = running && now !== undefined && started !== null;
  const elapsedMs = live ? Math.max(0, now.getTime() - started) : clock.elapsedDays * DAY_MS;
  const lateMs =
    live && due !== null ? Math.max(0, now.getTime() - due) : clock.lateByDays * DAY_MS;
  const late = clock.state !== 'NOT_STARTED' && lateMs > 0;

  let elapsedText: string | null = null;
  if (clock.state === 'RUNNING') elapsedText = `${durationText(elapsedMs)} so far`;
  if (clock.state === 'FINISHED') elapsedText = `took ${durationText(elapsedMs)}`;

  let onTimeText: string | null = null;
  if (!late && due !== null) {
    if (live) onTimeText = `${durationText(due - now.getTime())} left`;
    else if (clock.state === 'FINISHED') onTimeText = 'On time';
  }

  return {
    stage: clock.stage,
    stageName: STAGE_NAMES[clock.stage],
    state: clock.state,
    stateText: STATE_TEXT[clock.state],
    elapsedText,
    dueSourceText:
      clock.dueAt === null ? null : clock.dueSource === 'MANUAL' ? 'set by hand' : 'policy',
    late,
    lateText: late ? `Late by ${durationText(lateMs)}` : null,
    onTimeText,
  };
}

/** The clock that runs now, if any. */
export function runningClock<C extends StageClockData>(clocks: readonly C[]): C | null {
  return clocks.find((clock) => clock.state === 'RUNNING') ?? null;
}
