import { Field, InputType } from '@nestjs/graphql';
import { LIMITS } from '@ipt/domain';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IssueChangeInput } from './common';

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
