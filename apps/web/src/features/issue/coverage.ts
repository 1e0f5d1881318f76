import { CoverageState } from '@ipt/domain';
import type { IssueCoverageEntry } from './api/get-issue';
import { formatDuration, timeLeft } from './due';

export const COVERAGE_STATE_LABELS: Readonly<Record<CoverageState, string>> = {
  [CoverageState.RECOMMENDED]: 'Recommended',
  [CoverageState.WAIVED]: 'Waived',
  [CoverageState.PENDING]: 'Pending',
};

export type LatenessKind = 'late' | 'on-time' | 'not-due' | 'no-due-date' | 'not-applicable';

export interface Lateness {
  readonly kind: LatenessKind;
  /** Late or not, in words: "Late by 2 days", "Overdue by 3 hours", "On time", "2 days left". */
  readonly text: string;
}

export interface CoverageRow {
  readonly discipline: string;
  readonly state: CoverageState;
  readonly stateLabel: string;
  /** The recommendation's author, or the program manager who waived it. */
  readonly who: { id: string; name: string } | null;
  /** When it was recommended or waived. */
  readonly when: string | null;
  readonly favouredOption: { id: string; label: string; title: string } | null;
  readonly lateness: Lateness;
}

/**
 * Lateness of one discipline against the recommendations due date: a recommendation submitted
 * after it is late; a pending discipline past it is late (overdue) now; a waiver is neither.
 */
export function coverageLateness(
  entry: Pick<IssueCoverageEntry, 'state' | 'recommendation'>,
  recommendationsDueAt: string | null,
  now: Date,
): Lateness {
  if (entry.state === CoverageState.WAIVED) return { kind: 'not-applicable', text: 'Not needed' };
  if (!recommendationsDueAt) return { kind: 'no-due-date', text: 'No due date' };
  const due = new Date(recommendationsDueAt).getTime();
  if (entry.state === CoverageState.RECOMMENDED && entry.recommendation) {
    const late = new Date(entry.recommendation.submittedAt).getTime() - due;
    return late > 0
      ? { kind: 'late', text: `Late by ${formatDuration(late)}` }
      : { kind: 'on-time', text: 'On time' };
  }
  const left = timeLeft(recommendationsDueAt, now);
  return left.overdue
    ? { kind: 'late', text: `Late: ${left.text}` }
    : { kind: 'not-due', text: `Due: ${left.text}` };
}

/** The discipline coverage matrix: one row per required discipline, in the order required. */
export function coverageRows(
  coverage: readonly IssueCoverageEntry[],
  recommendationsDueAt: string | null,
  now: Date,
): CoverageRow[] {
  return coverage.map((entry) => ({
    discipline: entry.discipline,
    state: entry.state,
    stateLabel: COVERAGE_STATE_LABELS[entry.state],
    who: entry.recommendation?.author ?? entry.waiver?.waivedBy ?? null,
    when: entry.recommendation?.submittedAt ?? entry.waiver?.waivedAt ?? null,
    favouredOption: entry.recommendation?.option ?? null,
    lateness: coverageLateness(entry, recommendationsDueAt, now),
  }));
}
