import { Field, ID, Int, InputType } from '@nestjs/graphql';
import { ImpactArea, LIMITS } from '@ipt/domain';
import {
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

@InputType()
export class RaiseIssueInput {
  @Field()
  @IsString()
  programKey!: string;

  @Field(() => ID, { description: 'The team raising it (the origin team).' })
  @IsString()
  teamId!: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'title must not be empty.' })
  @MaxLength(LIMITS.titleMax, { message: `title must be at most ${LIMITS.titleMax} characters.` })
  title!: string;

  @Field({ description: 'What has happened or is certain to happen, and its effect.' })
  @IsString()
  @MinLength(1, { message: 'conditionStatement must not be empty.' })
  @MaxLength(LIMITS.textMax)
  conditionStatement!: string;

  @Field(() => ImpactArea)
  @IsEnum(ImpactArea)
  impactArea!: ImpactArea;

  @Field(() => Int, { nullable: true, description: 'A first rating, 1-5; triage confirms it.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'consequence must be from 1 (minimal) to 5 (critical).' })
  @Max(5, { message: 'consequence must be from 1 (minimal) to 5 (critical).' })
  consequence?: number | null;
}
