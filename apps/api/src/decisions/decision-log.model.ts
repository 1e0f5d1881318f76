import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DecisionModel, PageInfoModel } from '../issues/issue.model';

@ObjectType('DecisionEdge')
export class DecisionEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => DecisionModel)
  node!: DecisionModel;
}

@ObjectType('DecisionConnection', { description: 'A page of the decision log, newest first.' })
export class DecisionConnectionModel {
  @Field(() => [DecisionEdgeModel])
  edges!: DecisionEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'Decisions matching the filters, across all pages.' })
  totalCount!: number;
}
