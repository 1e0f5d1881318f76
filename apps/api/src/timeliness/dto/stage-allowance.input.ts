import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt } from 'class-validator';

@InputType()
export class StageAllowanceInput {
  @Field(() => Int)
  @IsInt()
  consequence!: number;
  @Field(() => Int)
  @IsInt()
  triage!: number;
  @Field(() => Int)
  @IsInt()
  recommendations!: number;
  @Field(() => Int)
  @IsInt()
  decision!: number;
  @Field(() => Int)
  @IsInt()
  resolution!: number;
}
