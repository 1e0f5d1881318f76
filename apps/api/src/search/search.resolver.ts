import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser } from '../auth/current-user.decorator';
import { toDecisionModel, toIssueModel } from '../issues/issue.mapper';
import { UserEntity } from '../users/user.entity';
import { SearchArgs } from './dto/search.args';
import { SearchResultsModel } from './search.model';
import { SearchQueries } from './search.queries';

@Resolver(() => SearchResultsModel)
export class SearchResolver {
  constructor(private readonly queries: SearchQueries) {}

  @Query(() => SearchResultsModel, {
    description:
      'Issues and decisions of one program matching an issue key or words, best match first (the command palette). FORBIDDEN for a program you are not in.',
  })
  async search(
    @CurrentUser() user: UserEntity,
    @Args() args: SearchArgs,
  ): Promise<SearchResultsModel> {
    const found = await this.queries.search(user, args);
    return {
      issues: found.issues.map(toIssueModel),
      decisions: found.decisions.map(toDecisionModel),
    };
  }
}
