import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { Tier } from '@ipt/domain';

@ObjectType('Decision', { description: 'A decision memorandum; superseded, never edited.' })
export class DecisionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  rationale!: string;

  @Field()
  conditions!: string;

  @Field(() => Tier)
  tier!: Tier;

  @Field(() => DateTimeScalar)
  decidedAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'The decision due date then in force.',
  })
  dueAt!: Date | null;

  @Field(() => [String], {
    description: 'Disciplines whose recommendation favoured another option.',
  })
  dissentingDisciplines!: string[];

  @Field(() => DateTimeScalar, { nullable: true })
  supersededAt!: Date | null;

  issueId!: string;
  optionId!: string;
  decidedById!: string;
  teamId!: string;
  supersedesId!: string | null;
  supersededById!: string | null;
  consideredRecommendationIds!: string[];

  @Field()
  superseded?: boolean;
}
