import { Field, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional } from 'class-validator';
import { Tier } from '@ipt/domain';

@InputType()
export class TierGraceInput {
  @Field(() => Tier)
  @IsIn(Object.values(Tier))
  tier!: Tier;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  days?: number | null;
}
