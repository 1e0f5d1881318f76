import { Field, ID, Int, InputType } from '@nestjs/graphql';
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
  Min,
  ValidateNested,
} from 'class-validator';
import { ImpactArea } from '@ipt/domain';
import { IssueChangeInput } from './common';
import { StageDueDatesInput } from './stage-due-dates.input';

@InputType()
export class TriageIssueInput extends IssueChangeInput {
  @Field(() => ID, { description: 'Who owns the issue from here on.' })
  @IsString()
  ownerId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'consequence must be from 1 (minimal) to 5 (critical).' })
  @Max(5, { message: 'consequence must be from 1 (minimal) to 5 (critical).' })
  consequence!: number;

  @Field(() => ImpactArea, { nullable: true })
  @IsOptional()
  @IsEnum(ImpactArea)
  impactArea?: ImpactArea | null;

  @Field(() => [String], { description: 'Discipline codes that must recommend or be waived.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'requiredDisciplines needs at least one discipline.' })
  @ArrayMaxSize(20)
  @IsString({ each: true })
  requiredDisciplines!: string[];

  @Field(() => StageDueDatesInput, {
    nullable: true,
    description: 'Due dates set by hand; any left out come from the timeliness policy.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => StageDueDatesInput)
  dueDates?: StageDueDatesInput | null;
}
