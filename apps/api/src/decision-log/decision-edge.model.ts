import { Field, ObjectType } from '@nestjs/graphql';
import { DecisionModel } from '../issues/models/decision.model';

@ObjectType('DecisionEdge')
export class DecisionEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => DecisionModel)
  node!: DecisionModel;
}
