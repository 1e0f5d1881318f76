import {
  CONSEQUENCE_LEVELS,
  ISSUE_STATUSES,
  TIERS_LOWEST_FIRST,
  addCalendarDays,
  type Consequence,
  type IssueStatus,
  type Tier,
} from '@ipt/domain';
import { startOfDayInZone } from '../../lib/dates';
import type { IssueFilterVariables, IssueOrderVariables } from './api/get-issues';

/**
 * The tracker's state lives in the URL query string, so a filtered, sorted view can be shared,
 * bookmarked and reloaded: `?program=HX&status=OPEN&tier=WIPT&consequence=4,5&overdue=true
 * &q=radio&raisedFrom=2026-02-02&raisedTo=2026-02-08&endedFrom=2026-02-02&endedTo=2026-02-08
 * &sort=due&dir=asc`. Values the tracker does not know are ignored, never an error.
 */
export const PARAM = {
  program: 'program',
  text: 'q',
  status: 'status',
  team: 'team',
  tier: 'tier',
  consequence: 'consequence',
  owner: 'owner',
  pending: 'pending',
  overdue: 'overdue',
  raisedFrom: 'raisedFrom',
  raisedTo: 'raisedTo',
  endedFrom: 'endedFrom',
  endedTo: 'endedTo',
  sort: 'sort',
  direction: 'dir',
} as const;

export interface TrackerFilters {
  /** Free text over key, title and condition statement; '' for none. */
  readonly text: string;
  /** Any of these statuses; empty for every status. */
  readonly status: readonly IssueStatus[];
  readonly teamId: string | null;
  readonly tier: Tier | null;
  /** Any of these ratings; empty for any. */
  readonly consequence: readonly Consequence[];
  readonly ownerId: string | null;
  /** A discipline code still to recommend or be waived. */
  readonly pendingDiscipline: string | null;
  /** true: only overdue; false: only on time; null: both. */
  readonly overdue: boolean | null;
  /** Raised on or after this local date (YYYY-MM-DD, the program's time zone). */
  readonly raisedFrom: string | null;
  /** Raised on or before this local date. */
  readonly raisedTo: string | null;
  /**
   * Ended (resolved, closed or withdrawn, whichever came first) on or after this local date: the
   * issues a dashboard week counts as "closed".
   */
  readonly endedFrom: string | null;
  /** Ended on or before this local date. */
  readonly endedTo: string | null;
}

export const NO_FILTERS: TrackerFilters = {
  text: '',
  status: [],
  teamId: null,
  tier: null,
  consequence: [],
  ownerId: null,
  pendingDiscipline: null,
  overdue: null,
  raisedFrom: null,
  raisedTo: null,
  endedFrom: null,
  endedTo: null,
};

