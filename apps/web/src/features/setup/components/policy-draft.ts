import {
  CONSEQUENCE_LEVELS,
  STAGES,
  TIERS_LOWEST_FIRST,
  policyProblems,
  type Consequence,
  type DayKind,
  type Stage,
  type StageAllowance,
  type Tier,
  type TimelinessPolicy,
} from '@ipt/domain';

/**
 * The timeliness policy as the set-up form holds it: what is typed, as typed. Reading it back
 * gives the policy and, by field, why it cannot be saved: blanks and non-numbers here, every
 * other rule from @ipt/domain's policyProblems, the one the API applies.
 */
export interface PolicyDraft {
  readonly allowances: Readonly<Record<Consequence, Readonly<Record<Stage, string>>>>;
  readonly dayKind: DayKind;
  /** Local dates, sorted, each once (as the API keeps them, so "holidays.2" names the same one). */
  readonly holidays: readonly string[];
  /** Blank: never escalate automatically at that tier. */
  readonly grace: Readonly<Record<Tier, string>>;
}

export function draftOf(policy: TimelinessPolicy): PolicyDraft {
  const allowances = {} as Record<Consequence, Record<Stage, string>>;
  for (const level of CONSEQUENCE_LEVELS) {
    const row = {} as Record<Stage, string>;
    for (const stage of STAGES) row[stage] = String(policy.allowances[level][stage]);
    allowances[level] = row;
  }
  const grace = {} as Record<Tier, string>;
  for (const tier of TIERS_LOWEST_FIRST) {
    const days = policy.autoEscalationGraceDays[tier];
    grace[tier] = days === undefined ? '' : String(days);
  }
  return { allowances, dayKind: policy.dayKind, holidays: sortedHolidays(policy.holidays), grace };
}

export function sortedHolidays(holidays: readonly string[]): string[] {
  return [...new Set(holidays)].sort();
}

const WHOLE_NUMBER = /^-?\d+(\.\d+)?$/;

export interface DraftReading {
  readonly policy: TimelinessPolicy;
  /** Field ("allowances.3.DECISION", "holidays.0", "autoEscalationGraceDays.WIPT") -> message. */
  readonly problems: Readonly<Record<string, string>>;
}

export function readDraft(draft: PolicyDraft): DraftReading {
  const problems: Record<string, string> = {};
  const allowances = {} as Record<Consequence, StageAllowance>;
  for (const level of CONSEQUENCE_LEVELS) {
    const row = {} as Record<Stage, number>;
    for (const stage of STAGES) {
      const typed = draft.allowances[level][stage].trim();
      const field = `allowances.${level}.${stage}`;
      if (typed === '') problems[field] = 'Enter the days allowed.';
      else if (!WHOLE_NUMBER.test(typed)) problems[field] = 'Enter a number of days.';
      row[stage] = Number(typed);
    }
    allowances[level] = row;
  }
  const grace: Partial<Record<Tier, number>> = {};
  for (const tier of TIERS_LOWEST_FIRST) {
    const typed = draft.grace[tier].trim();
    if (typed === '') continue;
    if (!WHOLE_NUMBER.test(typed))
      problems[`autoEscalationGraceDays.${tier}`] = 'Enter a number of days, or leave it blank.';
    grace[tier] = Number(typed);
  }
  const policy: TimelinessPolicy = {
    allowances,
    dayKind: draft.dayKind,
    holidays: sortedHolidays(draft.holidays),
    autoEscalationGraceDays: grace,
  };
  for (const problem of policyProblems(policy)) {
    problems[problem.field] ??= problem.message;
  }
  return { policy, problems };
}
