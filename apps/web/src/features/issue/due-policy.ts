import {
  CONSEQUENCE_LABELS,
  UNRATED_CONSEQUENCE,
  policyDueAt,
  type Consequence,
  type TimelinessPolicy,
} from '@ipt/domain';
import { daysText, workCalendar } from '../timeliness';
import { formatDay } from '../../lib/dates';

export type TriageDueStage = 'recommendations' | 'decision' | 'resolution';

const LEAVE_BLANK = 'Leave blank to use the program’s policy';

/**
 * What the program's timeliness policy gives each stage a triage leaves undated, in words: the
 * recommendations start now, so their date is known; the later stages get theirs when they start.
 * The arithmetic is @ipt/domain's, the same the API applies.
 */
export function policyDueHints(
  policy: TimelinessPolicy | null,
  consequence: Consequence | null,
  now: Date,
  timeZone: string,
): Record<TriageDueStage, string> {
  if (!policy) {
    const hint = `${LEAVE_BLANK}.`;
    return { recommendations: hint, decision: hint, resolution: hint };
  }
  const level = consequence ?? UNRATED_CONSEQUENCE;
  const allowed = policy.allowances[level];
  const days = (n: number) => daysText(n, policy.dayKind);
  const recommendationsDue = policyDueAt(
    'RECOMMENDATIONS',
    now.getTime(),
    consequence,
    policy,
    workCalendar(timeZone, policy),
  );
  const asRated =
    consequence === null
      ? ` (as for consequence ${level} – ${CONSEQUENCE_LABELS[level]} until you rate it)`
      : '';
  return {
    recommendations:
      `${LEAVE_BLANK}: recommendations due in ${days(allowed.RECOMMENDATIONS)}, ` +
      `${formatDay(new Date(recommendationsDue).toISOString(), timeZone)}${asRated}.`,
    decision: `${LEAVE_BLANK}: the decision due ${days(allowed.DECISION)} after the recommendations are in${asRated}.`,
    resolution: `${LEAVE_BLANK}: resolution due ${days(allowed.RESOLUTION)} after the decision${asRated}.`,
  };
}
