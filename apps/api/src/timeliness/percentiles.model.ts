import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Percentiles')
export class PercentilesModel {
  @Field(() => Int)
  count!: number;
  @Field(() => Float, { nullable: true, description: 'Median, days; null with no data.' })
  p50Days!: number | null;
  @Field(() => Float, { nullable: true, description: '90th percentile, days.' })
  p90Days!: number | null;
}
