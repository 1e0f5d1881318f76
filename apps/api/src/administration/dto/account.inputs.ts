import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords';

/** Long enough for any passphrase, short enough that hashing it costs nothing unusual. */
const MAX_PASSWORD_LENGTH = 1_000;

@InputType()
export class CreateUserInput {
  @Field()
  @IsString()
  @MaxLength(254, { message: 'email must be at most 254 characters.' })
  email!: string;

  @Field()
  @IsString()
  @MaxLength(200, { message: 'name must be at most 200 characters.' })
  name!: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters.` })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `password must be at most ${MAX_PASSWORD_LENGTH} characters.`,
  })
  password!: string;

  @Field(() => Boolean, { nullable: true, description: 'False when left out.' })
  @IsOptional()
  @IsBoolean()
  isSystemAdmin?: boolean | null;
}

@InputType()
export class UserRefInput {
  @Field(() => ID)
  @IsString()
  userId!: string;
}

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

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH, {
    message: `currentPassword must be at most ${MAX_PASSWORD_LENGTH} characters.`,
  })
  currentPassword!: string;

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
