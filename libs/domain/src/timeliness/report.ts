import type { Consequence, EscalationSource, Stage, Tier } from '../enums';
import { STAGES, TIERS_LOWEST_FIRST } from '../enums';
import { addCalendarDays, instantAtLocal, localDateOf, weekday } from './calendar';
import {
  DAY_MS,
  runningStage,
  stageClock,
  stageFinish,
  stageStart,
  type Instant,
  type IssueClockFacts,
} from './clocks';
import { percentile } from './percentiles';
import { badInput } from '../errors';

/**
 * The longest period a report measures: three years (of leap years, so any three calendar years
 * fit). A report walks every week of the period and of the one before it (the trend), so this
 * bounds that walk at about 320 weeks: a dashboard answers in milliseconds, never for minutes.
 * Three years covers the longest span a program office compares (a fiscal year against the two
 * before it).
 */
export const MAX_REPORT_PERIOD_DAYS = 3 * 366;

/**
 * The timeliness figures of a program (docs/domain.md#timeliness) as pure functions of its facts
 * and an as-of instant. The API feeds them facts read from its tables (the current state) or
 * folded from the event log (a past instant); the figures are computed here, once.
 */

export interface IssueFacts extends IssueClockFacts {
  readonly id: string;
  readonly key: string;
  readonly title: string;
  readonly teamId: string;
  readonly tier: Tier;
  readonly requiredDisciplines: readonly string[];
  /** Required disciplines with neither a current recommendation nor a waiver. */
  readonly pendingDisciplines: readonly string[];
}

export interface RecommendationFacts {
  readonly issueId: string;
  readonly discipline: string;
  readonly teamId: string;
  readonly tier: Tier;
  /** When the discipline was asked (triage, or arrival at a new tier). */
  readonly requestedAt: Instant;
  readonly submittedAt: Instant;
  /** The recommendations due date in force when it was submitted. */
  readonly dueAt: Instant | null;
}

export interface DecisionFacts {
  readonly issueId: string;
  /** The team whose decision authority decided: the "authority" of the metrics. */
  readonly teamId: string;
  readonly tier: Tier;
  readonly decidedById: string;
  readonly readyAt: Instant | null;
  readonly decidedAt: Instant;
  readonly dueAt: Instant | null;
  /** A later decision replaced this one. */
  readonly superseded: boolean;
}

export interface EscalationFacts {
  readonly issueId: string;
  readonly fromTeamId: string;
  readonly toTeamId: string;
  readonly fromTier: Tier;
  readonly toTier: Tier;
  readonly at: Instant;
  readonly source: EscalationSource;
  /** The clock running when the issue left its tier (the issue's own clocks restart). */
  readonly fromStage: Stage | null;
  readonly fromStageStartedAt: Instant | null;
  readonly fromStageDueAt: Instant | null;
}

export interface ActionItemFacts {
  readonly id: string;
  readonly issueId: string;
  readonly title: string;
  readonly assigneeId: string;
  readonly dueAt: Instant;
  readonly doneAt: Instant | null;
}

export interface ProgramFacts {
  readonly issues: readonly IssueFacts[];
  readonly recommendations: readonly RecommendationFacts[];
  readonly decisions: readonly DecisionFacts[];
  readonly escalations: readonly EscalationFacts[];
  readonly actionItems: readonly ActionItemFacts[];
}

export interface TimelinessFilter {
  readonly teamId?: string | null;
  readonly tier?: Tier | null;
  readonly consequence?: readonly Consequence[] | null;
  readonly discipline?: string | null;
  /** A decision authority: the team whose authority decides. */
  readonly authorityTeamId?: string | null;
}

export interface ReportWindow {
  readonly asOf: Instant;
  /** The period over which completed work is measured: [from, to]. */
  readonly from: Instant;
  readonly to: Instant;
  readonly timeZone: string;
}

export interface Percentiles {
  readonly count: number;
  readonly p50Days: number | null;
  readonly p90Days: number | null;
}

export interface AgingBand {
  readonly label: string;
  readonly minDays: number;
  readonly maxDays: number | null;
  readonly count: number;
}

export const AGING_BANDS: readonly Omit<AgingBand, 'count'>[] = [
  { label: '0-7 days', minDays: 0, maxDays: 7 },
  { label: '8-15 days', minDays: 8, maxDays: 15 },
  { label: '16-30 days', minDays: 16, maxDays: 30 },
  { label: '31-60 days', minDays: 31, maxDays: 60 },
  { label: '>60 days', minDays: 61, maxDays: null },
];

export interface DisciplineLatency extends Percentiles {
  readonly discipline: string;
  readonly onTimeRate: number | null;
  /** Submitted after the due date in the period, plus owed and overdue now. */
  readonly late: number;
  /** Owed now (required, not covered) on open issues. */
  readonly pending: number;
}

export interface AuthorityLatency extends Percentiles {
  readonly teamId: string;
  readonly tier: Tier;
  readonly onTimeRate: number | null;
  /** Issues waiting on this authority's decision now. */
  readonly pending: number;
}

export interface TierLatency extends Percentiles {
  readonly tier: Tier;
  readonly onTimeRate: number | null;
}

