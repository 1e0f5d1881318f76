import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Tier } from '@ipt/domain';

@ObjectType('TierGrace', { description: 'Auto-escalation grace period of one tier.' })
export class TierGraceModel {
  @Field(() => Tier)
  tier!: Tier;
  @Field(() => Int, {
    nullable: true,
    description: 'Days past an overdue decision before the policy escalates; null: never.',
  })
  days!: number | null;
}
