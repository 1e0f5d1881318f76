import { Field, ID, InputType } from '@nestjs/graphql';
import { LIMITS, Tier } from '@ipt/domain';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';

@InputType()
export class CreateTeamInput {
  @Field()
  @IsString()
  programKey!: string;

  @Field()
  @IsString()
  @MaxLength(200, { message: 'name must be at most 200 characters.' })
  name!: string;

  @Field(() => Tier)
  @IsEnum(Tier, { message: 'tier must be WIPT, IIPT or OIPT.' })
  tier!: Tier;

  @Field(() => ID, {
    nullable: true,
    description: 'Where its unresolved issues escalate: a team of a higher tier. None for an OIPT.',
  })
  @IsOptional()
  @IsString()
  parentTeamId?: string | null;

  @Field(() => String, { nullable: true, description: 'Its purpose and scope.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMax)
  charter?: string | null;
}
