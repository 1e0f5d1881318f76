import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional } from 'class-validator';
import { Tier } from '@ipt/domain';

@InputType()
export class TimelinessFilterInput {
  @Field(() => ID, { nullable: true, description: 'The issue’s current team.' })
  @IsOptional()
  teamId?: string | null;
  @Field(() => Tier, { nullable: true })
  @IsOptional()
  tier?: Tier | null;
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsInt({ each: true })
  consequence?: number[] | null;
  @Field(() => String, { nullable: true, description: 'A discipline code.' })
  @IsOptional()
  discipline?: string | null;
  @Field(() => ID, { nullable: true, description: 'A decision authority: the deciding team.' })
  @IsOptional()
  authorityTeamId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Period start; default 12 weeks before.' })
  @IsOptional()
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Period end; default the as-of instant.' })
  @IsOptional()
  to?: Date | null;
}
