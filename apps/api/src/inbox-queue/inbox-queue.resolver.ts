import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentUser } from '../auth/current-user.decorator';
import type { RequestContext } from '../graphql/context';
import { toIssueModel } from '../issues/issue.mapper';
import { TeamModel } from '../programs/team.model';
import { UserEntity } from '../users/user.entity';
import { toUserModel } from '../users/user.mapper';
import { UserModel } from '../users/user.model';
import { InboxQueueArgs } from './dto/inbox-queue.args';
import { DecisionQueueEntryModel } from './decision-queue-entry.model';
import { InboxEntryModel } from './inbox-entry.model';
import { InboxQueueQueries } from './inbox-queue.queries';

/** Per request: the people of each program, loaded together for every queue entry that asks. */
const PROGRAM_PEOPLE = new WeakMap<RequestContext, DataLoader<string, UserEntity[]>>();

/** The signed-in person's inbox (recommendations waiting on them) and decision queue. */
@Resolver(() => InboxEntryModel)
export class InboxResolver {
  constructor(private readonly queries: InboxQueueQueries) {}

  @Query(() => [InboxEntryModel], {
    description:
      'What waits on your disciplines: one entry per issue and required discipline of yours still pending on your teams, the recommendations due date first (none last).',
  })
  async myInbox(
    @CurrentUser() user: UserEntity,
    @Args() args: InboxQueueArgs,
  ): Promise<InboxEntryModel[]> {
    return (await this.queries.inbox(user, args.programKey)).map((item) =>
      Object.assign(new InboxEntryModel(), {
        issue: toIssueModel(item.issue),
        discipline: item.discipline,
        dueAt: item.dueAt,
        overdue: item.overdue,
        teamId: item.issue.currentTeamId,
        programId: item.issue.programId,
      }),
    );
  }

  @ResolveField(() => TeamModel)
  team(@Parent() entry: InboxEntryModel, @Context() { loaders }: RequestContext) {
    return loaders.team.load(entry.teamId);
  }

  @ResolveField(() => String)
  async disciplineName(@Parent() entry: InboxEntryModel, @Context() { loaders }: RequestContext) {
    const disciplines = await loaders.disciplinesByProgram.load(entry.programId);
    return disciplines.find((d) => d.code === entry.discipline)?.name ?? entry.discipline;
  }
}

@Resolver(() => DecisionQueueEntryModel)
export class DecisionQueueResolver {
  constructor(private readonly queries: InboxQueueQueries) {}

  @Query(() => [DecisionQueueEntryModel], {
    description:
      'Issues ready for your decision: AWAITING_DECISION on teams where you hold decision authority, the decision due date first (none last).',
  })
  async myDecisionQueue(
    @CurrentUser() user: UserEntity,
    @Args() args: InboxQueueArgs,
  ): Promise<DecisionQueueEntryModel[]> {
    return (await this.queries.decisionQueue(user, args.programKey)).map((item) =>
      Object.assign(new DecisionQueueEntryModel(), {
        issue: toIssueModel(item.issue),
        dueAt: item.dueAt,
        overdue: item.overdue,
        teamId: item.issue.currentTeamId,
        programId: item.issue.programId,
      }),
    );
  }

  @ResolveField(() => TeamModel)
  team(@Parent() entry: DecisionQueueEntryModel, @Context() { loaders }: RequestContext) {
    return loaders.team.load(entry.teamId);
  }

  @ResolveField(() => [UserModel])
  async assignees(
    @Parent() entry: DecisionQueueEntryModel,
    @Context() context: RequestContext,
  ): Promise<UserModel[]> {
    let loader = PROGRAM_PEOPLE.get(context);
    if (!loader) {
      loader = new DataLoader((programIds) => this.queries.programPeople(programIds));
      PROGRAM_PEOPLE.set(context, loader);
    }
    return (await loader.load(entry.programId)).map(toUserModel);
  }
}
