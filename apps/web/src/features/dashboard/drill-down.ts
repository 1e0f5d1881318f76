import { IssueStatus, addCalendarDays, type Tier } from '@ipt/domain';
import { NO_FILTERS, PARAM, withFilters, type TrackerFilters } from '../issues';
import type { DashboardFilters } from './filters';

/**
 * Where a click on the dashboard leads: the issue tracker, filtered to the issues behind the
 * figure. The URL is written by the tracker's own `withFilters`, so both screens agree on it.
 */

/** Statuses before resolution: the issues still open. */
export const OPEN_STATUSES: readonly IssueStatus[] = [
  IssueStatus.OPEN,
  IssueStatus.IN_REVIEW,
  IssueStatus.AWAITING_DECISION,
  IssueStatus.DECIDED,
];

/**
 * The dashboard's issue-level filters carried into the tracker, so a chart of WIPT issues opens
 * on WIPT issues. The clicked element's own filters win over them.
 */
function carried(scope: Pick<DashboardFilters, 'teamId' | 'tier' | 'consequence'> | null) {
  if (!scope) return {};
  const patch: { -readonly [K in keyof TrackerFilters]?: TrackerFilters[K] } = {};
  if (scope.teamId) patch.teamId = scope.teamId;
  if (scope.tier) patch.tier = scope.tier;
  if (scope.consequence.length) patch.consequence = [...scope.consequence];
  return patch;
}

/** `/issues?program=HX&...` with these tracker filters (commas left readable). */
export function trackerUrl(
  programKey: string,
  filters: Partial<TrackerFilters>,
  scope: Pick<DashboardFilters, 'teamId' | 'tier' | 'consequence'> | null = null,
): string {
  const params = withFilters(new URLSearchParams({ [PARAM.program]: programKey }), {
    ...NO_FILTERS,
    ...carried(scope),
    ...filters,
  });
  return `/issues?${params.toString().replace(/%2C/g, ',')}`;
}

export type Scope = Pick<DashboardFilters, 'teamId' | 'tier' | 'consequence'> | null;

/** An aging band: the open issues raised in its window of local dates. */
export function agingBandUrl(
  programKey: string,
  band: { raisedFrom: string; raisedTo: string | null; maxDays: number | null },
  scope: Scope = null,
): string {
  return trackerUrl(
    programKey,
    {
      status: [...OPEN_STATUSES],
      // The oldest band has no lower bound: "raised on or before".
      raisedFrom: band.maxDays === null ? null : band.raisedFrom,
      raisedTo: band.raisedTo,
    },
    scope,
  );
}

/** A discipline's bar ("engineering late"): issues still waiting on it, overdue. */
export function disciplineUrl(programKey: string, discipline: string, scope: Scope = null) {
  return trackerUrl(programKey, { pendingDiscipline: discipline, overdue: true }, scope);
}

/** A decision authority's bar: the issues awaiting its decision. */
export function authorityUrl(programKey: string, teamId: string, scope: Scope = null) {
  return trackerUrl(
    programKey,
    { teamId, status: [IssueStatus.AWAITING_DECISION] },
    scope && { ...scope, teamId: null },
  );
}

/** A tier's bar: the open issues sitting at that tier. */
export function tierUrl(programKey: string, tier: Tier, scope: Scope = null) {
  return trackerUrl(programKey, { tier, status: [...OPEN_STATUSES] }, scope);
}

/** A week's "opened" bar: the issues raised that week (Monday to Sunday, local dates). */
export function weekUrl(programKey: string, weekStart: string, scope: Scope = null) {
  return trackerUrl(
    programKey,
    { raisedFrom: weekStart, raisedTo: addCalendarDays(weekStart, 6) },
    scope,
  );
}

/**
 * A week's "closed" bar: the issues that ended that week (Monday to Sunday, local dates), ended
 * being the first of resolved, closed and withdrawn, as the report counts them.
 */
export function weekClosedUrl(programKey: string, weekStart: string, scope: Scope = null) {
  return trackerUrl(
    programKey,
    { endedFrom: weekStart, endedTo: addCalendarDays(weekStart, 6) },
    scope,
  );
}

/** The overdue headline: every issue whose running stage is past due. */
export function overdueUrl(programKey: string, scope: Scope = null) {
  return trackerUrl(programKey, { overdue: true }, scope);
}

/** Every issue waiting for a decision (the forecasts' list, when it shows only the soonest). */
export function awaitingDecisionUrl(programKey: string, scope: Scope = null) {
  return trackerUrl(programKey, { status: [IssueStatus.AWAITING_DECISION] }, scope);
}

/** The open headline: every open issue. */
export function openUrl(programKey: string, scope: Scope = null) {
  return trackerUrl(programKey, { status: [...OPEN_STATUSES] }, scope);
}
