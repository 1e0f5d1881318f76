import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords';
import { MAX_PASSWORD_LENGTH } from './password-length';

@InputType()
export class ResetPasswordInput {
  @Field(() => ID)
  @IsString()
  userId!: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `newPassword must be at least ${MIN_PASSWORD_LENGTH} characters.`,
  })
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `newPassword must be at most ${MAX_PASSWORD_LENGTH} characters.`,
  })
  newPassword!: string;
}
