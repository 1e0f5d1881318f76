import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { TeamModel } from '../../programs/team.model';
import { UserModel } from '../../users/user.model';

@ObjectType('NonConcurrence', { description: 'A member’s formal dissent, reviewed one tier up.' })
export class NonConcurrenceModel {
  @Field(() => ID)
  id!: string;

  @Field()
  discipline!: string;

  @Field()
  rationale!: string;

  @Field()
  impacts!: string;

  @Field(() => DateTimeScalar)
  filedAt!: Date;

  authorId!: string;
  reviewTeamId!: string | null;

  @Field(() => UserModel)
  author?: UserModel;

  @Field(() => TeamModel, { nullable: true })
  reviewTeam?: TeamModel | null;
}
