import { Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../graphql/context';
import { TeamModel } from '../programs/team.model';
import type { UserEntity } from '../users/user.entity';
import { toUserModel } from '../users/user.mapper';
import { UserModel } from '../users/user.model';
import { toDecisionModel } from './issue.mapper';
import { ActionItemModel } from './models/action-item.model';
import { CommentModel } from './models/comment.model';
import { DecisionModel } from './models/decision.model';
import { EscalationModel } from './models/escalation.model';
import { IssueConnectionModel } from './models/issue-connection.model';
import { NonConcurrenceModel } from './models/non-concurrence.model';
import { OptionModel } from './models/option.model';
import { RecommendationModel } from './models/recommendation.model';
import { TimelineEventModel } from './models/timeline-event.model';
import { WaiverModel } from './models/waiver.model';

/** Relations of the records on an issue, each through the request's loaders. */

const userModel = (user: UserEntity | null) => (user ? toUserModel(user) : null);

@Resolver(() => OptionModel)
export class OptionResolver {
  @ResolveField(() => UserModel)
  async createdBy(@Parent() option: OptionModel, @Context() { loaders }: RequestContext) {
    return userModel(await loaders.user.load(option.createdById));
  }
}

@Resolver(() => RecommendationModel)
export class RecommendationResolver {
  @ResolveField(() => UserModel)
  async author(
    @Parent() recommendation: RecommendationModel,
    @Context() { loaders }: RequestContext,
  ) {
    return userModel(await loaders.user.load(recommendation.authorId));
  }

  @ResolveField(() => OptionModel)
  option(@Parent() recommendation: RecommendationModel, @Context() { loaders }: RequestContext) {
    return loaders.option.load(recommendation.optionId);
  }

  @ResolveField(() => TeamModel)
  team(@Parent() recommendation: RecommendationModel, @Context() { loaders }: RequestContext) {
    return loaders.team.load(recommendation.teamId);
  }

  @ResolveField(() => Boolean, {
    description: 'A later recommendation of the same discipline replaced it.',
  })
  superseded(@Parent() recommendation: RecommendationModel) {
    return recommendation.supersededAt !== null;
  }
}

@Resolver(() => WaiverModel)
export class WaiverResolver {
  @ResolveField(() => UserModel)
  async waivedBy(@Parent() waiver: WaiverModel, @Context() { loaders }: RequestContext) {
    return userModel(await loaders.user.load(waiver.waivedById));
  }
}

@Resolver(() => DecisionModel)
export class DecisionResolver {
  @ResolveField(() => OptionModel, { description: 'The option chosen.' })
  option(@Parent() decision: DecisionModel, @Context() { loaders }: RequestContext) {
    return loaders.option.load(decision.optionId);
  }

  @ResolveField(() => UserModel)
  async decidedBy(@Parent() decision: DecisionModel, @Context() { loaders }: RequestContext) {
    return userModel(await loaders.user.load(decision.decidedById));
  }

  @ResolveField(() => TeamModel, { description: 'The team at which it was decided.' })
  team(@Parent() decision: DecisionModel, @Context() { loaders }: RequestContext) {
    return loaders.team.load(decision.teamId);
  }

  @ResolveField(() => DecisionModel, {
    nullable: true,
    description: 'The decision this one replaced.',
  })
  async supersedes(@Parent() decision: DecisionModel, @Context() { loaders }: RequestContext) {
    const previous = decision.supersedesId
      ? await loaders.decision.load(decision.supersedesId)
      : null;
    return previous ? toDecisionModel(previous) : null;
  }

  @ResolveField(() => DecisionModel, {
    nullable: true,
    description: 'The decision that replaced this one.',
  })
  async supersededBy(@Parent() decision: DecisionModel, @Context() { loaders }: RequestContext) {
    const next = decision.supersededById
      ? await loaders.decision.load(decision.supersededById)
      : null;
    return next ? toDecisionModel(next) : null;
  }

  @ResolveField(() => [RecommendationModel], {
    description: 'Recommendations current when it was taken.',
  })
  async consideredRecommendations(
    @Parent() decision: DecisionModel,
    @Context() { loaders }: RequestContext,
  ) {
    const found = await loaders.recommendation.loadMany(decision.consideredRecommendationIds);
    return found.filter(
      (r): r is Exclude<typeof r, Error | null> => r !== null && !(r instanceof Error),
    );
  }

  @ResolveField(() => [NonConcurrenceModel])
  nonConcurrences(@Parent() decision: DecisionModel, @Context() { loaders }: RequestContext) {
    return loaders.nonConcurrencesByDecision.load(decision.id);
  }

  @ResolveField(() => [ActionItemModel])
  actionItems(@Parent() decision: DecisionModel, @Context() { loaders }: RequestContext) {
    return loaders.actionItemsByDecision.load(decision.id);
  }

  @ResolveField(() => Boolean, {
    nullable: true,
    description: 'Decided by its due date; null when none was set.',
  })
  onTime(@Parent() decision: DecisionModel) {
    return decision.dueAt ? decision.decidedAt <= decision.dueAt : null;
  }
}

@Resolver(() => NonConcurrenceModel)
export class NonConcurrenceResolver {
  @ResolveField(() => UserModel)
  async author(
    @Parent() nonConcurrence: NonConcurrenceModel,
    @Context() { loaders }: RequestContext,
  ) {
    return userModel(await loaders.user.load(nonConcurrence.authorId));
  }

  @ResolveField(() => TeamModel, {
    nullable: true,
    description: 'The team one tier up that reviews it.',
  })
  reviewTeam(
    @Parent() nonConcurrence: NonConcurrenceModel,
    @Context() { loaders }: RequestContext,
  ) {
    return nonConcurrence.reviewTeamId ? loaders.team.load(nonConcurrence.reviewTeamId) : null;
  }
}

@Resolver(() => ActionItemModel)
export class ActionItemResolver {
  @ResolveField(() => UserModel)
  async assignee(@Parent() item: ActionItemModel, @Context() { loaders }: RequestContext) {
    return userModel(await loaders.user.load(item.assigneeId));
  }
}

@Resolver(() => EscalationModel)
export class EscalationResolver {
  @ResolveField(() => TeamModel)
  fromTeam(@Parent() escalation: EscalationModel, @Context() { loaders }: RequestContext) {
    return loaders.team.load(escalation.fromTeamId);
  }

  @ResolveField(() => TeamModel)
  toTeam(@Parent() escalation: EscalationModel, @Context() { loaders }: RequestContext) {
    return loaders.team.load(escalation.toTeamId);
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Null when escalated by policy.' })
  async escalatedBy(@Parent() escalation: EscalationModel, @Context() { loaders }: RequestContext) {
    return escalation.escalatedById
      ? userModel(await loaders.user.load(escalation.escalatedById))
      : null;
  }
}

@Resolver(() => CommentModel)
export class CommentResolver {
  @ResolveField(() => UserModel)
  async author(@Parent() comment: CommentModel, @Context() { loaders }: RequestContext) {
    return userModel(await loaders.user.load(comment.authorId));
  }
}

@Resolver(() => TimelineEventModel)
export class TimelineEventResolver {
  @ResolveField(() => UserModel, { nullable: true })
  async actor(@Parent() event: TimelineEventModel, @Context() { loaders }: RequestContext) {
    return event.actorId ? userModel(await loaders.user.load(event.actorId)) : null;
  }
}

/** `totalCount`, counted only when asked for (see IssueConnectionModel.count). */
@Resolver(() => IssueConnectionModel)
export class IssueConnectionResolver {
  @ResolveField(() => Int, { description: 'Issues matching the filters, across all pages.' })
  totalCount(@Parent() connection: IssueConnectionModel): Promise<number> {
    return connection.count();
  }
}

export const ISSUE_PART_RESOLVERS = [
  IssueConnectionResolver,
  OptionResolver,
  RecommendationResolver,
  WaiverResolver,
  DecisionResolver,
  NonConcurrenceResolver,
  ActionItemResolver,
  EscalationResolver,
  CommentResolver,
  TimelineEventResolver,
];
