import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

@InputType()
export class AddDisciplineInput {
  @Field()
  @IsString()
  programKey!: string;

  @Field({ description: 'Stable lower-case code, e.g. "human-factors".' })
  @IsString()
  @MaxLength(40, { message: 'code must be at most 40 characters.' })
  code!: string;

  @Field()
  @IsString()
  @MaxLength(100, { message: 'name must be at most 100 characters.' })
  name!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Veto-like standing (RAPID "Agree"); false when left out.',
  })
  @IsOptional()
  @IsBoolean()
  agreeRole?: boolean | null;
}
