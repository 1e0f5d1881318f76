import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { UserModel } from '../../users/user.model';

@ObjectType('ActionItem', { description: 'Work a decision assigns.' })
export class ActionItemModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => DateTimeScalar)
  dueAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  doneAt!: Date | null;

  assigneeId!: string;

  @Field(() => UserModel)
  assignee?: UserModel;
}