export interface TierDwell {
  readonly tier: Tier;
  /** Open issues sitting at this tier now. */
  readonly open: number;
  /** How long the open ones have sat at this tier so far. */
  readonly openAge: Percentiles;
  /** Completed stays at this tier that ended in the period. */
  readonly completed: Percentiles;
}

export interface OverdueIssue {
  readonly issueId: string;
  readonly stage: Stage;
  readonly dueAt: Instant;
  readonly lateByDays: number;
}

export interface OverdueActionItem {
  readonly id: string;
  readonly issueId: string;
  readonly dueAt: Instant;
  readonly lateByDays: number;
}

export interface WeekCount {
  /** Monday of the week, a local date in the program's zone. */
  readonly weekStart: string;
  readonly opened: number;
  readonly closed: number;
  /** Issues overdue at the end of the week (or now, for the current week). */
  readonly overdue: number;
}

export type ForecastBasis = 'AUTHORITY' | 'TIER' | 'PROGRAM' | 'NONE';

export interface DecisionForecast {
  readonly issueId: string;
  readonly teamId: string;
  readonly tier: Tier;
  readonly readyAt: Instant;
  readonly dueAt: Instant | null;
  readonly p50At: Instant | null;
  readonly p90At: Instant | null;
  readonly basis: ForecastBasis;
  /** How many past decisions the forecast rests on. */
  readonly basisCount: number;
}

export interface Figure {
  readonly value: number | null;
  /** The same figure for the period before (or at its start, for counts): the trend. */
  readonly previous: number | null;
}

export interface TimelinessHeadline {
  readonly open: Figure;
  readonly overdue: Figure;
  readonly medianResolutionDays: Figure;
  readonly decisionOnTimeRate: Figure;
  readonly escalationRate: Figure;
}

export interface TimelinessReport {
  readonly headline: TimelinessHeadline;
  readonly aging: readonly AgingBand[];
  readonly resolution: Percentiles;
  readonly recommendationLatency: readonly DisciplineLatency[];
  readonly recommendationOnTimeRate: number | null;
  readonly decisionLatencyByAuthority: readonly AuthorityLatency[];
  readonly decisionLatencyByTier: readonly TierLatency[];
  readonly decisionOnTimeRate: number | null;
  readonly escalationRate: number | null;
  readonly tierDwell: readonly TierDwell[];
  readonly wiptResolutionShare: number | null;
  readonly overdueIssues: readonly OverdueIssue[];
  readonly overdueActionItems: readonly OverdueActionItem[];
  readonly weekly: readonly WeekCount[];
  readonly forecasts: readonly DecisionForecast[];
}

/** Fewer past decisions than this and a forecast falls back to a wider basis. */
export const MIN_FORECAST_SAMPLES = 5;
/** How far back an authority's history counts for forecasts. */
export const FORECAST_HISTORY_DAYS = 365;

const OPEN_STATUSES = new Set(['OPEN', 'IN_REVIEW', 'AWAITING_DECISION', 'DECIDED']);

/** When an issue stopped being open (resolved, closed or withdrawn), if it has. */
export function issueEndedAt(issue: IssueClockFacts): Instant | null {
  // Called for every issue many times over: no array, no allocation.
  let ended = issue.resolvedAt;
  if (issue.closedAt !== null && (ended === null || issue.closedAt < ended)) ended = issue.closedAt;
  if (issue.withdrawnAt !== null && (ended === null || issue.withdrawnAt < ended))
    ended = issue.withdrawnAt;
  return ended;
}

/**
 * The last instant an issue can count in a report: a report looking back to `since` needs the
 * issues whose value here is at or after `since` (those open now, forever; the others until the
 * last of raised, resolved, closed or withdrawn). The API's roll-up of facts is kept by it.
 */
export function issueCountsUntil(issue: IssueClockFacts): Instant {
  if (OPEN_STATUSES.has(issue.status)) return Infinity;
  let last = issue.raisedAt;
  for (const at of [issue.resolvedAt, issue.closedAt, issue.withdrawnAt])
    if (at !== null && at > last) last = at;
  return last;
}

export function isOpenAt(issue: IssueFacts, at: Instant): boolean {
  if (issue.raisedAt > at) return false;
  const ended = issueEndedAt(issue);
  if (ended === null) return OPEN_STATUSES.has(issue.status);
  return ended > at;
}

/** Whole days between two instants (fractions kept: figures are shown to one decimal). */
export function days(ms: number): number {
  return ms / DAY_MS;
}

function summarize(durationsMs: readonly number[]): Percentiles {
  const p50 = percentile(durationsMs, 50);
  const p90 = percentile(durationsMs, 90);
  return {
    count: durationsMs.length,
    p50Days: p50 === null ? null : days(p50),
    p90Days: p90 === null ? null : days(p90),
  };
}

function rate(hits: number, total: number): number | null {
  return total === 0 ? null : hits / total;
}

const inWindow = (at: Instant | null, from: Instant, to: Instant): at is Instant =>
  at !== null && at >= from && at <= to;

/**
 * Whether an issue was overdue at `at`: its running stage was past due. Before a later escalation
 * the clock that ran is the one the escalation recorded, since the escalation restarted the
 * issue's own clocks at the new tier.
 */
