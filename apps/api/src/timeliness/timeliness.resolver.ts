import { Inject } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  Args,
  Context,
  Field,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import {
  DAY_MS,
  FORECAST_HISTORY_DAYS,
  forecastDecisions,
  stageClocks,
  type IssueFacts,
} from '@ipt/domain';
import { CurrentUser } from '../auth/current-user.decorator';
import { CLOCK, type Clock } from '../common/clock';
import type { RequestContext } from '../graphql/context';
import { IssueModel } from '../issues/models/issue.model';
import { ActorService } from '../programs/actor.service';
import { DatabaseService } from '../database/database.service';
import { UserEntity } from '../users/user.entity';
import { TimelinessPolicyService } from './policy.service';
import { loadDecisions } from './facts';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, TimelinessService } from './timeliness.service';
import { TimelinessSweepService } from './timeliness-sweep.service';
import { DecisionForecastModel } from './decision-forecast.model';
import { MyDecisionTimelinessModel } from './my-decision-timeliness.model';
import { PolicyChangeResultModel } from './policy-change-result.model';
import { StageClockModel } from './stage-clock.model';
import { TimelinessFilterInput } from './dto/timeliness-filter.input';
import { TimelinessPolicyModel } from './timeliness-policy.model';
import { TimelinessReportModel } from './timeliness-report.model';
import { UpdateTimelinessPolicyInput } from './dto/update-timeliness-policy.input';

@ObjectType('TimelinessSweepResult')
export class TimelinessSweepResultModel {
  @Field(() => DateTimeScalar)
  at!: Date;
  @Field(() => [String], { description: 'Keys of the issues escalated by policy.' })
  escalated!: string[];
}

@Resolver()
export class TimelinessResolver {
  constructor(
    private readonly reports: TimelinessService,
    private readonly policies: TimelinessPolicyService,
    private readonly sweeps: TimelinessSweepService,
    private readonly actors: ActorService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => TimelinessReportModel, {
    description:
      'Timeliness figures of a program (docs/domain.md#timeliness) as of an instant (default now). A past asOf is rebuilt from the event log: events after it are ignored.',
  })
  timeliness(
    @CurrentUser() user: UserEntity,
    @Args('programKey') programKey: string,
    @Args('filter', { type: () => TimelinessFilterInput, nullable: true })
    filter: TimelinessFilterInput | null,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
    @Args('listLimit', {
      type: () => Int,
      nullable: true,
      description: `How many overdue issues, overdue action items and forecasts to list (1-${MAX_LIST_LIMIT}; default ${DEFAULT_LIST_LIMIT}). The counts beside them are always whole.`,
    })
    listLimit: number | null,
  ): Promise<TimelinessReportModel> {
    return this.reports.report(user, programKey, filter, asOf, listLimit);
  }

  @Query(() => MyDecisionTimelinessModel, {
    description:
      'The leadership view: decisions waiting on teams where I hold decision authority, with forecasts, and how timely my own decisions were.',
  })
  myDecisionTimeliness(
    @CurrentUser() user: UserEntity,
    @Args('programKey') programKey: string,
    @Args('asOf', { type: () => DateTimeScalar, nullable: true }) asOf: Date | null,
  ): Promise<MyDecisionTimelinessModel> {
    return this.reports.myDecisions(user, programKey, asOf);
  }

  @Query(() => TimelinessPolicyModel, { description: 'A program’s timeliness policy.' })
  timelinessPolicy(
    @CurrentUser() user: UserEntity,
    @Args('programKey') programKey: string,
  ): Promise<TimelinessPolicyModel> {
    return this.policies.get({ user, at: this.clock.now() }, programKey);
  }

  @Mutation(() => PolicyChangeResultModel, {
    description:
      'Program managers: change the timeliness policy. Open issues’ running stages without a date set by hand get new due dates, each noted in the issue’s timeline.',
  })
  updateTimelinessPolicy(
    @CurrentUser() user: UserEntity,
    @Args('input') input: UpdateTimelinessPolicyInput,
  ): Promise<PolicyChangeResultModel> {
    return this.policies.update({ user, at: this.clock.now() }, input);
  }

