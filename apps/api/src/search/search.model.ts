import { Field, ObjectType } from '@nestjs/graphql';
import { DecisionModel } from '../issues/models/decision.model';
import { IssueModel } from '../issues/models/issue.model';

@ObjectType('SearchResults', {
  description:
    'What a search found in one program, best match first: the issue whose key it names, then titles that start with it, then titles that contain every word; newest first within each.',
})
export class SearchResultsModel {
  @Field(() => [IssueModel], { description: 'Issues, by key or by words of the title.' })
  issues!: IssueModel[];

  @Field(() => [DecisionModel], {
    description:
      'Decisions whose chosen option’s title or rationale contains every word; superseded ones too.',
  })
  decisions!: DecisionModel[];
}
