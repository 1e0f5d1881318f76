import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from './page-info.model';
import { IssueEdgeModel } from './issue-edge.model';

@ObjectType('IssueConnection')
export class IssueConnectionModel {
  @Field(() => [IssueEdgeModel])
  edges!: IssueEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'Issues matching the filters, across all pages.' })
  totalCount?: number;

  /**
   * Counts across all pages; called by the connection's `totalCount` resolver only when a request
   * selects it, so paging on through a long list costs no COUNT (the tracker asks once per filter).
   */
  count!: () => Promise<number>;
}
