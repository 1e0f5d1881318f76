import { Field, ID, InputType } from '@nestjs/graphql';
import { LIMITS } from '@ipt/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IssueChangeInput } from './common';
import { ActionItemInput } from './action-item.input';

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
