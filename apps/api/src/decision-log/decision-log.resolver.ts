import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import type { RequestContext } from '../graphql/context';
import { toDecisionModel, toIssueModel } from '../issues/issue.mapper';
import { DecisionModel } from '../issues/models/decision.model';
import { IssueModel } from '../issues/models/issue.model';
import { UserEntity } from '../users/user.entity';
import { DecisionConnectionModel } from './decision-connection.model';
import { DecisionLogQueries } from './decision-log.queries';
import { DecisionsArgs } from './dto/decisions.args';

/**
 * The decision log, and the link from each decision to its issue. Nest merges these field
 * resolvers with the other `Decision` fields (issues/issue-parts.resolver.ts).
 */
@Resolver(() => DecisionModel)
export class DecisionLogResolver {
  constructor(private readonly queries: DecisionLogQueries) {}

  @Query(() => DecisionConnectionModel, {
    description:
      'Decisions you can see, newest first, superseded ones included unless filtered out.',
  })
  async decisions(
    @CurrentUser() user: UserEntity,
    @Args() args: DecisionsArgs,
  ): Promise<DecisionConnectionModel> {
    const page = await this.queries.page(user, args);
    return {
      edges: page.decisions.map((decision, index) => ({
        cursor: page.cursors[index] as string,
        node: toDecisionModel(decision),
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      count: page.count,
    };
  }

  @ResolveField(() => IssueModel, { description: 'The issue decided.' })
  async issue(
    @Parent() decision: DecisionModel,
    @Context() { loaders }: RequestContext,
  ): Promise<IssueModel> {
    const issue = await loaders.issue.load(decision.issueId);
    if (!issue) throw new Error(`Decision ${decision.id} names a missing issue.`);
    return toIssueModel(issue);
  }
}

/** `totalCount`, counted only when asked for (see DecisionConnectionModel.count). */
@Resolver(() => DecisionConnectionModel)
export class DecisionConnectionResolver {
  @ResolveField(() => Int, { description: 'Decisions matching the filters, across all pages.' })
  totalCount(@Parent() connection: DecisionConnectionModel): Promise<number> {
    return connection.count();
  }
}
