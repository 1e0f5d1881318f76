import { Field, Int, ObjectType } from '@nestjs/graphql';
import { IssueStatus } from '@ipt/domain';

@ObjectType('StatusCount', { description: 'How many of the filtered issues are in one status.' })
export class StatusCountModel {
  @Field(() => IssueStatus)
  status!: IssueStatus;

  @Field(() => Int)
  count!: number;
}
