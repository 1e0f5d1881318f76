import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { type GraphQLResolveInfo, Kind } from 'graphql';
import {
  Actor,
  CoverageState,
  LifecycleState,
  badInput,
  disciplineCoverage,
  viewerCommands,
} from '@ipt/domain';
import { CurrentUser } from '../auth/current-user.decorator';
import { CLOCK, Clock } from '../common/clock';
import { DatabaseService } from '../database/database.service';
import type { RequestContext } from '../graphql/context';
import { windowKey } from '../graphql/loaders';
import { ActorService } from '../programs/actor.service';
import { ProgramModel } from '../programs/program.model';
import { TeamModel } from '../programs/team.model';
import { UserEntity } from '../users/user.entity';
import { toUserModel } from '../users/user.mapper';
import { UserModel } from '../users/user.model';
import { AddOptionInput } from './dto/add-option.input';
import { CloseIssueInput } from './dto/close-issue.input';
import { IssuesArgs } from './dto/issues.args';
import { IssuePagePrimer, PRIMED_ISSUE_FIELDS } from './issue-page.primer';
import { CommentOnIssueInput } from './dto/comment-on-issue.input';
import { CompleteActionItemInput } from './dto/complete-action-item.input';
import { EscalateIssueInput } from './dto/escalate-issue.input';
import { FileNonConcurrenceInput } from './dto/file-non-concurrence.input';
import { ResolveIssueInput } from './dto/resolve-issue.input';
import { UpdateIssueInput } from './dto/update-issue.input';
import { WaiveDisciplineInput } from './dto/waive-discipline.input';
import { WithdrawIssueInput } from './dto/withdraw-issue.input';
import { RaiseIssueInput } from './dto/raise-issue.input';
import { RecordDecisionInput } from './dto/record-decision.input';
import { SubmitRecommendationInput } from './dto/submit-recommendation.input';
import { TriageIssueInput } from './dto/triage-issue.input';
import { toDecisionModel, toIssueModel } from './issue.mapper';
import { ActionItemModel } from './models/action-item.model';
import { CommentModel } from './models/comment.model';
import { CoverageEntryModel } from './models/coverage-entry.model';
import { DecisionModel } from './models/decision.model';
import { EscalationModel } from './models/escalation.model';
import { IssueConnectionModel } from './models/issue-connection.model';
import { IssueModel } from './models/issue.model';
import { OptionModel } from './models/option.model';
import { RecommendationModel } from './models/recommendation.model';
import { TimelineEventModel } from './models/timeline-event.model';
import { WaiverModel } from './models/waiver.model';
import type { Caller } from '../common/caller';
import { IssueCommands } from './commands';
import { IssuesService } from './issues.service';

@Resolver(() => IssueModel)
export class IssuesResolver {
  constructor(
    private readonly issueService: IssuesService,
    private readonly commands: IssueCommands,
    private readonly actors: ActorService,
    private readonly db: DatabaseService,
    private readonly pagePrimer: IssuePagePrimer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => IssueConnectionModel, {
    description: 'Issues you can see, newest raised first unless orderBy says otherwise.',
  })
  async issues(
    @CurrentUser() user: UserEntity,
    @Args() args: IssuesArgs,
    @Context() { loaders }: RequestContext,
  ): Promise<IssueConnectionModel> {
    const page = await this.issueService.list(user, args);
    // The page read each issue's owner and current team with it: the fields need not read again.
    for (const issue of page.issues) {
      if (issue.ownerRow) loaders.user.prime(issue.ownerRow.id, issue.ownerRow);
      if (issue.currentTeamRow) loaders.team.prime(issue.currentTeamRow.id, issue.currentTeamRow);
    }
    return {
      edges: page.issues.map((issue, index) => ({
        cursor: page.cursors[index] as string,
        node: toIssueModel(issue),
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      count: page.count,
    };
  }

  @Query(() => IssueModel)
  async issue(
    @CurrentUser() user: UserEntity,
    @Args('key') key: string,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<IssueModel> {
    const issue = await this.issueService.byKey(user, key, context);
    // A whole issue page: its records in two statements instead of one per relation (ADR 0024).
    if (asksForRecords(info)) await this.pagePrimer.prime(issue, context.loaders);
    return toIssueModel(issue);
  }

  @Mutation(() => IssueModel, {
    description: 'Raises an issue on one of your teams; it starts OPEN.',
  })
  async raiseIssue(
    @CurrentUser() user: UserEntity,
    @Args('input') input: RaiseIssueInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.raise(this.caller(user), input));
  }

  @Mutation(() => IssueModel, {
    description: 'Sets owner, consequence, required disciplines and due dates: OPEN -> IN_REVIEW.',
  })
  async triageIssue(
    @CurrentUser() user: UserEntity,
    @Args('input') input: TriageIssueInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.triage(this.caller(user), input));
  }

  @Mutation(() => IssueModel, { description: 'Adds a course of action to choose from.' })
  async addOption(
    @CurrentUser() user: UserEntity,
    @Args('input') input: AddOptionInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.addOption(this.caller(user), input));
  }

  @Mutation(() => IssueModel, {
    description:
      'Your discipline’s recommendation; supersedes its previous one. The last one needed makes the issue AWAITING_DECISION.',
  })
  async submitRecommendation(
    @CurrentUser() user: UserEntity,
    @Args('input') input: SubmitRecommendationInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.submitRecommendation(this.caller(user), input));
  }

