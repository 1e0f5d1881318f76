import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { Tier } from '@ipt/domain';

@ObjectType('Escalation')
export class EscalationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Tier)
  fromTier!: Tier;

  @Field(() => Tier)
  toTier!: Tier;

  @Field()
  reason!: string;

  @Field({ description: 'PERSON or POLICY.' })
  source!: string;

  @Field(() => DateTimeScalar)
  escalatedAt!: Date;

  fromTeamId!: string;
  toTeamId!: string;
  escalatedById!: string | null;
}
