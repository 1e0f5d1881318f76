import { Field, Float, ObjectType } from '@nestjs/graphql';

@ObjectType('Figure', { description: 'A headline figure and the same figure one period earlier.' })
export class FigureModel {
  @Field(() => Float, { nullable: true })
  value!: number | null;
  @Field(() => Float, { nullable: true })
  previous!: number | null;
}
