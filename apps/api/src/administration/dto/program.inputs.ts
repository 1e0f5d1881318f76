import { Field, ID, Int, InputType } from '@nestjs/graphql';
import { LIMITS, ProgramRoleKind } from '@ipt/domain';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

const KEY_MESSAGE =
  'key must be 2 to 10 capital letters or digits, starting with a letter (e.g. HX); it prefixes every issue key.';

@InputType()
export class CreateProgramInput {
  @Field({ description: 'Short upper-case key, the prefix of issue keys (HX -> HX-42). Fixed.' })
  @IsString()
  @Matches(LIMITS.programKey, { message: KEY_MESSAGE })
  key!: string;

  @Field()
  @IsString()
  @MaxLength(200, { message: 'name must be at most 200 characters.' })
  name!: string;

  @Field({ description: 'Acquisition phase, e.g. "Engineering & Manufacturing Development".' })
  @IsString()
  @MaxLength(100, { message: 'phase must be at most 100 characters.' })
  phase!: string;

  @Field({ description: 'IANA time zone, e.g. America/New_York.' })
  @IsString()
  @MaxLength(64, { message: 'timeZone must be at most 64 characters.' })
  timeZone!: string;
}

@InputType()
export class UpdateProgramInput {
  @Field()
  @IsString()
  programKey!: string;

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
  @MaxLength(100, { message: 'phase must be at most 100 characters.' })
  phase?: string | null;

  @Field(() => String, { nullable: true, description: 'Left out: unchanged.' })
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'timeZone must be at most 64 characters.' })
  timeZone?: string | null;
}

@InputType()
export class AddDisciplineInput {
  @Field()
  @IsString()
  programKey!: string;

  @Field({ description: 'Stable lower-case code, e.g. "human-factors".' })
  @IsString()
  @MaxLength(40, { message: 'code must be at most 40 characters.' })
  code!: string;

  @Field()
  @IsString()
  @MaxLength(100, { message: 'name must be at most 100 characters.' })
  name!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Veto-like standing (RAPID "Agree"); false when left out.',
  })
  @IsOptional()
  @IsBoolean()
  agreeRole?: boolean | null;
}

@InputType()
export class SetProgramRoleInput {
  @Field()
  @IsString()
  programKey!: string;

  @Field(() => ID)
  @IsString()
  userId!: string;

  @Field(() => ProgramRoleKind, {
    nullable: true,
    description:
      'Null or left out removes the explicit role (members of the program’s teams stay MEMBERs).',
  })
  @IsOptional()
  @IsEnum(ProgramRoleKind, { message: 'role must be PROGRAM_MANAGER, MEMBER or null.' })
  role?: ProgramRoleKind | null;
}
