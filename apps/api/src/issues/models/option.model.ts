import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { UserModel } from '../../users/user.model';

@ObjectType('Option', { description: 'A course of action on an issue.' })
export class OptionModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'A, B, C ... in the order added.' })
  label!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field()
  impacts!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  createdById!: string;

  @Field(() => UserModel)
  createdBy?: UserModel;
}
