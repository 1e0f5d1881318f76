import { Field, ID, Int, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { ImpactArea, LIMITS } from '@ipt/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IssueChangeInput } from './common';

/** Inputs of the lifecycle moves after triage; each names the issue and the version read. */

@InputType()
export class EscalateIssueInput extends IssueChangeInput {
  @Field({ description: 'Why this tier cannot resolve it.' })
  @IsString()
  @MinLength(1, { message: 'reason must not be empty.' })
  @MaxLength(LIMITS.textMax)
  reason!: string;
}

@InputType()
export class WaiveDisciplineInput extends IssueChangeInput {
  @Field({ description: 'The required discipline to proceed without.' })
  @IsString()
  discipline!: string;

  @Field({ description: 'The recorded reason.' })
  @IsString()
  @MinLength(1, { message: 'reason must not be empty.' })
  @MaxLength(LIMITS.textMax)
  reason!: string;
}

@InputType()
export class ResolveIssueInput extends IssueChangeInput {
  @Field(() => String, {
    nullable: true,
    description: 'How it was resolved, kept in the timeline.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMax)
  note?: string | null;
}

@InputType()
export class WithdrawIssueInput extends IssueChangeInput {
  @Field({ description: 'Why no decision is needed (duplicate, moot, ...).' })
  @IsString()
  @MinLength(1, { message: 'reason must not be empty.' })
  @MaxLength(LIMITS.textMax)
  reason!: string;
}

@InputType()
export class CompleteActionItemInput extends IssueChangeInput {
  @Field(() => ID)
  @IsString()
  actionItemId!: string;
}

@InputType()
export class CommentOnIssueInput {
  @Field({ description: 'The issue key, e.g. HX-42.' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9]{1,9}-\d{1,9}$/, { message: 'issueKey must look like HX-42.' })
  issueKey!: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'body must not be empty.' })
  @MaxLength(LIMITS.textMax)
  body!: string;
}

@InputType()
export class FileNonConcurrenceInput extends IssueChangeInput {
  @Field({ description: 'Why you cannot concur with the current decision.' })
  @IsString()
  @MinLength(1, { message: 'rationale must not be empty.' })
  @MaxLength(LIMITS.textMax)
  rationale!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What you expect the decision to cost or risk.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMax)
  impacts?: string | null;
}

@InputType()
export class StageDueDatesUpdateInput {
  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  triage?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  recommendations?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  decision?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @IsOptional()
  @IsDate()
  resolution?: Date | null;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateIssueInput extends IssueChangeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'title must not be empty.' })
  @MaxLength(LIMITS.titleMax)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'conditionStatement must not be empty.' })
  @MaxLength(LIMITS.textMax)
  conditionStatement?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'consequence must be from 1 (minimal) to 5 (critical).' })
  @Max(5, { message: 'consequence must be from 1 (minimal) to 5 (critical).' })
  consequence?: number | null;

  @Field(() => ImpactArea, { nullable: true })
  @IsOptional()
  @IsEnum(ImpactArea)
  impactArea?: ImpactArea | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  ownerId?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'requiredDisciplines needs at least one discipline.' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  requiredDisciplines?: string[] | null;

  @Field(() => StageDueDatesUpdateInput, {
    nullable: true,
    description: 'Due dates set here count as set on purpose.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => StageDueDatesUpdateInput)
  dueDates?: StageDueDatesUpdateInput | null;
}
