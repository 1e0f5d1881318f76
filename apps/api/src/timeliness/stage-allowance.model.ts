import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('StageAllowance', { description: 'Days allowed per stage for one consequence level.' })
export class StageAllowanceModel {
  @Field(() => Int)
  consequence!: number;
  @Field(() => Int)
  triage!: number;
  @Field(() => Int)
  recommendations!: number;
  @Field(() => Int)
  decision!: number;
  @Field(() => Int)
  resolution!: number;
}
