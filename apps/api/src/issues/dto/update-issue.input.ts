import { Field, ID, Int, InputType } from '@nestjs/graphql';
import { ImpactArea, LIMITS } from '@ipt/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IssueChangeInput } from './common';
import { StageDueDatesUpdateInput } from './stage-due-dates-update.input';

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
