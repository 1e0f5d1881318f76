import { Field, InputType } from '@nestjs/graphql';
import { LIMITS } from '@ipt/domain';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

@InputType()
export class CommentOnIssueInput {
  @Field({ description: 'The issue key, e.g. HX-42.' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9]{1,9}-\d{1,9}$/, { message: 'issueKey must look like HX-42.' })
  issueKey!: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'body must not be empty.' })
  @MaxLength(LIMITS.textMax)
  body!: string;
}