export const SORT_COLUMNS = [
  'key',
  'title',
  'status',
  'consequence',
  'owner',
  'team',
  'raised',
  'due',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface TrackerSort {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}

/** Newest raised first, as the API lists them. */
export const DEFAULT_SORT: TrackerSort = { column: 'raised', direction: 'descending' };

/** The direction a column sorts in when first picked: the useful end first. */
export const FIRST_DIRECTION: Readonly<Record<SortColumn, SortDirection>> = {
  key: 'ascending',
  title: 'ascending',
  status: 'ascending',
  consequence: 'descending',
  owner: 'ascending',
  team: 'ascending',
  raised: 'descending',
  due: 'ascending',
};

function list(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function text(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim();
  return value ? value : null;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD ("2026-02-30" is not one). */
export function isLocalDate(value: string): boolean {
  return LOCAL_DATE.test(value) && addCalendarDays(value, 0) === value;
}

function localDate(params: URLSearchParams, name: string): string | null {
  const value = params.get(name)?.trim() ?? '';
  return isLocalDate(value) ? value : null;
}

export function parseFilters(params: URLSearchParams): TrackerFilters {
  const statuses = list(params, PARAM.status).filter((s): s is IssueStatus =>
    (ISSUE_STATUSES as readonly string[]).includes(s),
  );
  const tier = params.get(PARAM.tier);
  const consequence = list(params, PARAM.consequence)
    .map(Number)
    .filter((n): n is Consequence => (CONSEQUENCE_LEVELS as readonly number[]).includes(n));
  const overdue = params.get(PARAM.overdue);
  return {
    text: params.get(PARAM.text) ?? '',
    // Kept in lifecycle order, so equal sets read the same in the URL.
    status: ISSUE_STATUSES.filter((s) => statuses.includes(s)),
    teamId: text(params, PARAM.team),
    tier: (TIERS_LOWEST_FIRST as readonly string[]).includes(tier ?? '') ? (tier as Tier) : null,
    consequence: unique(consequence).sort((a, b) => b - a),
    ownerId: text(params, PARAM.owner),
    pendingDiscipline: text(params, PARAM.pending),
    overdue: overdue === 'true' ? true : overdue === 'false' ? false : null,
    raisedFrom: localDate(params, PARAM.raisedFrom),
    raisedTo: localDate(params, PARAM.raisedTo),
    endedFrom: localDate(params, PARAM.endedFrom),
    endedTo: localDate(params, PARAM.endedTo),
  };
}

export function parseSort(params: URLSearchParams): TrackerSort {
  const column = params.get(PARAM.sort);
  if (!(SORT_COLUMNS as readonly string[]).includes(column ?? '')) return DEFAULT_SORT;
  const direction = params.get(PARAM.direction);
  return {
    column: column as SortColumn,
    direction:
      direction === 'asc'
        ? 'ascending'
        : direction === 'desc'
          ? 'descending'
          : FIRST_DIRECTION[column as SortColumn],
  };
}

function put(params: URLSearchParams, name: string, value: string | null | undefined): void {
  if (value) params.set(name, value);
  else params.delete(name);
}

/** `params` with the filters written in (others, such as the program and sort, kept). */
export function withFilters(params: URLSearchParams, filters: TrackerFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  put(next, PARAM.text, filters.text.trim() ? filters.text : null);
  put(next, PARAM.status, ISSUE_STATUSES.filter((s) => filters.status.includes(s)).join(','));
  put(next, PARAM.team, filters.teamId);
  put(next, PARAM.tier, filters.tier);
  put(
    next,
    PARAM.consequence,
    unique(filters.consequence)
      .sort((a, b) => b - a)
      .join(','),
  );
  put(next, PARAM.owner, filters.ownerId);
  put(next, PARAM.pending, filters.pendingDiscipline);
  put(next, PARAM.overdue, filters.overdue === null ? null : String(filters.overdue));
  put(next, PARAM.raisedFrom, filters.raisedFrom);
  put(next, PARAM.raisedTo, filters.raisedTo);
  put(next, PARAM.endedFrom, filters.endedFrom);
  put(next, PARAM.endedTo, filters.endedTo);
  return next;
}

/** `params` with the sort written in; the default sort leaves the URL clean. */
export function withSort(params: URLSearchParams, sort: TrackerSort): URLSearchParams {
  const next = new URLSearchParams(params);
  const isDefault =
    sort.column === DEFAULT_SORT.column && sort.direction === DEFAULT_SORT.direction;
  put(next, PARAM.sort, isDefault ? null : sort.column);
  put(next, PARAM.direction, isDefault ? null : sort.direction === 'ascending' ? 'asc' : 'desc');
  return next;
}

/** The sort after a click on a column header: the same column flips, another starts fresh. */
export function toggleSort(current: TrackerSort, column: SortColumn): TrackerSort {
  if (current.column === column) {
    return {
      column,
      direction: current.direction === 'ascending' ? 'descending' : 'ascending',
    };
  }
  return { column, direction: FIRST_DIRECTION[column] };
}

/**
 * A new program: team, owner and pending discipline name things of the old one, so they go;
 * the rest (status, tier, consequence, overdue, text, sort) carries over.
 */
export function withProgram(params: URLSearchParams, programKey: string): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set(PARAM.program, programKey);
  for (const name of [PARAM.team, PARAM.owner, PARAM.pending]) next.delete(name);
  return next;
}

/** How many filters narrow the list (for "Clear filters"). */
export function activeFilterCount(filters: TrackerFilters): number {
  return [
    filters.text.trim() !== '',
    filters.status.length > 0,
    filters.teamId !== null,
    filters.tier !== null,
    filters.consequence.length > 0,
    filters.ownerId !== null,
    filters.pendingDiscipline !== null,
    filters.overdue !== null,
    filters.raisedFrom !== null || filters.raisedTo !== null,
    filters.endedFrom !== null || filters.endedTo !== null,
  ].filter(Boolean).length;
}

/** A period of local dates in words, "Raised 2026-02-01 to 2026-02-07"; null when unbounded. */
function periodLabel(verb: string, from: string | null, to: string | null): string | null {
  if (from && to) return from === to ? `${verb} on ${from}` : `${verb} ${from} to ${to}`;
  if (from) return `${verb} on or after ${from}`;
  if (to) return `${verb} on or before ${to}`;
  return null;
}

/** The raised period in words, "Raised 2026-02-01 to 2026-02-07"; null when there is none. */
export function raisedPeriodLabel(filters: Pick<TrackerFilters, 'raisedFrom' | 'raisedTo'>) {
  return periodLabel('Raised', filters.raisedFrom, filters.raisedTo);
}

/** The ended period in words, "Ended 2026-02-01 to 2026-02-07"; null when there is none. */
export function endedPeriodLabel(filters: Pick<TrackerFilters, 'endedFrom' | 'endedTo'>) {
  return periodLabel('Ended', filters.endedFrom, filters.endedTo);
}

/** Whether the filters need the program's time zone to become API arguments. */
export function needsTimeZone(filters: TrackerFilters): boolean {
  return (
    filters.raisedFrom !== null ||
    filters.raisedTo !== null ||
    filters.endedFrom !== null ||
    filters.endedTo !== null
  );
}

/** The start of a local date in the program's time zone (parsed filters hold only real days). */
function startOfDay(localDate: string, timeZone: string): string {
  return startOfDayInZone(localDate, timeZone) as string;
}

/** The start of the day after a local date: the exclusive end of a period that includes it. */
function endOfDay(localDate: string, timeZone: string): string {
  return startOfDayInZone(localDate, timeZone, 1) as string;
}

/**
 * The filters as the API's `issues`/`issueCounts` arguments, leaving out what does not narrow.
 * The raised and ended periods' local dates become instants in the program's `timeZone`: from the
 * start of the first day up to (not including) the start of the day after the last.
 */
export function toVariables(
  programKey: string,
  filters: TrackerFilters,
  timeZone: string | null = null,
): IssueFilterVariables {
  const variables: IssueFilterVariables = { programKey };
  const trimmed = filters.text.trim();
  if (trimmed) variables.text = trimmed;
  if (filters.status.length) variables.status = [...filters.status];
  if (filters.teamId) variables.teamId = filters.teamId;
  if (filters.tier) variables.tier = filters.tier;
  if (filters.consequence.length) variables.consequence = [...filters.consequence];
  if (filters.ownerId) variables.ownerId = filters.ownerId;
  if (filters.pendingDiscipline) variables.pendingDiscipline = filters.pendingDiscipline;
  if (filters.overdue !== null) variables.overdue = filters.overdue;
  if (timeZone && filters.raisedFrom) {
    variables.raisedFrom = startOfDay(filters.raisedFrom, timeZone);
  }
  if (timeZone && filters.raisedTo) variables.raisedTo = endOfDay(filters.raisedTo, timeZone);
  if (timeZone && filters.endedFrom) variables.endedFrom = startOfDay(filters.endedFrom, timeZone);
  if (timeZone && filters.endedTo) variables.endedTo = endOfDay(filters.endedTo, timeZone);
  return variables;
}

/** The sort as the API's `orderBy` (the server sorts; libs/domain issue-order.ts has the rule). */
export function toOrderVariables(sort: TrackerSort): IssueOrderVariables {
  return {
    column: sort.column.toUpperCase() as IssueOrderVariables['column'],
    direction: sort.direction === 'ascending' ? 'ASCENDING' : 'DESCENDING',
  };
}

/** The keys a saved view stores: every filter and the sort (the program is stored beside it). */
const VIEW_PARAMS: readonly string[] = Object.values(PARAM).filter((p) => p !== PARAM.program);

/** The current filters and sort as a saved view's JSON text (keys in a fixed order). */
export function viewQuery(params: URLSearchParams): string {
  const query: Record<string, string> = {};
  for (const name of VIEW_PARAMS) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  return JSON.stringify(query);
}

/** The URL of a saved view: its program (or the current one), filters and sort. */
export function viewParams(
  view: { programKey: string | null; query: string },
  currentProgramKey: string | null,
): URLSearchParams {
  const next = new URLSearchParams();
  const programKey = view.programKey ?? currentProgramKey;
  if (programKey) next.set(PARAM.program, programKey);
  let stored: unknown;
  try {
    stored = JSON.parse(view.query);
  } catch {
    stored = null;
  }
  if (typeof stored === 'object' && stored !== null) {
    for (const name of VIEW_PARAMS) {
      const value = (stored as Record<string, unknown>)[name];
      if (typeof value === 'string' && value) next.set(name, value);
    }
  }
  return next;
}

/** Whether a saved view shows exactly what the URL shows now. */
export function isCurrentView(
  view: { programKey: string | null; query: string },
  params: URLSearchParams,
  programKey: string | null,
): boolean {
  if (view.programKey !== null && view.programKey !== programKey) return false;
  return viewQuery(viewParams(view, programKey)) === viewQuery(params);
}
