import type { Consequence, Stage, Tier } from '../enums';
import type { DayKind } from './calendar';
import { usFederalHolidaysBetween } from './holidays';

/**
 * A program's timeliness policy (docs/domain.md#timeliness: the sources set no universal number,
 * so every deadline is a setting of the program). Days allowed per stage and consequence level.
 */
export type StageAllowance = Readonly<Record<Stage, number>>;

export interface TimelinessPolicy {
  readonly allowances: Readonly<Record<Consequence, StageAllowance>>;
  readonly dayKind: DayKind;
  /** Local dates (program zone) that are not business days. */
  readonly holidays: readonly string[];
  /** Days past an overdue decision before the issue escalates by policy; absent: never. */
  readonly autoEscalationGraceDays: Readonly<Partial<Record<Tier, number>>>;
}

/** Tighter for higher consequence: a critical issue gets days, a minimal one weeks. */
export const DEFAULT_TIMELINESS_POLICY: TimelinessPolicy = {
  allowances: {
    1: { TRIAGE: 10, RECOMMENDATIONS: 20, DECISION: 15, RESOLUTION: 90 },
    2: { TRIAGE: 7, RECOMMENDATIONS: 15, DECISION: 10, RESOLUTION: 60 },
    3: { TRIAGE: 5, RECOMMENDATIONS: 10, DECISION: 7, RESOLUTION: 45 },
    4: { TRIAGE: 3, RECOMMENDATIONS: 7, DECISION: 5, RESOLUTION: 30 },
    5: { TRIAGE: 1, RECOMMENDATIONS: 3, DECISION: 2, RESOLUTION: 14 },
  },
  dayKind: 'BUSINESS',
  holidays: [],
  autoEscalationGraceDays: { WIPT: 3, IIPT: 3 },
};

/**
 * The policy a new program starts with: the defaults, on the US federal holiday calendar of the
 * years given (by default the program's first year and the two after it; set-up adds more).
 */
export function startingTimelinessPolicy(
  firstYear: number,
  lastYear = firstYear + 2,
): TimelinessPolicy {
  return { ...DEFAULT_TIMELINESS_POLICY, holidays: usFederalHolidaysBetween(firstYear, lastYear) };
}

/** Why a policy cannot be used, by field, or none. */
export function policyProblems(policy: TimelinessPolicy): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const [level, allowance] of Object.entries(policy.allowances)) {
    for (const [stage, days] of Object.entries(allowance)) {
      if (!Number.isInteger(days) || days < 1 || days > 365) {
        problems.push({
          field: `allowances.${level}.${stage}`,
          message: `Days allowed must be a whole number from 1 to 365, not ${days}.`,
        });
      }
    }
  }
  for (const [index, holiday] of policy.holidays.entries()) {
    if (!isCalendarDay(holiday)) {
      problems.push({
        field: `holidays.${index}`,
        message: `"${holiday}" is not a date (YYYY-MM-DD).`,
      });
    }
  }
  for (const [tier, days] of Object.entries(policy.autoEscalationGraceDays)) {
    if (days !== undefined && (!Number.isInteger(days) || days < 0 || days > 90)) {
      problems.push({
        field: `autoEscalationGraceDays.${tier}`,
        message: `A grace period must be 0 to 90 days, not ${days}.`,
      });
    }
  }
  return problems;
}

/**
 * Whether text is a day that exists, as YYYY-MM-DD. `Date.parse` alone would take 30 February
 * (it rolls over to 2 March), so the parts must come back unchanged.
 */
export function isCalendarDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}
