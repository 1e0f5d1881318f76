import { Inject, Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import {
  DAY_MS,
  FORECAST_HISTORY_DAYS,
  badInput,
  forecastDecisions,
  isConsequence,
  localDateOf,
  MAX_REPORT_PERIOD_DAYS,
  addCalendarDays,
  timelinessReport,
  timelinessReportSteps,
  type DecisionForecast,
  type IssueFacts,
  type Instant,
  type ProgramFacts,
  type TimelinessFilter,
  type TimelinessReport,
} from '@ipt/domain';
import { CLOCK, type Clock } from '../common/clock';
import { runInSteps } from '../common/yielding';
import { DatabaseService } from '../database/database.service';
import { MembershipEntity } from '../programs/membership.entity';
import { ActorService, unseen } from '../programs/actor.service';
import { DisciplineEntity } from '../programs/discipline.entity';
import { ProgramEntity } from '../programs/program.entity';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';
import { IssueEntity } from '../issues/issue.entity';
import { IssueHolders, type NamedHolder } from '../issues/issue-holders.service';
import { CurrentFactsCache } from './current-facts.cache';
import { replayFacts } from './replay';
import type { DecisionForecastModel } from './decision-forecast.model';
import type { MyDecisionTimelinessModel } from './my-decision-timeliness.model';
import type { TimelinessFilterInput } from './dto/timeliness-filter.input';
import type { TimelinessReportModel, TimelinessSource } from './timeliness-report.model';

/** The default measured period: the twelve weeks before the as-of instant. */
export const DEFAULT_PERIOD_DAYS = 84;

/**
 * How many overdue issues, overdue action items and forecasts a report lists unless asked: a
 * dashboard shows the most urgent and links to the tracker for the rest (a program of 1M issues
 * has thousands of each: megabytes of response, thousands of table rows).
 */
export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 10_000;

export interface ResolvedWindow {
  readonly program: ProgramEntity;
  readonly asOf: Instant;
  readonly from: Instant;
  readonly to: Instant;
  readonly source: TimelinessSource;
}

/**
 * The `timeliness` query: the program's facts (the roll-up of the current tables, or the event log
 * up to a past as-of instant), the figures computed once in libs/domain, and names put to the ids.
 */
@Injectable()
export class TimelinessService {
  constructor(
    private readonly db: DatabaseService,
    private readonly actors: ActorService,
    private readonly currentFacts: CurrentFactsCache,
    private readonly holders: IssueHolders,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async report(
    user: UserEntity,
    programKey: string,
    filterInput: TimelinessFilterInput | null | undefined,
    asOfInput: Date | null | undefined,
    listLimitInput: number | null | undefined = null,
  ): Promise<TimelinessReportModel> {
    const listLimit = listLimitInput ?? DEFAULT_LIST_LIMIT;
    if (!Number.isInteger(listLimit) || listLimit < 1 || listLimit > MAX_LIST_LIMIT)
      throw badInput('listLimit', `listLimit must be a whole number from 1 to ${MAX_LIST_LIMIT}.`);
    const program = await this.visibleProgram(user, programKey);
    const window = this.window(program, filterInput, asOfInput);
    const filter = toFilter(filterInput);
    const facts = await this.facts(window);
    const report = await runInSteps(
      timelinessReportSteps(
        facts,
        { asOf: window.asOf, from: window.from, to: window.to, timeZone: program.timeZone },
        filter,
      ),
    );
    return this.describe(window, facts, report, listLimit);
  }

  /** Resolves the as-of instant and period, refusing ones that make no sense. */
  window(
    program: ProgramEntity,
    filter: TimelinessFilterInput | null | undefined,
    asOfInput: Date | null | undefined,
  ): ResolvedWindow {
    const now = this.clock.now().getTime();
    const asOf = asOfInput ? asOfInput.getTime() : now;
    if (asOf > now) throw badInput('asOf', 'asOf cannot be in the future: nothing is known yet.');
    if (asOf < program.createdAt.getTime() - DAY_MS * 3650)
      throw badInput('asOf', 'asOf is long before the program existed.');
    const to = filter?.to ? filter.to.getTime() : asOf;
    const from = filter?.from ? filter.from.getTime() : to - DEFAULT_PERIOD_DAYS * DAY_MS;
    if (to > asOf)
      throw badInput('filter.to', 'to cannot be after the as-of instant the period is seen from.');
    if (from >= to)
      throw badInput('filter.from', 'from must be before to: a period starts before it ends.');
    // The report walks every week of the period and the one before: the length bounds that work.
    if (to - from > MAX_REPORT_PERIOD_DAYS * DAY_MS)
      throw badInput(
        'filter.from',
        `A period can be at most three years (${MAX_REPORT_PERIOD_DAYS} days) long: choose a later from or an earlier to.`,
      );
    return { program, asOf, from, to, source: asOf === now ? 'CURRENT_STATE' : 'EVENT_REPLAY' };
  }

  /** The facts a report over the window needs: the roll-up for now, events for the past. */
  facts(window: ResolvedWindow): Promise<ProgramFacts> {
    // The report looks back over the period and the one before it (the trend).
    const since = window.from - (window.to - window.from);
    if (window.source === 'EVENT_REPLAY')
      return replayFacts(this.db.reader, window.program.id, window.asOf, since);
    return this.currentFacts.facts({
      programId: window.program.id,
      since,
      asOf: window.asOf,
    });
  }

  /**
   * Loads the facts cache for the programs with the most issues, as many as it keeps, for the
   * dashboard's default window: the first dashboard after a start then answers from memory
   * (on 1M issues the load takes ~4.5 s). Run at start-up, after the roll-up is complete.
   */
  async warmUp(): Promise<number> {
    const keep = this.currentFacts.capacity;
    if (keep === 0) return 0;
    const largest = await this.db.reader
      .createQueryBuilder()
      .select('i.program_id', 'programId')
      .from('issues', 'i')
      .groupBy('i.program_id')
      .orderBy('count(*)', 'DESC')
      .limit(keep)
      .getRawMany<{ programId: string }>();
    for (const { programId } of largest) {
      const program = await this.db.reader.findOneByOrFail(ProgramEntity, { id: programId });
      const window = this.window(program, null, null);
      // One whole-program report prepares the facts for it (ADR 23): the first dashboard then
      // does only what the instant changes.
      timelinessReport(
        await this.facts(window),
        { asOf: window.asOf, from: window.from, to: window.to, timeZone: program.timeZone },
        {},
      );
    }
    return largest.length;
  }

  async myDecisions(
    user: UserEntity,
    programKey: string,
    asOfInput: Date | null | undefined,
  ): Promise<MyDecisionTimelinessModel> {
    const program = await this.visibleProgram(user, programKey);
    const window = this.window(program, null, asOfInput);
    const facts = await this.factsWithHistory(window);
    const reader = this.db.reader;
    const myTeams = (
      await reader
        .createQueryBuilder(MembershipEntity, 'm')
        .innerJoin(TeamEntity, 't', 't.id = m.team_id')
        .where(
          'm.user_id = :userId AND m.decision_authority = :yes AND t.program_id = :programId',
          {
            userId: user.id,
            yes: true,
            programId: program.id,
          },
        )
        .getMany()
    ).map((m) => m.teamId);
    const waiting = facts.issues.filter(
      (issue) =>
        myTeams.includes(issue.teamId) &&
        issue.status === 'AWAITING_DECISION' &&
        issue.readyAt !== null &&
        issue.readyAt <= window.asOf,
    );
    const forecasts = forecastDecisions(waiting, facts.decisions, {}, window.asOf);
    const names = await this.names(reader, program.id);
    const mine = facts.decisions
      .filter((d) => d.decidedById === user.id && d.decidedAt <= window.asOf)
      .sort((a, b) => b.decidedAt - a.decidedAt);
    const timed = mine.filter((d) => d.dueAt !== null);
    const onTime = timed.filter((d) => d.decidedAt <= (d.dueAt as number)).length;
    const issueById = new Map(facts.issues.map((i) => [i.id, i]));
    return {
      pending: forecasts.map((f) => names.forecast(f, issueById.get(f.issueId))),
      decided: mine.length,
      decidedOnTime: onTime,
      decidedLate: timed.length - onTime,
      decidedUntimed: mine.length - timed.length,
      onTimeRate: timed.length === 0 ? null : onTime / timed.length,
      decisions: mine.map((d) => ({
        issueKey: issueById.get(d.issueId)?.key ?? '',
        title: issueById.get(d.issueId)?.title ?? '',
        tier: d.tier,
        readyAt: d.readyAt === null ? null : new Date(d.readyAt),
        decidedAt: new Date(d.decidedAt),
        dueAt: d.dueAt === null ? null : new Date(d.dueAt),
        latencyDays: d.readyAt === null ? null : (d.decidedAt - d.readyAt) / DAY_MS,
        marginDays: d.dueAt === null ? null : (d.decidedAt - d.dueAt) / DAY_MS,
      })),
    };
  }

  /** Facts reaching back a year, for forecasts and a person's decision record. */
  factsWithHistory(window: ResolvedWindow): Promise<ProgramFacts> {
    return this.facts({
      ...window,
      from: window.asOf - (FORECAST_HISTORY_DAYS * DAY_MS) / 2,
      to: window.asOf,
    });
  }

  async visibleProgram(user: UserEntity, programKey: string): Promise<ProgramEntity> {
    const program = await this.db.reader.findOneBy(ProgramEntity, {
      key: programKey.trim().toUpperCase(),
    });
    if (!program) throw unseen(user, 'Program', programKey);
    await this.actors.authorize(this.db.reader, user, program.id, { action: 'VIEW_PROGRAM' });
    return program;
  }

  private async describe(
    window: ResolvedWindow,
    facts: ProgramFacts,
    report: TimelinessReport,
    listLimit: number,
  ): Promise<TimelinessReportModel> {
    const { program } = window;
    const overdueIssues = report.overdueIssues.slice(0, listLimit);
    const overdueActionItems = report.overdueActionItems.slice(0, listLimit);
    const forecasts = report.forecasts.slice(0, listLimit);
    const names = await this.names(this.db.reader, program.id);
    const disciplines = await this.db.reader.findBy(DisciplineEntity, { programId: program.id });
    const disciplineName = (code: string) => disciplines.find((d) => d.code === code)?.name ?? code;
    const asOfDate = localDateOf(new Date(window.asOf), program.timeZone);
    const { issueById, items } = lookups(facts);
    const date = (instant: Instant) => new Date(instant);
    const assigneeIds = [
      ...new Set(overdueActionItems.map((a) => items.get(a.id)?.assigneeId ?? '')),
    ];
    const assignees =
      assigneeIds.length > 0
        ? await this.db.reader.findBy(UserEntity, { id: In(assigneeIds) })
        : [];
    const holders = await this.holdersNow(
      window,
      overdueIssues.map((o) => o.issueId),
    );
    return {
      programKey: program.key,
      timeZone: program.timeZone,
      asOf: date(window.asOf),
      from: date(window.from),
      to: date(window.to),
      computedFrom: window.source,
      headline: report.headline,
      aging: report.aging.map((band) => ({
        ...band,
        // Age in whole days counts from raise, so band [min, max] is raised min..max days ago.
        raisedFrom: band.maxDays === null ? '2000-01-01' : addCalendarDays(asOfDate, -band.maxDays),
        raisedTo: addCalendarDays(asOfDate, -band.minDays),
      })),
      resolution: report.resolution,
      recommendationLatency: report.recommendationLatency.map((d) => ({
        ...d,
        disciplineName: disciplineName(d.discipline),
      })),
      recommendationOnTimeRate: report.recommendationOnTimeRate,
      decisionLatencyByAuthority: report.decisionLatencyByAuthority.map((a) => ({
        ...a,
        teamName: names.team(a.teamId),
        authorityNames: names.authorities(a.teamId),
      })),
      decisionLatencyByTier: [...report.decisionLatencyByTier],
      decisionOnTimeRate: report.decisionOnTimeRate,
      escalationRate: report.escalationRate,
      tierDwell: [...report.tierDwell],
      wiptResolutionShare: report.wiptResolutionShare,
      overdueIssueCount: report.overdueIssues.length,
      overdueIssues: overdueIssues.map((o) => {
        const issue = issueById.get(o.issueId);
        return {
          issueKey: issue?.key ?? '',
          title: issue?.title ?? '',
          stage: o.stage,
          dueAt: date(o.dueAt),
          lateByDays: o.lateByDays,
          tier: issue?.tier ?? 'WIPT',
          teamName: names.team(issue?.teamId ?? ''),
          holders: holders.get(o.issueId) ?? [],
        };
      }),
      overdueActionItemCount: report.overdueActionItems.length,
      overdueActionItems: overdueActionItems.map((o) => {
        const item = items.get(o.id);
        return {
          id: o.id,
          issueKey: issueById.get(o.issueId)?.key ?? '',
          title: item?.title ?? '',
          assigneeName: assignees.find((u) => u.id === item?.assigneeId)?.name ?? '',
          dueAt: date(o.dueAt),
          lateByDays: o.lateByDays,
        };
      }),
      weekly: [...report.weekly],
      forecastCount: report.forecasts.length,
      forecasts: forecasts.map((f) => names.forecast(f, issueById.get(f.issueId))),
    };
  }

  /**
   * Who holds each listed overdue issue now. Only for a report of now: who held an issue at a past
   * `asOf` is not what a program manager chases, and its holders today may differ.
   */
  private async holdersNow(
    window: ResolvedWindow,
    issueIds: readonly string[],
  ): Promise<Map<string, NamedHolder[]>> {
    if (window.source !== 'CURRENT_STATE' || issueIds.length === 0) return new Map();
    const issues: IssueEntity[] = [];
    for (let start = 0; start < issueIds.length; start += 400) {
      issues.push(
        ...(await this.db.reader.find(IssueEntity, {
          where: { id: In(issueIds.slice(start, start + 400)) },
          select: { id: true, programId: true, status: true, ownerId: true, currentTeamId: true },
        })),
      );
    }
    return this.holders.of(this.db.reader, window.program.id, issues);
  }

  /** Team and authority names for the ids a report speaks of (issues name themselves). */
  async names(manager: EntityManager, programId: string) {
    const [teams, authorities] = await Promise.all([
      manager.findBy(TeamEntity, { programId }),
      manager
        .createQueryBuilder(MembershipEntity, 'm')
        .innerJoin(TeamEntity, 't', 't.id = m.team_id')
        .innerJoinAndMapOne('m.user', UserEntity, 'u', 'u.id = m.user_id')
        .where('t.program_id = :programId AND m.decision_authority = :yes', {
          programId,
          yes: true,
        })
        .getMany(),
    ]);
    const team = (id: string) => teams.find((t) => t.id === id)?.name ?? 'Unknown team';
    const authorityNames = (teamId: string) =>
      [
        ...new Set(
          authorities
            .filter((m) => m.teamId === teamId)
            .map((m) => (m as MembershipEntity & { user?: UserEntity }).user?.name ?? ''),
        ),
      ].filter(Boolean);
    const forecast = (
      f: DecisionForecast,
      issue: Pick<IssueFacts, 'key' | 'title'> | undefined,
    ): DecisionForecastModel => {
      const basisLabel = {
        AUTHORITY: `${f.basisCount} past decisions of ${team(f.teamId)}`,
        TIER: `${f.basisCount} past ${f.tier} decisions (too few of ${team(f.teamId)})`,
        PROGRAM: `${f.basisCount} past decisions across the program (too few of ${team(f.teamId)} or ${f.tier})`,
        NONE: 'Too few past decisions to forecast from',
      }[f.basis];
      return {
        issueKey: issue?.key ?? '',
        title: issue?.title ?? '',
        teamId: f.teamId,
        teamName: team(f.teamId),
        tier: f.tier,
        authorityNames: authorityNames(f.teamId),
        readyAt: new Date(f.readyAt),
        dueAt: f.dueAt === null ? null : new Date(f.dueAt),
        p50At: f.p50At === null ? null : new Date(f.p50At),
        p90At: f.p90At === null ? null : new Date(f.p90At),
        basis: f.basis,
        basisCount: f.basisCount,
        basisLabel,
      };
    };
    return { team, authorities: authorityNames, forecast };
  }
}

/**
 * Issues and action items by id, made once per facts: the facts cache hands out the same facts
 * while nothing changed (ADR 23), and on 1M issues the maps took ~50 ms a request to build.
 */
const lookupsOf = new WeakMap<
  ProgramFacts,
  {
    readonly issueById: ReadonlyMap<string, IssueFacts>;
    readonly items: ReadonlyMap<string, ProgramFacts['actionItems'][number]>;
  }
>();

function lookups(facts: ProgramFacts) {
  let found = lookupsOf.get(facts);
  if (!found) {
    found = {
      issueById: new Map(facts.issues.map((i) => [i.id, i])),
      items: new Map(facts.actionItems.map((a) => [a.id, a])),
    };
    lookupsOf.set(facts, found);
  }
  return found;
}

function toFilter(input: TimelinessFilterInput | null | undefined): TimelinessFilter {
  const consequence = input?.consequence ?? null;
  if (consequence && consequence.some((c) => !isConsequence(c)))
    throw badInput(
      'filter.consequence',
      'Consequence levels run from 1 (minimal) to 5 (critical).',
    );
  return {
    teamId: input?.teamId ?? null,
    tier: input?.tier ?? null,
    consequence: consequence as TimelinessFilter['consequence'],
    discipline: input?.discipline?.trim() || null,
    authorityTeamId: input?.authorityTeamId ?? null,
  };
}
