import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../../auth/passwords';
import { MAX_PASSWORD_LENGTH } from './password-length';

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
