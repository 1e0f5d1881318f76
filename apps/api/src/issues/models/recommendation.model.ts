import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { TeamModel } from '../../programs/team.model';
import { UserModel } from '../../users/user.model';
import { OptionModel } from './option.model';

@ObjectType('Recommendation', { description: 'One discipline’s input; superseded, never edited.' })
export class RecommendationModel {
  @Field(() => ID)
  id!: string;

  @Field()
  discipline!: string;

  @Field()
  rationale!: string;

  @Field()
  impactAssessment!: string;

  @Field()
  alternatives!: string;

  @Field(() => DateTimeScalar)
  submittedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  supersededAt!: Date | null;

  authorId!: string;
  optionId!: string;
  teamId!: string;

  @Field(() => UserModel)
  author?: UserModel;

  @Field(() => OptionModel)
  option?: OptionModel;

  @Field(() => TeamModel)
  team?: TeamModel;
}
