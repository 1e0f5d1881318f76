import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TimelinessPolicyModel } from './timeliness-policy.model';

@ObjectType('PolicyChangeResult')
export class PolicyChangeResultModel {
  @Field(() => TimelinessPolicyModel)
  policy!: TimelinessPolicyModel;
  @Field(() => Int, { description: 'Open issues whose running stage got a new due date.' })
  recomputedIssues!: number;
}
