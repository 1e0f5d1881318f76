import { Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { LIMITS } from '@ipt/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IssueChangeInput } from './common';

@InputType()
export class ActionItemInput {
  @Field()
  @IsString()
  @MinLength(1, { message: 'title must not be empty.' })
  @MaxLength(300)
  title!: string;

  @Field(() => ID)
  @IsString()
  assigneeId!: string;

  @Field(() => DateTimeScalar)
  @IsDate()
  dueAt!: Date;
}

@InputType()
export class RecordDecisionInput extends IssueChangeInput {
  @Field(() => ID, { description: 'The option chosen.' })
  @IsString()
  optionId!: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'rationale must not be empty.' })
  @MaxLength(LIMITS.textMax)
  rationale!: string;

  @Field(() => String, { nullable: true, description: 'Conditions attached to the decision.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMax)
  conditions?: string | null;

  @Field(() => [ActionItemInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ActionItemInput)
  actionItems?: ActionItemInput[] | null;
}
