import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { IssueStatus } from '@ipt/domain';

@ObjectType('StatusCount', { description: 'How many of the filtered issues are in one status.' })
export class StatusCountModel {
  @Field(() => IssueStatus)
  status!: IssueStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('SavedView', {
  description: 'A named set of issue-tracker filters and sort, visible only to its owner.',
})
export class SavedViewModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The program it applies to; null: every program you can see.',
  })
  programKey!: string | null;

  @Field({ description: 'The filters and sort as a JSON object, exactly as saved.' })
  query!: string;

  @Field(() => DateTimeScalar, { description: 'When a view of this name was first saved.' })
  createdAt!: Date;
}
