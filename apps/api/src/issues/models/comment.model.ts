import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { UserModel } from '../../users/user.model';

@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID)
  id!: string;

  @Field()
  body!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  authorId!: string;

  @Field(() => UserModel)
  author?: UserModel;
}
