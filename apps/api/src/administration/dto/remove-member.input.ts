import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@InputType()
export class RemoveMemberInput {
  @Field(() => ID)
  @IsString()
  membershipId!: string;
}
