import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Tier } from '@ipt/domain';
import { PercentilesModel } from './percentiles.model';

@ObjectType('TierLatency')
export class TierLatencyModel extends PercentilesModel {
  @Field(() => Tier)
  tier!: Tier;
  @Field(() => Float, { nullable: true })
  onTimeRate!: number | null;
}
