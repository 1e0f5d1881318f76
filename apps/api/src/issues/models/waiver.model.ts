import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { UserModel } from '../../users/user.model';

@ObjectType('Waiver', {
  description: 'A program manager’s reason to proceed without a discipline.',
})
export class WaiverModel {
  @Field(() => ID)
  id!: string;

  @Field()
  discipline!: string;

  @Field()
  reason!: string;

  @Field(() => DateTimeScalar)
  waivedAt!: Date;

  waivedById!: string;

  @Field(() => UserModel)
  waivedBy?: UserModel;
}
