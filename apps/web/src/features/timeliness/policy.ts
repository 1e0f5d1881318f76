import {
  CONSEQUENCE_LEVELS,
  DEFAULT_TIMELINESS_POLICY,
  TIERS_LOWEST_FIRST,
  type Consequence,
  type DayKind,
  type StageAllowance,
  type Tier,
  type TimelinessPolicy,
  type WorkCalendar,
} from '@ipt/domain';

/** A program's policy as the API sends it (TimelinessPolicy), and takes it back. */
export interface PolicyFields {
  readonly allowances: readonly {
    readonly consequence: number;
    readonly triage: number;
    readonly recommendations: number;
    readonly decision: number;
    readonly resolution: number;
  }[];
  readonly dayKind: DayKind;
  readonly holidays: readonly string[];
  readonly autoEscalationGrace: readonly { readonly tier: Tier; readonly days?: number | null }[];
}

/** The API's shape of a policy as the domain's, so @ipt/domain's arithmetic applies to it. */
export function toDomainPolicy(fields: PolicyFields): TimelinessPolicy {
  const allowances = {} as Record<Consequence, StageAllowance>;
  for (const level of CONSEQUENCE_LEVELS) {
    const row = fields.allowances.find((a) => a.consequence === level);
    allowances[level] = row
      ? {
          TRIAGE: row.triage,
          RECOMMENDATIONS: row.recommendations,
          DECISION: row.decision,
          RESOLUTION: row.resolution,
        }
      : DEFAULT_TIMELINESS_POLICY.allowances[level];
  }
  const grace: Partial<Record<Tier, number>> = {};
  for (const row of fields.autoEscalationGrace) {
    if (row.days !== null && row.days !== undefined) grace[row.tier] = row.days;
  }
  return {
    allowances,
    dayKind: fields.dayKind,
    holidays: [...fields.holidays],
    autoEscalationGraceDays: grace,
  };
}

/** The domain's policy in the API's input shape (UpdateTimelinessPolicyInput without its keys). */
export function toPolicyFields(policy: TimelinessPolicy) {
  return {
    allowances: CONSEQUENCE_LEVELS.map((consequence) => {
      const a = policy.allowances[consequence];
      return {
        consequence,
        triage: a.TRIAGE,
        recommendations: a.RECOMMENDATIONS,
        decision: a.DECISION,
        resolution: a.RESOLUTION,
      };
    }),
    dayKind: policy.dayKind,
    holidays: [...policy.holidays],
    autoEscalationGrace: TIERS_LOWEST_FIRST.map((tier) => ({
      tier,
      days: policy.autoEscalationGraceDays[tier] ?? null,
    })),
  };
}

/** The program's working calendar: its zone, and its holidays as the policy lists them. */
export function workCalendar(timeZone: string, policy: TimelinessPolicy): WorkCalendar {
  return { timeZone, holidays: new Set(policy.holidays) };
}

/** "10 business days", "1 calendar day". */
export function daysText(days: number, kind: DayKind): string {
  const word = kind === 'BUSINESS' ? 'business' : 'calendar';
  return `${days} ${word} ${days === 1 ? 'day' : 'days'}`;
}

// The stages' names, once (lib/labels), for the screens that show the policy.
export { STAGE_NAMES } from '../../lib/labels';
