import { Field, InputType } from '@nestjs/graphql';
import { LIMITS } from '@ipt/domain';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IssueChangeInput } from './common';

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
