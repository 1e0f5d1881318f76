import { Field, ObjectType } from '@nestjs/graphql';
import { IssueModel } from './issue.model';

@ObjectType('IssueEdge')
export class IssueEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => IssueModel)
  node!: IssueModel;
}