export function overdueAt(
  issue: IssueFacts,
  at: Instant,
  escalationsOf: ReadonlyMap<string, readonly EscalationFacts[]>,
): { stage: Stage; dueAt: Instant } | null {
  if (!isOpenAt(issue, at)) return null;
  const leftLater = escalationsOf.get(issue.id)?.find((e) => e.at > at);
  if (leftLater) {
    const { fromStage, fromStageStartedAt, fromStageDueAt } = leftLater;
    if (fromStage === null || fromStageStartedAt === null || fromStageDueAt === null) return null;
    return fromStageStartedAt <= at && fromStageDueAt < at
      ? { stage: fromStage, dueAt: fromStageDueAt }
      : null;
  }
  const clock = runningStage(issue, at);
  return clock && clock.dueAt !== null && clock.dueAt < at
    ? { stage: clock.stage, dueAt: clock.dueAt }
    : null;
}

/** An open interval of instants (after, before) in which an issue was overdue. */
interface OverdueSpan {
  readonly after: Instant;
  readonly before: Instant;
}

/**
 * The instants at which `overdueAt` holds, as disjoint open intervals: once per issue instead of
 * once per issue and instant (the weekly series asks at every week's end). Equal to `overdueAt`
 * by construction and by a property test.
 */
export function overdueSpansOf(
  issue: IssueFacts,
  escalations: readonly EscalationFacts[],
): OverdueSpan[] {
  const ended = issueEndedAt(issue);
  // Open: raised, and not yet ended (an issue never ended is open only in an open status).
  const openAfter = issue.raisedAt - 1;
  const openBefore =
    ended !== null ? ended : OPEN_STATUSES.has(issue.status) ? Infinity : -Infinity;
  const spans: OverdueSpan[] = [];
  const add = (after: number, before: number) => {
    const a = Math.max(after, openAfter);
    const b = Math.min(before, openBefore);
    if (a < b) spans.push({ after: a, before: b });
  };
  // Before each escalation, the clock it recorded ran (from the previous escalation on).
  let since = -Infinity;
  for (const e of escalations) {
    if (e.fromStage !== null && e.fromStageStartedAt !== null && e.fromStageDueAt !== null) {
      add(Math.max(e.fromStageDueAt, e.fromStageStartedAt - 1, since - 1), e.at);
    }
    since = e.at;
  }
  // After the last one, the issue's own running stage.
  for (const stage of STAGES) {
    const start = stageStart(issue, stage);
    const due = issue.due[stage];
    if (start === null || due === null) continue;
    const finish = stageFinish(issue, stage);
    const stops = finish !== null && finish >= start ? finish : Infinity;
    add(Math.max(due, start - 1, since - 1), stops);
  }
  return spans;
}

/**
 * The report at once. On a large program this holds the caller for the whole computation; a
 * server runs `timelinessReportSteps` instead and lets other work in between the steps.
 */
