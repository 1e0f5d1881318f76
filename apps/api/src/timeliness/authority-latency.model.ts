import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Tier } from '@ipt/domain';
import { PercentilesModel } from './percentiles.model';

@ObjectType('AuthorityLatency')
export class AuthorityLatencyModel extends PercentilesModel {
  @Field(() => ID)
  teamId!: string;
  @Field()
  teamName!: string;
  @Field(() => Tier)
  tier!: Tier;
  @Field(() => [String])
  authorityNames!: string[];
  @Field(() => Float, { nullable: true })
  onTimeRate!: number | null;
  @Field(() => Int)
  pending!: number;
}
