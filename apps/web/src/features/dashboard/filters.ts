import {
  CONSEQUENCE_LEVELS,
  TIERS_LOWEST_FIRST,
  addCalendarDays,
  instantAtLocal,
  type Consequence,
  type Tier,
} from '@ipt/domain';
import type { TimelinessReportVariables } from './api/get-timeliness';

/**
 * The dashboard's state lives in the URL, like the tracker's, so a view (and a replayed past)
 * can be shared: `/dashboard?program=HX&tier=WIPT&consequence=4,5&discipline=test
 * &authority=<teamId>&from=2026-01-05&to=2026-03-01&asOf=2026-03-01`. Dates are local dates in
 * the program's time zone; values the dashboard does not know are ignored, never an error.
 */
export const DASHBOARD_PARAM = {
  program: 'program',
  team: 'team',
  tier: 'tier',
  consequence: 'consequence',
  discipline: 'discipline',
  authority: 'authority',
  from: 'from',
  to: 'to',
  asOf: 'asOf',
} as const;

export interface DashboardFilters {
  /** The current team. */
  readonly teamId: string | null;
  readonly tier: Tier | null;
  /** Any of these ratings; empty for any. */
  readonly consequence: readonly Consequence[];
  /** A discipline code (recommendation latency). */
  readonly discipline: string | null;
  /** A decision authority: the deciding team's id. */
  readonly authorityTeamId: string | null;
  /** Period start, a local date; null for the report's default (12 weeks before). */
  readonly from: string | null;
  /** Period end, a local date (inclusive); null for the as-of instant. */
  readonly to: string | null;
  /** Replay the program as it stood at the end of this local day; null for now. */
  readonly asOf: string | null;
}

export const NO_DASHBOARD_FILTERS: DashboardFilters = {
  teamId: null,
  tier: null,
  consequence: [],
  discipline: null,
  authorityTeamId: null,
  from: null,
  to: null,
  asOf: null,
};

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LAST_MILLISECOND_OF_DAY = 86_400_000 - 1;

/** A real calendar date written YYYY-MM-DD ("2026-02-30" is not one). */
export function isLocalDate(value: string): boolean {
  return LOCAL_DATE.test(value) && addCalendarDays(value, 0) === value;
}

function text(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim();
  return value ? value : null;
}

function localDate(params: URLSearchParams, name: string): string | null {
  const value = text(params, name);
  return value && isLocalDate(value) ? value : null;
}

export function parseDashboardFilters(params: URLSearchParams): DashboardFilters {
  const tier = params.get(DASHBOARD_PARAM.tier);
  const consequence = (params.get(DASHBOARD_PARAM.consequence) ?? '')
    .split(',')
    .map((value) => Number(value.trim()))
    .filter((n): n is Consequence => (CONSEQUENCE_LEVELS as readonly number[]).includes(n));
  return {
    teamId: text(params, DASHBOARD_PARAM.team),
    tier: (TIERS_LOWEST_FIRST as readonly string[]).includes(tier ?? '') ? (tier as Tier) : null,
    consequence: [...new Set(consequence)].sort((a, b) => b - a),
    discipline: text(params, DASHBOARD_PARAM.discipline),
    authorityTeamId: text(params, DASHBOARD_PARAM.authority),
    from: localDate(params, DASHBOARD_PARAM.from),
    to: localDate(params, DASHBOARD_PARAM.to),
    asOf: localDate(params, DASHBOARD_PARAM.asOf),
  };
}

function put(params: URLSearchParams, name: string, value: string | null): void {
  if (value) params.set(name, value);
  else params.delete(name);
}

/** `params` with the filters written in (the program and anything else kept). */
export function withDashboardFilters(
  params: URLSearchParams,
  filters: DashboardFilters,
): URLSearchParams {
  const next = new URLSearchParams(params);
  put(next, DASHBOARD_PARAM.team, filters.teamId);
  put(next, DASHBOARD_PARAM.tier, filters.tier);
  put(
    next,
    DASHBOARD_PARAM.consequence,
    [...new Set(filters.consequence)].sort((a, b) => b - a).join(','),
  );
  put(next, DASHBOARD_PARAM.discipline, filters.discipline);
  put(next, DASHBOARD_PARAM.authority, filters.authorityTeamId);
  put(next, DASHBOARD_PARAM.from, filters.from);
  put(next, DASHBOARD_PARAM.to, filters.to);
  put(next, DASHBOARD_PARAM.asOf, filters.asOf);
  return next;
}

/** A new program: team, discipline and authority name things of the old one, so they go. */
export function withDashboardProgram(params: URLSearchParams, programKey: string) {
  const next = new URLSearchParams(params);
  next.set(DASHBOARD_PARAM.program, programKey);
  for (const name of [DASHBOARD_PARAM.team, DASHBOARD_PARAM.discipline, DASHBOARD_PARAM.authority])
    next.delete(name);
  return next;
}

/** How many filters narrow the figures (the as-of date is not a filter: it moves the clock). */
export function dashboardFilterCount(filters: DashboardFilters): number {
  return [
    filters.teamId,
    filters.tier,
    filters.consequence.length > 0,
    filters.discipline,
    filters.authorityTeamId,
    filters.from,
    filters.to,
  ].filter(Boolean).length;
}

/** "As of" a local date: the last instant of that day in the program's time zone. */
export function endOfLocalDay(localDate: string, timeZone: string): string {
  return instantAtLocal(localDate, LAST_MILLISECOND_OF_DAY, timeZone).toISOString();
}

/**
 * The replayed day, or null for now: a day from today on is now (the API knows nothing later).
 * `today` is the program's local date now; null when not known (no clamping).
 */
export function replayedDay(asOf: string | null, today: string | null): string | null {
  return asOf && (today === null || asOf < today) ? asOf : null;
}

/**
 * The report's arguments: local dates become instants in the program's time zone (`from` at the
 * start of its day, `to` and `asOf` at the end of theirs); what does not narrow is left out. A
 * period ending on or after the as-of day simply ends at the as-of instant.
 */
export function toReportVariables(
  programKey: string,
  filters: DashboardFilters,
  timeZone: string,
  today: string | null = null,
): TimelinessReportVariables {
  const asOf = replayedDay(filters.asOf, today);
  const lastDay = asOf ?? today;
  const filter: NonNullable<TimelinessReportVariables['filter']> = {};
  if (filters.teamId) filter.teamId = filters.teamId;
  if (filters.tier) filter.tier = filters.tier;
  if (filters.consequence.length) filter.consequence = [...filters.consequence];
  if (filters.discipline) filter.discipline = filters.discipline;
  if (filters.authorityTeamId) filter.authorityTeamId = filters.authorityTeamId;
  if (filters.from) filter.from = instantAtLocal(filters.from, 0, timeZone).toISOString();
  if (filters.to && (lastDay === null || filters.to < lastDay)) {
    filter.to = endOfLocalDay(filters.to, timeZone);
  }
  const variables: TimelinessReportVariables = { programKey };
  if (Object.keys(filter).length > 0) variables.filter = filter;
  if (asOf) variables.asOf = endOfLocalDay(asOf, timeZone);
  return variables;
}
