import { Field, ObjectType } from '@nestjs/graphql';
import { FigureModel } from './figure.model';

@ObjectType('TimelinessHeadline')
export class TimelinessHeadlineModel {
  @Field(() => FigureModel, { description: 'Open issues (previous: at the period’s start).' })
  open!: FigureModel;
  @Field(() => FigureModel, { description: 'Issues whose running stage is overdue.' })
  overdue!: FigureModel;
  @Field(() => FigureModel, { description: 'Median days from raise to resolution.' })
  medianResolutionDays!: FigureModel;
  @Field(() => FigureModel, { description: 'Share of decisions made by their due date (0-1).' })
  decisionOnTimeRate!: FigureModel;
  @Field(() => FigureModel, { description: 'Share of active issues escalated in the period.' })
  escalationRate!: FigureModel;
}
