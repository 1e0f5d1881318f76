import { Field, InputType } from '@nestjs/graphql';
import { LIMITS } from '@ipt/domain';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IssueChangeInput } from './common';

@InputType()
export class WithdrawIssueInput extends IssueChangeInput {
  @Field({ description: 'Why no decision is needed (duplicate, moot, ...).' })
  @IsString()
  @MinLength(1, { message: 'reason must not be empty.' })
  @MaxLength(LIMITS.textMax)
  reason!: string;
}
