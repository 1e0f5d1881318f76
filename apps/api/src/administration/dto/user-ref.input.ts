import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@InputType()
export class UserRefInput {
  @Field(() => ID)
  @IsString()
  userId!: string;
}
