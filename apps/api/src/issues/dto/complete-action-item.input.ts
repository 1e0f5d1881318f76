import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString } from 'class-validator';
import { IssueChangeInput } from './common';

@InputType()
export class CompleteActionItemInput extends IssueChangeInput {
  @Field(() => ID)
  @IsString()
  actionItemId!: string;
}
