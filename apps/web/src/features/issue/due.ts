import type { Stage } from '@ipt/domain';
import { STAGE_NAMES } from '../../lib/labels';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** A span of time as a person says it: "less than a minute", "45 minutes", "36 hours", "3 days". */
export function formatDuration(ms: number): string {
  const span = Math.abs(ms);
  if (span < MINUTE) return 'less than a minute';
  if (span < HOUR) return plural(Math.floor(span / MINUTE), 'minute');
  if (span < 2 * DAY) return plural(Math.floor(span / HOUR), 'hour');
  return plural(Math.floor(span / DAY), 'day');
}

export interface TimeLeft {
  /** Past its due instant: a due date missed is overdue from that instant. */
  readonly overdue: boolean;
  /** "3 days left" or "overdue by 2 hours". */
  readonly text: string;
}

/** How long until `dueAt`, or how long past it, as of `now`. */
export function timeLeft(dueAt: string | Date, now: Date): TimeLeft {
  const due = typeof dueAt === 'string' ? new Date(dueAt) : dueAt;
  const diff = due.getTime() - now.getTime();
  if (diff <= 0) return { overdue: true, text: `overdue by ${formatDuration(diff)}` };
  return { overdue: false, text: `${formatDuration(diff)} left` };
}

// The stages' names are shared with the timeliness screens, so they live in lib/labels.
export { STAGE_NAMES };

export interface StageDue extends TimeLeft {
  readonly stage: Stage;
  /** "Decision due". */
  readonly label: string;
  readonly dueAt: string;
}

/** The due date of the stage whose clock runs now, with time left; null when none runs or none is set. */
export function currentStageDue(
  issue: { currentStage: Stage | null; currentStageDueAt: string | null },
  now: Date,
): StageDue | null {
  if (!issue.currentStage || !issue.currentStageDueAt) return null;
  return {
    stage: issue.currentStage,
    label: `${STAGE_NAMES[issue.currentStage]} due`,
    dueAt: issue.currentStageDueAt,
    ...timeLeft(issue.currentStageDueAt, now),
  };
}
