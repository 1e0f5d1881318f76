import { Field, ID, InputType } from '@nestjs/graphql';
import { LIMITS } from '@ipt/domain';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IssueChangeInput } from './common';

@InputType()
export class SubmitRecommendationInput extends IssueChangeInput {
  @Field({ description: 'The discipline you recommend for, e.g. "engineering".' })
  @IsString()
  discipline!: string;

  @Field(() => ID, { description: 'The option your discipline favours.' })
  @IsString()
  optionId!: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'rationale must not be empty.' })
  @MaxLength(LIMITS.textMax)
  rationale!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMax)
  impactAssessment?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Other options your discipline could accept, and on what terms.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMax)
  alternatives?: string | null;
}
