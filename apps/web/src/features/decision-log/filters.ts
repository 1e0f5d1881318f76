import { Tier } from '@ipt/domain';
import { startOfDayInZone } from '../../lib/dates';
import type { DecisionFilters, LogDecision } from './api/get-decisions';

/** The decision log's filters, as they live in the URL so a filtered view can be shared. */
export interface LogFilters {
  readonly program: string;
  readonly team: string;
  readonly tier: Tier | '';
  readonly authority: string;
  /** yyyy-mm-dd, inclusive. */
  readonly from: string;
  /** yyyy-mm-dd, inclusive. */
  readonly to: string;
  readonly status: 'all' | 'current' | 'superseded';
  readonly dissent: 'all' | 'with' | 'without';
  readonly q: string;
}

export const NO_FILTERS: LogFilters = {
  program: '',
  team: '',
  tier: '',
  authority: '',
  from: '',
  to: '',
  status: 'all',
  dissent: 'all',
  q: '',
};

const TIERS: readonly string[] = Object.values(Tier);
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function filtersFromParams(params: URLSearchParams): LogFilters {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    program: params.get('program') ?? '',
    team: params.get('team') ?? '',
    tier: oneOf(params.get('tier'), TIERS as readonly Tier[], '' as Tier | '') as Tier | '',
    authority: params.get('authority') ?? '',
    from: day('from'),
    to: day('to'),
    status: oneOf(params.get('status'), ['all', 'current', 'superseded'] as const, 'all'),
    dissent: oneOf(params.get('dissent'), ['all', 'with', 'without'] as const, 'all'),
    q: params.get('q') ?? '',
  };
}

/** Only what differs from "no filter", so the plain log has a plain URL. */
export function paramsFromFilters(filters: LogFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters) as [keyof LogFilters, string][]) {
    if (value !== NO_FILTERS[name]) params.set(name, value);
  }
  return params;
}

/** Midnight starting a yyyy-mm-dd day in the program's time zone, `days` later. */
export const startOfDay = startOfDayInZone;

/** Whether the filters hold days, which wait for the zone they are days of. */
export function needsTimeZone(filters: LogFilters): boolean {
  return filters.from !== '' || filters.to !== '';
}

/**
 * The zone the period's days are read in: the chosen program's, else the one all the reader's
 * programs share, else the first program's (which the form names beside the days).
 */
export function periodTimeZone(
  programs: readonly { key: string; timeZone: string }[],
  programKey: string,
): string | null {
  const chosen = programKey ? programs.find((p) => p.key === programKey) : programs[0];
  return chosen?.timeZone ?? null;
}

/** "To" before "From" is refused before asking the server. */
export function periodProblem(filters: LogFilters): string | null {
  if (filters.from && filters.to && filters.to < filters.from) {
    return '“To” must not be before “From”.';
  }
  return null;
}

/** The API's filters: every one except the free text, which searches the loaded rows. */
export function apiFilters(filters: LogFilters, timeZone: string): DecisionFilters {
  return {
    programKey: filters.program || null,
    teamId: filters.team || null,
    tier: filters.tier || null,
    authorityId: filters.authority || null,
    decidedFrom: filters.from ? startOfDay(filters.from, timeZone) : null,
    // The period includes its last day: up to the start of the day after.
    decidedTo: filters.to ? startOfDay(filters.to, timeZone, 1) : null,
    superseded: filters.status === 'all' ? null : filters.status === 'superseded',
    withDissent: filters.dissent === 'all' ? null : filters.dissent === 'with',
  };
}

/** Free text over issue key, issue title and the decision's rationale, case-insensitive. */
export function matchesText(decision: LogDecision, text: string): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [decision.issue.key, decision.issue.title, decision.rationale]
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}
