import { Field, InputType } from '@nestjs/graphql';
import { LIMITS } from '@ipt/domain';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IssueChangeInput } from './common';

@InputType()
export class AddOptionInput extends IssueChangeInput {
  @Field()
  @IsString()
  @MinLength(1, { message: 'title must not be empty.' })
  @MaxLength(LIMITS.titleMax)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMax)
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Expected cost, schedule and performance effects.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMax)
  impacts?: string | null;
}
