import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { DecisionForecastModel } from './decision-forecast.model';
import { DecisionTimelinessModel } from './decision-timeliness.model';

@ObjectType('MyDecisionTimeliness', {
  description: 'The leadership view: my pending decisions and how timely my decisions were.',
})
export class MyDecisionTimelinessModel {
  @Field(() => [DecisionForecastModel])
  pending!: DecisionForecastModel[];
  @Field(() => Int)
  decided!: number;
  @Field(() => Int)
  decidedOnTime!: number;
  @Field(() => Int)
  decidedLate!: number;
  @Field(() => Int, { description: 'Decided with no due date set.' })
  decidedUntimed!: number;
  @Field(() => Float, { nullable: true })
  onTimeRate!: number | null;
  @Field(() => [DecisionTimelinessModel], { description: 'My decisions, newest first.' })
  decisions!: DecisionTimelinessModel[];
}
