import { Field, ID, Int, InputType } from '@nestjs/graphql';
import { LIMITS, TeamRole, Tier } from '@ipt/domain';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

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

@InputType()
export class AddMemberInput {
  @Field(() => ID)
  @IsString()
  teamId!: string;

  @Field(() => ID)
  @IsString()
  userId!: string;

  @Field({ description: 'Code of an active discipline of the program, e.g. "engineering".' })
  @IsString()
  discipline!: string;

  @Field(() => TeamRole)
  @IsEnum(TeamRole, { message: 'role must be LEAD, CORE or ADVISORY.' })
  role!: TeamRole;

  @Field(() => Boolean, {
    nullable: true,
    description: 'May decide the team’s issues; false when left out.',
  })
  @IsOptional()
  @IsBoolean()
  decisionAuthority?: boolean | null;
}

@InputType()
export class UpdateMemberInput {
  @Field(() => ID)
  @IsString()
  membershipId!: string;

  @Field(() => String, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsString()
  discipline?: string | null;

  @Field(() => TeamRole, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsEnum(TeamRole, { message: 'role must be LEAD, CORE or ADVISORY.' })
  role?: TeamRole | null;

  @Field(() => Boolean, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsBoolean()
  decisionAuthority?: boolean | null;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID)
  @IsString()
  membershipId!: string;
}
