import { Field, InputType } from '@nestjs/graphql';
import { LIMITS } from '@ipt/domain';
import { IsString, Matches, MaxLength } from 'class-validator';

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
