import { Field, InputType } from '@nestjs/graphql';
import { LIMITS } from '@ipt/domain';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IssueChangeInput } from './common';

@InputType()
export class CloseIssueInput extends IssueChangeInput {
  @Field(() => String, { nullable: true, description: 'A closing note, kept in the timeline.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMax)
  note?: string | null;
}
