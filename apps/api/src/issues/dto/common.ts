import { Field, Int, InputType } from '@nestjs/graphql';
import { IsInt, IsString, Matches, Min } from 'class-validator';

/** Every change to an existing issue names it and the version the client read. */
@InputType({ isAbstract: true })
export abstract class IssueChangeInput {
  @Field({ description: 'The issue key, e.g. HX-42.' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9]{1,9}-\d{1,9}$/, { message: 'issueKey must look like HX-42.' })
  issueKey!: string;

  @Field(() => Int, { description: 'The version you read; a stale one is refused with CONFLICT.' })
  @IsInt()
  @Min(1)
  version!: number;
}
