import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { CLOCK, Clock } from '../common/clock';
import { IssueFilterArgs } from '../issues/dto/issue-filter.args';
import { IssueQueries } from '../issues/issue.queries';
import { IssueModel } from '../issues/models/issue.model';
import { TeamModel } from '../programs/team.model';
import { TeamEntity } from '../programs/team.entity';
import { UserEntity } from '../users/user.entity';
import { SaveViewInput } from './dto/saved-views.inputs';
import { RaisableTeamsService } from './raisable-teams.service';
import { SavedViewEntity } from './saved-view.entity';
import type { Caller } from '../common/caller';
import { SavedViewsService } from './saved-views.service';
import { SavedViewModel } from './saved-view.model';
import { StatusCountModel } from './status-count.model';

/** The issue tracker's queries and mutations beyond the issue list itself. */
@Resolver()
export class TrackerResolver {
  constructor(
    private readonly queries: IssueQueries,
    private readonly views: SavedViewsService,
    private readonly raisable: RaisableTeamsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => [StatusCountModel], {
    description:
      'How many issues match the filters (the same as `issues` takes) in each status: every status, in lifecycle order, 0 where none match.',
  })
  issueCounts(
    @CurrentUser() user: UserEntity,
    @Args() args: IssueFilterArgs,
  ): Promise<StatusCountModel[]> {
    return this.queries.countByStatus(user, args);
  }

  @Query(() => [TeamModel], {
    description:
      'The active teams of a program you may raise an issue on (all of them for a program manager), as the ladder orders them.',
  })
  raisableTeams(
    @CurrentUser() user: UserEntity,
    @Args('programKey') programKey: string,
  ): Promise<TeamEntity[]> {
    return this.raisable.list(user, programKey);
  }

  @Query(() => [SavedViewModel], { description: 'Your saved tracker views, by name.' })
  savedViews(@CurrentUser() user: UserEntity): Promise<SavedViewEntity[]> {
    return this.views.list(user);
  }

  @Mutation(() => SavedViewModel, {
    description:
      'Saves the tracker’s filters and sort under a name; your view of that name is replaced.',
  })
  saveView(
    @CurrentUser() user: UserEntity,
    @Args('input') input: SaveViewInput,
  ): Promise<SavedViewEntity> {
    return this.views.save(this.caller(user), input);
  }

  @Mutation(() => SavedViewModel, {
    description: 'Deletes one of your saved views; returns it as it was.',
  })
  deleteView(
    @CurrentUser() user: UserEntity,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SavedViewEntity> {
    return this.views.delete(this.caller(user), id);
  }

  private caller(user: UserEntity): Caller {
    return { user, at: this.clock.now() };
  }
}

/** Issue fields the tracker shows. Nest merges them with the other `Issue` fields. */
@Resolver(() => IssueModel)
export class TrackerIssueResolver {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @ResolveField(() => Boolean, {
    description:
      'The current stage is past its due date now (the same rule as the `overdue` filter); false when it has none.',
  })
  currentStageOverdue(@Parent() issue: IssueModel): boolean {
    return (
      issue.currentStageDueAt !== null &&
      issue.currentStageDueAt.getTime() < this.clock.now().getTime()
    );
  }
}