export function timelinessReport(
  facts: ProgramFacts,
  window: ReportWindow,
  filter: TimelinessFilter = {},
): TimelinessReport {
  const steps = timelinessReportSteps(facts, window, filter);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The report as a sequence of steps: each `yield` ends one pass over the program's facts, so a
 * caller can give other work a turn between passes (the API answers /health and other requests
 * meanwhile). The figures are those of `timelinessReport`, which runs the steps without pause.
 */
export function* timelinessReportSteps(
  facts: ProgramFacts,
  window: ReportWindow,
  filter: TimelinessFilter = {},
): Generator<void, TimelinessReport, void> {
  const { asOf, from, to } = window;
  const {
    issues,
    byId,
    decisions,
    recommendations,
    escalations,
    escalationsOf,
    actionItems,
    columns,
  } = prepared(facts, filter, asOf);
  yield;
  // The issues' instants as columns (NaN: none), read in the passes over every issue below.
  const { raised, ended: endedAt, resolved: resolvedAt, openStatus } = columns;
  const openAt = (i: number, at: Instant) => {
    if ((raised[i] as number) > at) return false;
    const ended = endedAt[i] as number;
    return ended !== ended ? openStatus[i] === 1 : ended > at;
  };
  const endedOf = issueEndedAt;

  const openNow: IssueFacts[] = [];
  for (let i = 0; i < issues.length; i++)
    if (openAt(i, asOf)) openNow.push(issues[i] as IssueFacts);
  const length = to - from;
  yield;

  // Aging counts from raise, not from last touch.
  const aging = AGING_BANDS.map((band) => ({
    ...band,
    count: openNow.filter((issue) => {
      const age = Math.floor((asOf - issue.raisedAt) / DAY_MS);
      return age >= band.minDays && (band.maxDays === null || age <= band.maxDays);
    }).length,
  }));

  const resolutionIn = (start: Instant, end: Instant) => {
    const durations: number[] = [];
    for (let i = 0; i < issues.length; i++) {
      const resolved = resolvedAt[i] as number;
      if (resolved >= start && resolved <= end && resolved <= asOf)
        durations.push(resolved - (raised[i] as number));
    }
    return durations;
  };
  const resolution = summarize(resolutionIn(from, to));
  yield;

  const recsInPeriod = recommendations.filter((r) => inWindow(r.submittedAt, from, to));
  const pendingByDiscipline = new Map<string, { pending: number; overdue: number }>();
  for (const issue of openNow) {
    const clock = stageClock(issue, 'RECOMMENDATIONS', asOf);
    if (clock.state !== 'RUNNING') continue;
    for (const discipline of issue.pendingDisciplines) {
      if (filter.discipline && discipline !== filter.discipline) continue;
      const entry = pendingByDiscipline.get(discipline) ?? { pending: 0, overdue: 0 };
      entry.pending++;
      if (clock.dueAt !== null && clock.dueAt < asOf) entry.overdue++;
      pendingByDiscipline.set(discipline, entry);
    }
  }
  const disciplines = new Set([
    ...recsInPeriod.map((r) => r.discipline),
    ...pendingByDiscipline.keys(),
  ]);
  const recsByDiscipline = groupBy(recsInPeriod, (r) => r.discipline);
  const recommendationLatency = [...disciplines]
    .map((discipline): DisciplineLatency => {
      const mine = recsByDiscipline.get(discipline) ?? [];
      const timed = mine.filter((r) => r.dueAt !== null);
      const lateSubmitted = timed.filter((r) => r.submittedAt > (r.dueAt as Instant)).length;
      const pending = pendingByDiscipline.get(discipline) ?? { pending: 0, overdue: 0 };
      return {
        discipline,
        ...summarize(mine.map((r) => Math.max(0, r.submittedAt - r.requestedAt))),
        onTimeRate: rate(timed.length - lateSubmitted, timed.length),
        late: lateSubmitted + pending.overdue,
        pending: pending.pending,
      };
    })
    .sort(slowestFirst((d) => d.discipline));
  const timedRecs = recsInPeriod.filter((r) => r.dueAt !== null);
  const recommendationOnTimeRate = rate(
    timedRecs.filter((r) => r.submittedAt <= (r.dueAt as Instant)).length,
    timedRecs.length,
  );

  yield;
  const decisionsIn = (start: Instant, end: Instant) =>
    decisions.filter((d) => inWindow(d.decidedAt, start, end));
  const periodDecisions = decisionsIn(from, to);
  const latencyOf = (d: DecisionFacts) => Math.max(0, d.decidedAt - (d.readyAt ?? d.decidedAt));
  const onTime = (list: readonly DecisionFacts[]) => {
    const timed = list.filter((d) => d.dueAt !== null);
    return rate(timed.filter((d) => d.decidedAt <= (d.dueAt as Instant)).length, timed.length);
  };
  const waitingNow = openNow.filter(
    (issue) => issue.status === 'AWAITING_DECISION' && issue.readyAt !== null,
  );
  const authorityTeams = new Map<string, Tier>();
  for (const d of periodDecisions) authorityTeams.set(d.teamId, d.tier);
  for (const issue of waitingNow) authorityTeams.set(issue.teamId, issue.tier);
  const decisionsByTeam = groupBy(periodDecisions, (d) => d.teamId);
  const waitingByTeam = groupBy(waitingNow, (issue) => issue.teamId);
  const decisionLatencyByAuthority = [...authorityTeams]
    .map(([teamId, tier]): AuthorityLatency => {
      const mine = decisionsByTeam.get(teamId) ?? [];
      return {
        teamId,
        tier,
        ...summarize(mine.map(latencyOf)),
        onTimeRate: onTime(mine),
        pending: waitingByTeam.get(teamId)?.length ?? 0,
      };
    })
    .sort(slowestFirst((a) => a.teamId));
  const decisionsByTier = groupBy(periodDecisions, (d) => d.tier);
  const decisionLatencyByTier = TIERS_LOWEST_FIRST.map((tier): TierLatency => {
    const mine = decisionsByTier.get(tier) ?? [];
    return { tier, ...summarize(mine.map(latencyOf)), onTimeRate: onTime(mine) };
  });

  const escalationRateIn = (start: Instant, end: Instant) => {
    const escalated = new Set<string>();
    for (const e of escalations) if (inWindow(e.at, start, end)) escalated.add(e.issueId);
    const until = Math.min(end, asOf);
    const isActive = (issue: IssueFacts) => {
      if (issue.raisedAt > until) return false;
      const ended = endedOf(issue);
      return ended === null || ended >= start;
    };
    let active = 0;
    for (let i = 0; i < issues.length; i++) {
      const ended = endedAt[i] as number;
      if ((raised[i] as number) <= until && (ended !== ended || ended >= start)) active++;
    }
    // The escalated are few: look them up, rather than every issue in the set.
    let hits = 0;
    for (const id of escalated) if (isActive(byId.get(id) as IssueFacts)) hits++;
    return rate(hits, active);
  };

  yield;
  const stays = prepared(facts, filter, asOf).stays;
  const openByTier = groupBy(openNow, (issue) => issue.tier);
  const completedByTier = new Map<Tier, number[]>();
  for (const stay of stays) {
    if (stay.leftAt === null || !inWindow(stay.leftAt, from, to)) continue;
    const list = completedByTier.get(stay.tier);
    if (list) list.push(stay.leftAt - stay.enteredAt);
    else completedByTier.set(stay.tier, [stay.leftAt - stay.enteredAt]);
  }
  const tierDwell = TIERS_LOWEST_FIRST.map((tier): TierDwell => {
    const openHere = openByTier.get(tier) ?? [];
    const completed = completedByTier.get(tier) ?? [];
    return {
      tier,
      open: openHere.length,
      openAge: summarize(openHere.map((issue) => asOf - issue.tierEnteredAt)),
      completed: summarize(completed),
    };
  });

  // The decision that stands (not superseded) says where the issue was settled.
  const standing = periodDecisions.filter((d) => !d.superseded);
  const wiptResolutionShare = rate(
    standing.filter((d) => d.tier === 'WIPT').length,
    standing.length,
  );

  yield;
  const overdueIssues = openNow
    .flatMap((issue): OverdueIssue[] => {
      const clock = overdueAt(issue, asOf, escalationsOf);
      return clock
        ? [
            {
              issueId: issue.id,
              stage: clock.stage,
              dueAt: clock.dueAt as Instant,
              lateByDays: days(asOf - (clock.dueAt as Instant)),
            },
          ]
        : [];
    })
    .sort((a, b) => b.lateByDays - a.lateByDays || a.issueId.localeCompare(b.issueId));
  const overdueActionItems = actionItems
    .filter((a) => {
      // The item's own instants first: most items are done or not yet due, with no lookup.
      if (!(a.dueAt < asOf && (a.doneAt === null || a.doneAt > asOf))) return false;
      const issue = byId.get(a.issueId) as IssueFacts;
      const created = issue.decidedAt;
      return created !== null && created <= asOf && isOpenAt(issue, asOf);
    })
    .map((a) => ({
      id: a.id,
      issueId: a.issueId,
      dueAt: a.dueAt,
      lateByDays: days(asOf - a.dueAt),
    }))
    .sort((a, b) => b.lateByDays - a.lateByDays || a.id.localeCompare(b.id));

  yield;
  const weeks = weeksOf(window);
  const weekOf = (at: Instant) => {
    // Weeks are few; the last one starting at or before `at`, if `at` falls in it. Most issues
    // were raised before the first week: no walk for them.
    if (weeks.length === 0 || at < (weeks[0] as (typeof weeks)[number]).start) return -1;
    for (let i = weeks.length - 1; i >= 0; i--) {
      const week = weeks[i] as (typeof weeks)[number];
      if (at >= week.start) return at < week.end ? i : -1;
    }
    return -1;
  };
  const opened = weeks.map(() => 0);
  const closed = weeks.map(() => 0);
  const overdueSpans = prepared(facts, filter, asOf).overdueSpans;
  for (let i = 0; i < issues.length; i++) {
    const raisedIn = weekOf(raised[i] as number);
    if (raisedIn >= 0) opened[raisedIn] = (opened[raisedIn] as number) + 1;
    const ended = endedAt[i] as number;
    const closedIn = ended <= asOf ? weekOf(ended) : -1;
    if (closedIn >= 0) closed[closedIn] = (closed[closedIn] as number) + 1;
  }
  const overdueCountAt = (at: Instant) =>
    overdueSpans.reduce(
      (count, span) => (span.after < at && at < span.before ? count + 1 : count),
      0,
    );
  const weekly = weeks.map(({ weekStart, end }, i): WeekCount => ({
    weekStart,
    opened: opened[i] as number,
    closed: closed[i] as number,
    overdue: overdueCountAt(Math.min(end, asOf)),
  }));

  yield;
  const forecasts = forecastDecisions(waitingNow, facts.decisions, filter, asOf);
  yield;

  const previousFrom = from - length;
  function countOpenAt(at: Instant): number {
    let count = 0;
    for (let i = 0; i < issues.length; i++) if (openAt(i, at)) count++;
    return count;
  }
  const decisionOnTimeRate = onTime(periodDecisions);
  const escalationRate = escalationRateIn(from, to);
  yield;
  const previousOpen = countOpenAt(from);
  yield;
  const previousResolution = summarize(resolutionIn(previousFrom, from)).p50Days;
  yield;
  const previousEscalationRate = escalationRateIn(previousFrom, from);
  yield;
  const headline: TimelinessHeadline = {
    open: { value: openNow.length, previous: previousOpen },
    overdue: {
      value: overdueIssues.length,
      previous: overdueCountAt(from),
    },
    medianResolutionDays: {
      value: resolution.p50Days,
      previous: previousResolution,
    },
    decisionOnTimeRate: {
      value: decisionOnTimeRate,
      previous: onTime(decisionsIn(previousFrom, from)),
    },
    escalationRate: { value: escalationRate, previous: previousEscalationRate },
  };

  return {
    headline,
    aging,
    resolution,
    recommendationLatency,
    recommendationOnTimeRate,
    decisionLatencyByAuthority,
    decisionLatencyByTier,
    decisionOnTimeRate,
    escalationRate,
    tierDwell,
    wiptResolutionShare,
    overdueIssues,
    overdueActionItems,
    weekly,
    forecasts,
  };
}

/** The facts a report reads, narrowed to the filter and the as-of instant, and grouped. */
interface PreparedFacts {
  readonly issues: readonly IssueFacts[];
  readonly byId: ReadonlyMap<string, IssueFacts>;
  readonly decisions: readonly DecisionFacts[];
  readonly recommendations: readonly RecommendationFacts[];
  readonly escalations: readonly EscalationFacts[];
  /** Each issue's escalations, oldest first. */
  readonly escalationsOf: ReadonlyMap<string, readonly EscalationFacts[]>;
  readonly actionItems: readonly ActionItemFacts[];
  readonly overdueSpans: readonly OverdueSpan[];
  readonly stays: readonly TierStay[];
  readonly columns: IssueColumns;
}

/** The issues' instants in typed arrays, by the issues' order (NaN: none). */
interface IssueColumns {
  readonly raised: Float64Array;
  /** The first of resolved, closed and withdrawn (`issueEndedAt`). */
  readonly ended: Float64Array;
  /** Resolved, or else closed: when resolution time stops. */
  readonly resolved: Float64Array;
  /** 1 when the status is an open one. */
  readonly openStatus: Uint8Array;
}

function issueColumns(issues: readonly IssueFacts[]): IssueColumns {
  const raised = new Float64Array(issues.length);
  const ended = new Float64Array(issues.length);
  const resolved = new Float64Array(issues.length);
  const openStatus = new Uint8Array(issues.length);
  issues.forEach((issue, i) => {
    raised[i] = issue.raisedAt;
    ended[i] = issueEndedAt(issue) ?? NaN;
    resolved[i] = issue.resolvedAt ?? issue.closedAt ?? NaN;
    openStatus[i] = OPEN_STATUSES.has(issue.status) ? 1 : 0;
  });
  return { raised, ended, resolved, openStatus };
}

/**
 * What was prepared from frozen facts, per filter (ADR 23). Frozen facts cannot change, and once
 * the as-of instant is at or after every instant in them (the current view's always is), nothing
 * prepared depends on it: the API's facts cache hands the same frozen facts to request after
 * request, so this work is done once, not per request.
 */
const preparedOf = new WeakMap<
  ProgramFacts,
  { readonly latest: Instant; readonly byFilter: Map<string, PreparedFacts> }
>();
/** Filters remembered per facts: the most recently used. */
const PREPARED_FILTERS = 16;

function prepared(facts: ProgramFacts, filter: TimelinessFilter, asOf: Instant): PreparedFacts {
  const frozen =
    Object.isFrozen(facts.issues) &&
    Object.isFrozen(facts.decisions) &&
    Object.isFrozen(facts.recommendations) &&
    Object.isFrozen(facts.escalations) &&
    Object.isFrozen(facts.actionItems);
  if (!frozen) return prepare(facts, filter, asOf);
  let entry = preparedOf.get(facts);
  if (!entry) {
    entry = { latest: latestInstant(facts), byFilter: new Map() };
    preparedOf.set(facts, entry);
  }
  if (asOf < entry.latest) return prepare(facts, filter, asOf);
  const key = JSON.stringify([
    filter.teamId || null,
    filter.tier || null,
    filter.consequence && filter.consequence.length > 0 ? filter.consequence : null,
    filter.discipline || null,
    filter.authorityTeamId || null,
  ]);
  let found = entry.byFilter.get(key);
  if (found) {
    entry.byFilter.delete(key);
  } else {
    // Prepared as of the latest instant: the same as for any later as-of.
    found = prepare(facts, filter, entry.latest);
    for (const old of entry.byFilter.keys()) {
      if (entry.byFilter.size < PREPARED_FILTERS) break;
      entry.byFilter.delete(old);
    }
  }
  entry.byFilter.set(key, found);
  return found;
}

/** The latest instant any comparison with the as-of instant in `prepare` looks at. */
function latestInstant(facts: ProgramFacts): Instant {
  let latest = -Infinity;
  for (const issue of facts.issues) {
    if (issue.raisedAt > latest) latest = issue.raisedAt;
    const ended = issueEndedAt(issue);
    if (ended !== null && ended > latest) latest = ended;
  }
  for (const d of facts.decisions) if (d.decidedAt > latest) latest = d.decidedAt;
  for (const r of facts.recommendations) if (r.submittedAt > latest) latest = r.submittedAt;
  for (const e of facts.escalations) if (e.at > latest) latest = e.at;
  return latest;
}

function prepare(facts: ProgramFacts, filter: TimelinessFilter, asOf: Instant): PreparedFacts {
  const issues = facts.issues.filter((issue) => issueMatches(issue, filter));
  const byId = new Map(issues.map((issue) => [issue.id, issue]));
  const decisions = facts.decisions.filter(
    (d) => byId.has(d.issueId) && decisionMatches(d, filter) && d.decidedAt <= asOf,
  );
  const recommendations = firstAnswers(
    facts.recommendations.filter(
      (r) =>
        byId.has(r.issueId) &&
        r.submittedAt <= asOf &&
        (!filter.discipline || r.discipline === filter.discipline) &&
        (!filter.teamId || r.teamId === filter.teamId) &&
        (!filter.tier || r.tier === filter.tier),
    ),
  );
  const escalations = facts.escalations.filter((e) => byId.has(e.issueId) && e.at <= asOf);
  const escalationsOf = new Map<string, EscalationFacts[]>();
  for (const e of [...escalations].sort((a, b) => a.at - b.at)) {
    const list = escalationsOf.get(e.issueId);
    if (list) list.push(e);
    else escalationsOf.set(e.issueId, [e]);
  }
  const actionItems = facts.actionItems.filter((a) => byId.has(a.issueId));
  const overdueSpans: OverdueSpan[] = [];
  for (const issue of issues)
    for (const span of overdueSpansOf(issue, escalationsOf.get(issue.id) ?? []))
      overdueSpans.push(span);
  return {
    issues,
    byId,
    decisions,
    recommendations,
    escalations,
    escalationsOf,
    actionItems,
    overdueSpans,
    stays: tierStays(issues, escalations, asOf),
    columns: issueColumns(issues),
  };
}

/**
 * A discipline's answer to one request: its first submission. A revised recommendation (same
 * request) is not a second answer, so it neither adds a latency nor counts as late again.
 */
function firstAnswers(recommendations: readonly RecommendationFacts[]): RecommendationFacts[] {
  const answers: RecommendationFacts[] = [];
  // Per issue, where its answers sit in `answers`: an issue has a handful, so the search is tiny.
  const byIssue = new Map<string, number[]>();
  for (const r of recommendations) {
    const mine = byIssue.get(r.issueId);
    let same = -1;
    for (const index of mine ?? []) {
      const answer = answers[index] as RecommendationFacts;
      if (answer.discipline === r.discipline && answer.requestedAt === r.requestedAt) {
        same = index;
        break;
      }
    }
    if (same >= 0) {
      if (r.submittedAt < (answers[same] as RecommendationFacts).submittedAt) answers[same] = r;
      continue;
    }
    answers.push(r);
    if (mine) mine.push(answers.length - 1);
    else byIssue.set(r.issueId, [answers.length - 1]);
  }
  return answers;
}

/** The items by key, each group in the items' order. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function issueMatches(issue: IssueFacts, filter: TimelinessFilter): boolean {
  if (filter.teamId && issue.teamId !== filter.teamId) return false;
  if (filter.authorityTeamId && issue.teamId !== filter.authorityTeamId) {
    return false;
  }
  if (filter.tier && issue.tier !== filter.tier) return false;
  if (filter.consequence && filter.consequence.length > 0) {
    if (issue.consequence === null || !filter.consequence.includes(issue.consequence)) return false;
  }
  if (filter.discipline && !issue.requiredDisciplines.includes(filter.discipline)) return false;
  return true;
}

function decisionMatches(decision: DecisionFacts, filter: TimelinessFilter): boolean {
  if (filter.authorityTeamId && decision.teamId !== filter.authorityTeamId) return false;
  if (filter.teamId && decision.teamId !== filter.teamId) return false;
  if (filter.tier && decision.tier !== filter.tier) return false;
  return true;
}

function slowestFirst<T extends Percentiles>(name: (row: T) => string) {
  return (a: T, b: T) => (b.p50Days ?? -1) - (a.p50Days ?? -1) || name(a).localeCompare(name(b));
}

export interface TierStay {
  readonly issueId: string;
  readonly tier: Tier;
  readonly enteredAt: Instant;
  readonly leftAt: Instant | null;
}

/** Each issue's stays on the ladder: raised at one tier, then one stay per escalation. */
export function tierStays(
  issues: readonly IssueFacts[],
  escalations: readonly EscalationFacts[],
  asOf: Instant,
): TierStay[] {
  const byIssue = new Map<string, EscalationFacts[]>();
  for (const e of escalations) {
    if (e.at > asOf) continue;
    const list = byIssue.get(e.issueId) ?? [];
    list.push(e);
    byIssue.set(e.issueId, list);
  }
  const stays: TierStay[] = [];
  for (const issue of issues) {
    if (issue.raisedAt > asOf) continue;
    const moves = (byIssue.get(issue.id) ?? []).sort((a, b) => a.at - b.at);
    const ended = issueEndedAt(issue);
    const end = ended !== null && ended <= asOf ? ended : null;
    let tier = moves[0]?.fromTier ?? issue.tier;
    let enteredAt = issue.raisedAt;
    for (const move of moves) {
      stays.push({ issueId: issue.id, tier, enteredAt, leftAt: move.at });
      tier = move.toTier;
      enteredAt = move.at;
    }
    stays.push({ issueId: issue.id, tier, enteredAt, leftAt: end });
  }
  return stays;
}

/** The program's weeks (Monday to Monday, local) that overlap the period, oldest first. */
export function weeksOf(
  window: ReportWindow,
): { weekStart: string; start: Instant; end: Instant }[] {
  // Callers refuse such periods with their own wording; this keeps the walk below finite anyway.
  if (
    !Number.isFinite(window.from) ||
    !Number.isFinite(window.to) ||
    window.to - window.from > MAX_REPORT_PERIOD_DAYS * DAY_MS
  ) {
    throw badInput('to', `A period can be at most ${MAX_REPORT_PERIOD_DAYS} days long.`);
  }
  const first = localDateOf(new Date(window.from), window.timeZone);
  let monday = addCalendarDays(first, -((weekday(first) + 6) % 7));
  const weeks: { weekStart: string; start: Instant; end: Instant }[] = [];
  while (true) {
    const start = instantAtLocal(monday, 0, window.timeZone).getTime();
    if (start > window.to) break;
    const next = addCalendarDays(monday, 7);
    weeks.push({
      weekStart: monday,
      start,
      end: instantAtLocal(next, 0, window.timeZone).getTime(),
    });
    monday = next;
  }
  return weeks;
}

/**
 * When each pending decision will likely land: the p50/p90 of the decision latencies of its
 * authority's own past decisions, or its tier's, or the program's, whichever first has enough.
 * Given how long it has waited already, only past decisions that took longer count.
 */
export function forecastDecisions(
  waiting: readonly IssueFacts[],
  allDecisions: readonly DecisionFacts[],
  filter: TimelinessFilter,
  asOf: Instant,
): DecisionForecast[] {
  const { byTeam, byTier, program } = forecastSamples(allDecisions, asOf);
  return waiting
    .filter((issue) => !filter.authorityTeamId || issue.teamId === filter.authorityTeamId)
    .map((issue): DecisionForecast => {
      const readyAt = issue.readyAt as Instant;
      const bases: [ForecastBasis, Float64Array][] = [
        ['AUTHORITY', byTeam.get(issue.teamId) ?? NO_SAMPLES],
        ['TIER', byTier.get(issue.tier) ?? NO_SAMPLES],
        ['PROGRAM', program],
      ];
      const chosen = bases.find(([, samples]) => samples.length >= MIN_FORECAST_SAMPLES);
      const base = {
        issueId: issue.id,
        teamId: issue.teamId,
        tier: issue.tier,
        readyAt,
        dueAt: issue.due.DECISION,
      };
      if (!chosen) return { ...base, p50At: null, p90At: null, basis: 'NONE', basisCount: 0 };
      const [basis, sorted] = chosen;
      // Only past decisions that took longer than this one has waited: a sorted suffix.
      const longer = sorted.length - firstAbove(sorted, asOf - readyAt);
      const rank = (p: number) =>
        sorted[sorted.length - longer + Math.max(1, Math.ceil((p / 100) * longer)) - 1] as number;
      // Waited longer than any past decision took: expect it any time now.
      const p50 = longer > 0 ? readyAt + rank(50) : asOf;
      const p90 = longer > 0 ? readyAt + rank(90) : asOf;
      return { ...base, p50At: p50, p90At: p90, basis, basisCount: sorted.length };
    })
    .sort(
      (a, b) => (a.p50At ?? Infinity) - (b.p50At ?? Infinity) || a.issueId.localeCompare(b.issueId),
    );
}

interface ForecastSamples {
  readonly byTeam: ReadonlyMap<string, Float64Array>;
  readonly byTier: ReadonlyMap<Tier, Float64Array>;
  readonly program: Float64Array;
}

/**
 * The sorted samples of frozen decisions, kept with the as-of instants they hold for: a decision
 * with a ready instant counts at `asOf` in [decidedAt, decidedAt + a year], so the same samples
 * serve every as-of instant until one crosses such a bound (ADR 23). On 1M issues they are a
 * year of ~250k decisions, sorted three ways.
 */
const samplesOf = new WeakMap<
  readonly DecisionFacts[],
  {
    readonly samples: ForecastSamples;
    /** Valid for asOf >= atLeast, > above, <= atMost and < below. */
    readonly atLeast: Instant;
    readonly above: Instant;
    readonly atMost: Instant;
    readonly below: Instant;
  }
>();

function forecastSamples(allDecisions: readonly DecisionFacts[], asOf: Instant): ForecastSamples {
  const kept = samplesOf.get(allDecisions);
  if (kept && asOf >= kept.atLeast && asOf > kept.above && asOf <= kept.atMost && asOf < kept.below)
    return kept.samples;
  const span = FORECAST_HISTORY_DAYS * DAY_MS;
  const since = asOf - span;
  let atLeast = -Infinity;
  let above = -Infinity;
  let atMost = Infinity;
  let below = Infinity;
  const history: DecisionFacts[] = [];
  for (const d of allDecisions) {
    if (d.readyAt === null) continue;
    if (d.decidedAt > asOf) {
      if (d.decidedAt < below) below = d.decidedAt;
    } else if (d.decidedAt < since) {
      if (d.decidedAt + span > above) above = d.decidedAt + span;
    } else {
      if (d.decidedAt > atLeast) atLeast = d.decidedAt;
      if (d.decidedAt + span < atMost) atMost = d.decidedAt + span;
      history.push(d);
    }
  }
  const latency = (d: DecisionFacts) => Math.max(0, d.decidedAt - (d.readyAt as Instant));
  // A year of a large program's decisions is ~250k samples: sorted as typed arrays (numeric,
  // native) rather than through a comparator.
  const samples = {
    byTeam: groupLatencies(history, (d) => d.teamId, latency),
    byTier: groupLatencies(history, (d) => d.tier, latency),
    program: Float64Array.from(history, latency).sort(),
  };
  if (Object.isFrozen(allDecisions))
    samplesOf.set(allDecisions, { samples, atLeast, above, atMost, below });
  return samples;
}

/** The index of the first value above `limit` in ascending `sorted` (its length if none). */
function firstAbove(sorted: ArrayLike<number>, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) > limit) high = mid;
    else low = mid + 1;
  }
  return low;
}

function groupLatencies<K>(
  decisions: readonly DecisionFacts[],
  key: (d: DecisionFacts) => K,
  latency: (d: DecisionFacts) => number,
): Map<K, Float64Array> {
  const groups = new Map<K, number[]>();
  for (const d of decisions) {
    const k = key(d);
    const list = groups.get(k);
    if (list) list.push(latency(d));
    else groups.set(k, [latency(d)]);
  }
  const sorted = new Map<K, Float64Array>();
  for (const [k, list] of groups) sorted.set(k, Float64Array.from(list).sort());
  return sorted;
}

const NO_SAMPLES = new Float64Array(0);
