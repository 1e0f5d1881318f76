import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { IssueHolderModel } from './issue-holder.model';

@ObjectType('HolderNudgedEarlier')
export class HolderNudgedEarlierModel extends IssueHolderModel {
  @Field(() => DateTimeScalar, { description: 'When they can be nudged about it again.' })
  nextPossibleAt!: Date;
}
