import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../issues/models/page-info.model';
import { DecisionEdgeModel } from './decision-edge.model';

@ObjectType('DecisionConnection', { description: 'A page of the decision log, newest first.' })
export class DecisionConnectionModel {
  @Field(() => [DecisionEdgeModel])
  edges!: DecisionEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'Decisions matching the filters, across all pages.' })
  totalCount?: number;

  /**
   * Counts across all pages; called by the connection's `totalCount` resolver only when a request
   * selects it, so paging on through a long list costs no COUNT (the tracker asks once per filter).
   */
  count!: () => Promise<number>;
}
