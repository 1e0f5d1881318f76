import { Field, InputType } from '@nestjs/graphql';
import { LIMITS } from '@ipt/domain';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IssueChangeInput } from './common';

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
