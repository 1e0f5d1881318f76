import type { IssueStatus, Tier } from '../enums';
import { dayInWords } from '../due-dates';
import { dueAfter, localDateOf, type WorkCalendar } from './calendar';
import type { Instant } from './clocks';
import type { TimelinessPolicy } from './policy';

export interface EscalationCandidate {
  readonly id: string;
  readonly status: IssueStatus;
  readonly tier: Tier;
  readonly decisionDueAt: Instant | null;
  /** Whether the issue's current team has a parent to escalate to (none above the top tier). */
  readonly hasParentTeam: boolean;
}

export interface PolicyBreach {
  /** Names this breach once: the same overdue decision at the same tier never escalates twice. */
  readonly key: string;
  readonly decisionDueAt: Instant;
  readonly graceEndsAt: Instant;
  readonly graceDays: number;
  readonly reason: string;
}

/**
 * Whether the program's policy escalates an issue now: its decision is overdue past the tier's
 * grace period, it is still waiting on review or a decision, and there is a tier above it.
 */
export function policyEscalationBreach(
  issue: EscalationCandidate,
  policy: TimelinessPolicy,
  calendar: WorkCalendar,
  asOf: Instant,
): PolicyBreach | null {
  if (issue.status !== 'IN_REVIEW' && issue.status !== 'AWAITING_DECISION') return null;
  if (issue.decisionDueAt === null || !issue.hasParentTeam) return null;
  const graceDays = policy.autoEscalationGraceDays[issue.tier];
  if (graceDays === undefined) return null;
  const graceEndsAt = dueAfter(
    new Date(issue.decisionDueAt),
    graceDays,
    policy.dayKind,
    calendar,
  ).getTime();
  if (asOf <= graceEndsAt) return null; // the grace period includes its last moment
  const dayWord = policy.dayKind === 'BUSINESS' ? 'business day' : 'day';
  return {
    key: `${issue.id}:${issue.tier}:${new Date(issue.decisionDueAt).toISOString()}`,
    decisionDueAt: issue.decisionDueAt,
    graceEndsAt,
    graceDays,
    reason:
      `Decision due ${dayInWords(localDateOf(new Date(issue.decisionDueAt), calendar.timeZone))} at ${issue.tier} ` +
      `is overdue ` +
      `past the ${graceDays}-${dayWord} grace period of the program’s timeliness policy.`,
  };
}
