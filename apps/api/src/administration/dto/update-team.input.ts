import { Field, ID, Int, InputType } from '@nestjs/graphql';
import { LIMITS } from '@ipt/domain';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

@InputType()
export class UpdateTeamInput {
  @Field(() => ID)
  @IsString()
  teamId!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsInt()
  @Min(1)
  version!: number;

  @Field(() => String, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'name must be at most 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMax)
  charter?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Left out: unchanged; null: no parent (the team tops its own ladder).',
  })
  @IsOptional()
  @IsString()
  parentTeamId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'False deactivates the team (refused while it holds open issues or active child teams). Left out: unchanged.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}