  @Mutation(() => TimelinessSweepResultModel, {
    description:
      'System administrators: run the escalation-by-policy sweep now (it also runs on an interval).',
  })
  async runTimelinessSweep(@CurrentUser() user: UserEntity): Promise<TimelinessSweepResultModel> {
    this.actors.authorizeInstallation(user, { action: 'MANAGE_USERS' });
    return this.sweeps.sweep(this.clock.now());
  }
}

/** Stage clocks and the decision forecast on every issue (issue page, inbox, queue). */
@Resolver(() => IssueModel)
export class IssueTimelinessResolver {
  /** Per request and program: the forecasts of the issues asked for in one tick, together. */
  private readonly forecasts = new WeakMap<
    object,
    Map<string, DataLoader<IssueModel, DecisionForecastModel | null>>
  >();

  constructor(
    private readonly timeliness: TimelinessService,
    private readonly db: DatabaseService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ResolveField(() => [StageClockModel], {
    description:
      'Each stage’s clock now: started, due (and whether by policy or by hand), finished, late by.',
  })
  stageClocks(@Parent() issue: IssueModel): StageClockModel[] {
    return stageClocks(issue.clockFacts, this.clock.now().getTime()).map((clock) => ({
      stage: clock.stage,
      state: clock.state,
      startedAt: clock.startedAt === null ? null : new Date(clock.startedAt),
      dueAt: clock.dueAt === null ? null : new Date(clock.dueAt),
      dueSource: clock.dueSource,
      finishedAt: clock.finishedAt === null ? null : new Date(clock.finishedAt),
      elapsedDays: clock.elapsedMs / DAY_MS,
      lateByDays: clock.lateByMs / DAY_MS,
    }));
  }

  @ResolveField(() => DecisionForecastModel, {
    nullable: true,
    description:
      'While the issue awaits a decision: when it will likely be decided, from the deciding authority’s history (or its tier’s, or the program’s).',
  })
  decisionForecast(
    @Parent() issue: IssueModel,
    @Context() context: RequestContext,
  ): Promise<DecisionForecastModel | null> | null {
    if (issue.status !== 'AWAITING_DECISION' || issue.readyAt === null) return null;
    return this.forecastLoader(context, issue.programId).load(issue);
  }

  /**
   * One read of the program's decision history and names, and one `forecastDecisions` for every
   * issue of a list (an inbox or a queue): per issue, the history's samples were sorted again for
   * each, 1.5 s for a queue of 128 on a 100k program.
   */
  private forecastLoader(context: object, programId: string) {
    let perRequest = this.forecasts.get(context);
    if (!perRequest) this.forecasts.set(context, (perRequest = new Map()));
    let loader = perRequest.get(programId);
    if (!loader) {
      const now = this.clock.now().getTime();
      loader = new DataLoader<IssueModel, DecisionForecastModel | null>(
        async (issues) => {
          const decisions = await loadDecisions(this.db.reader, programId, {
            since: now - FORECAST_HISTORY_DAYS * DAY_MS,
            asOf: now,
          });
          const names = await this.timeliness.names(this.db.reader, programId);
          const waiting = issues.map((issue): IssueFacts => ({
            ...issue.clockFacts,
            id: issue.id,
            key: issue.key,
            title: issue.title,
            teamId: issue.currentTeamId,
            tier: issue.tier,
            requiredDisciplines: [],
            pendingDisciplines: [],
          }));
          const byIssue = new Map(
            forecastDecisions(waiting, decisions, {}, now).map((f) => [f.issueId, f]),
          );
          return issues.map((issue) => {
            const forecast = byIssue.get(issue.id);
            return forecast ? names.forecast(forecast, issue) : null;
          });
        },
        { cache: false },
      );
      perRequest.set(programId, loader);
    }
    return loader;
  }
}