  @Mutation(() => IssueModel, {
    description: 'Records the decision (superseding any current one): -> DECIDED.',
  })
  async recordDecision(
    @CurrentUser() user: UserEntity,
    @Args('input') input: RecordDecisionInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.recordDecision(this.caller(user), input));
  }

  @Mutation(() => IssueModel, {
    description: 'Closes a resolved issue, or a decided one whose action items are done.',
  })
  async closeIssue(
    @CurrentUser() user: UserEntity,
    @Args('input') input: CloseIssueInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.close(this.caller(user), input));
  }

  @Mutation(() => IssueModel, {
    description: 'Edits title, condition, consequence, owner, required disciplines or due dates.',
  })
  async updateIssue(
    @CurrentUser() user: UserEntity,
    @Args('input') input: UpdateIssueInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.update(this.caller(user), input));
  }

  @Mutation(() => IssueModel, {
    description:
      'Moves the issue to the parent team’s tier, back IN_REVIEW there, keeping every recommendation. Refused at the top.',
  })
  async escalateIssue(
    @CurrentUser() user: UserEntity,
    @Args('input') input: EscalateIssueInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.escalate(this.caller(user), input));
  }

  @Mutation(() => IssueModel, {
    description: 'A program manager’s recorded reason to proceed without a required discipline.',
  })
  async waiveDiscipline(
    @CurrentUser() user: UserEntity,
    @Args('input') input: WaiveDisciplineInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.waiveDiscipline(this.caller(user), input));
  }

  @Mutation(() => IssueModel, {
    description: 'Marks a decided issue resolved once its action items are done.',
  })
  async resolveIssue(
    @CurrentUser() user: UserEntity,
    @Args('input') input: ResolveIssueInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.resolve(this.caller(user), input));
  }

  @Mutation(() => IssueModel, {
    description: 'Ends an issue that needs no decision (duplicate, moot).',
  })
  async withdrawIssue(
    @CurrentUser() user: UserEntity,
    @Args('input') input: WithdrawIssueInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.withdraw(this.caller(user), input));
  }

  @Mutation(() => IssueModel, {
    description: 'The assignee (or a program manager) marks an action item done.',
  })
  async completeActionItem(
    @CurrentUser() user: UserEntity,
    @Args('input') input: CompleteActionItemInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.completeActionItem(this.caller(user), input));
  }

  @Mutation(() => IssueModel, {
    description:
      'Adds a comment to the discussion; takes no version and does not change the issue’s.',
  })
  async commentOnIssue(
    @CurrentUser() user: UserEntity,
    @Args('input') input: CommentOnIssueInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.comment(this.caller(user), input));
  }

  @Mutation(() => IssueModel, {
    description:
      'A member’s formal dissent from the current decision, recorded beside it and sent one tier up for review.',
  })
  async fileNonConcurrence(
    @CurrentUser() user: UserEntity,
    @Args('input') input: FileNonConcurrenceInput,
  ): Promise<IssueModel> {
    return toIssueModel(await this.commands.fileNonConcurrence(this.caller(user), input));
  }

  @ResolveField(() => ProgramModel)
  async program(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return loaders.program.load(issue.programId);
  }

  @ResolveField(() => UserModel)
  async raisedBy(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return userModel(await loaders.user.load(issue.raisedById));
  }

  @ResolveField(() => UserModel, { nullable: true })
  async owner(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return issue.ownerId ? userModel(await loaders.user.load(issue.ownerId)) : null;
  }

  @ResolveField(() => TeamModel)
  originTeam(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return loaders.team.load(issue.originTeamId);
  }

  @ResolveField(() => TeamModel)
  currentTeam(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return loaders.team.load(issue.currentTeamId);
  }

  @ResolveField(() => [String], {
    description: 'Discipline codes that must recommend or be waived.',
  })
  async requiredDisciplines(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return (await loaders.requiredDisciplinesByIssue.load(issue.id)).map((r) => r.discipline);
  }

  @ResolveField(() => [CoverageEntryModel], {
    description: 'Each required discipline: recommended, waived or pending.',
  })
  async coverage(
    @Parent() issue: IssueModel,
    @Context() { loaders }: RequestContext,
  ): Promise<CoverageEntryModel[]> {
    const [required, recommendations, waivers] = await Promise.all([
      loaders.requiredDisciplinesByIssue.load(issue.id),
      loaders.recommendationsByIssue.load(issue.id),
      loaders.waiversByIssue.load(issue.id),
    ]);
    return disciplineCoverage(
      required.map((r) => r.discipline),
      recommendations,
      waivers,
    ) as CoverageEntryModel[];
  }

  @ResolveField(() => [String], { description: 'Required disciplines still pending.' })
  async pendingDisciplines(@Parent() issue: IssueModel, @Context() context: RequestContext) {
    return (await this.coverage(issue, context))
      .filter((c) => c.state === CoverageState.PENDING)
      .map((c) => c.discipline);
  }

  @ResolveField(() => [OptionModel])
  options(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return loaders.optionsByIssue.load(issue.id);
  }

  @ResolveField(() => [RecommendationModel], {
    description: 'Every recommendation, superseded ones included, oldest first.',
  })
  recommendations(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return loaders.recommendationsByIssue.load(issue.id);
  }

  @ResolveField(() => [WaiverModel])
  waivers(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return loaders.waiversByIssue.load(issue.id);
  }

  @ResolveField(() => [DecisionModel], {
    description: 'Every decision, superseded ones included, oldest first.',
  })
  async decisions(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return (await loaders.decisionsByIssue.load(issue.id)).map(toDecisionModel);
  }

  @ResolveField(() => DecisionModel, { nullable: true, description: 'The decision in force.' })
  async currentDecision(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    const current = (await loaders.decisionsByIssue.load(issue.id)).find(
      (d) => d.supersededById === null,
    );
    return current ? toDecisionModel(current) : null;
  }

  @ResolveField(() => [ActionItemModel])
  actionItems(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return loaders.actionItemsByIssue.load(issue.id);
  }

  @ResolveField(() => [EscalationModel])
  escalations(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return loaders.escalationsByIssue.load(issue.id);
  }

  @ResolveField(() => [CommentModel], {
    description:
      'The comments, oldest first: all of them, or with `last` only the newest `last` (1 to 500).',
  })
  comments(
    @Parent() issue: IssueModel,
    @Context() { loaders }: RequestContext,
    @Args('last', { type: () => Int, nullable: true }) last?: number | null,
  ) {
    if (last == null) return loaders.commentsByIssue.load(issue.id);
    return loaders.commentWindow.load(windowKey(issue.id, windowSize(last)));
  }

  @ResolveField(() => Int, { description: 'How many comments the issue has.' })
  commentCount(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return loaders.commentCountByIssue.load(issue.id);
  }

  @ResolveField(() => Int, { description: 'How many events the timeline holds.' })
  timelineSize(@Parent() issue: IssueModel, @Context() { loaders }: RequestContext) {
    return loaders.eventCountByIssue.load(issue.id);
  }

  @ResolveField(() => [TimelineEventModel], {
    description:
      'Changes to the issue, oldest first: every one, or with `last` the newest `last` (1 to 500), ' +
      'before the event numbered `before` to page back.',
  })
  async timeline(
    @Parent() issue: IssueModel,
    @Context() { loaders }: RequestContext,
    @Args('last', { type: () => Int, nullable: true }) last?: number | null,
    @Args('before', { type: () => Int, nullable: true }) before?: number | null,
  ): Promise<TimelineEventModel[]> {
    if (before != null && last == null) {
      throw badInput('last', 'Give how many events to read (last) when paging back with before.');
    }
    const events =
      last == null
        ? await loaders.eventsByIssue.load(issue.id)
        : await loaders.eventWindow.load(windowKey(issue.id, windowSize(last), before ?? null));
    return events.map((event) =>
      Object.assign(new TimelineEventModel(), {
        ...event,
        before: event.before === null ? null : JSON.stringify(event.before),
        after: event.after === null ? null : JSON.stringify(withoutSnapshot(event.after)),
      }),
    );
  }

  @ResolveField(() => [String], {
    description:
      'Lifecycle actions the signed-in user may take now (e.g. RECORD_DECISION); the web app offers exactly these.',
  })
  async viewerActions(
    @Parent() issue: IssueModel,
    @CurrentUser() user: UserEntity,
    @Context() context: RequestContext,
  ): Promise<string[]> {
    const [actor, state] = await Promise.all([
      this.actorIn(context, user, issue.programId),
      this.lifecycleState(issue, context),
    ]);
    return viewerCommands(state, actor, {
      currentTeamId: issue.currentTeamId,
      ownerId: issue.ownerId,
    });
  }

  /** The lifecycle facts of an issue from the request's loaders (one statement per relation per page). */
  private async lifecycleState(
    issue: IssueModel,
    { loaders }: RequestContext,
  ): Promise<LifecycleState> {
    const [team, required, recommendations, waivers, options, decisions, actionItems] =
      await Promise.all([
        loaders.team.load(issue.currentTeamId),
        loaders.requiredDisciplinesByIssue.load(issue.id),
        loaders.recommendationsByIssue.load(issue.id),
        loaders.waiversByIssue.load(issue.id),
        loaders.optionsByIssue.load(issue.id),
        loaders.decisionsByIssue.load(issue.id),
        loaders.actionItemsByIssue.load(issue.id),
      ]);
    const current = decisions.find((d) => d.supersededAt === null);
    return {
      status: issue.status,
      tier: issue.tier,
      hasParentTeam: team?.parentTeamId != null,
      requiredDisciplines: required.map((r) => r.discipline),
      recommendedDisciplines: recommendations
        .filter((r) => r.supersededAt === null)
        .map((r) => r.discipline),
      waivedDisciplines: waivers.map((w) => w.discipline),
      optionCount: options.length,
      openActionItems: actionItems.filter((a) => a.doneAt === null && a.decisionId === current?.id)
        .length,
    };
  }

  /** The viewer's standing in a program, worked out once per request. */
  private actorIn(context: RequestContext, user: UserEntity, programId: string): Promise<Actor> {
    return this.actors.inRequest(context, this.db.reader, user, programId);
  }

  private caller(user: UserEntity): Caller {
    return { user, at: this.clock.now() };
  }
}

function userModel(user: UserEntity | null) {
  return user ? toUserModel(user) : null;
}

/**
 * The timeliness snapshot every issue event carries is for rebuilding past figures (see
 * timeliness/snapshot.ts), not for people reading the timeline: it is left out there.
 */
/** Whether the query asks the issue for its records (a fragment may: counted as asking). */
function asksForRecords(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some(
      (selection) => selection.kind !== Kind.FIELD || PRIMED_ISSUE_FIELDS.has(selection.name.value),
    ),
  );
}

function withoutSnapshot(after: Record<string, unknown>): Record<string, unknown> {
  const { snapshot: _snapshot, ...shown } = after;
  return shown;
}

/** The most of an issue's events or comments one request reads with `last`. */
const MAX_WINDOW = 500;

/** `last` checked: a whole number from 1 to MAX_WINDOW. */
function windowSize(last: number): number {
  if (!Number.isInteger(last) || last < 1 || last > MAX_WINDOW) {
    throw badInput('last', `Ask for 1 to ${MAX_WINDOW} at a time (last), not ${last}.`);
  }
  return last;
}
