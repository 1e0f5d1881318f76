import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DecisionForecastModel } from './decision-forecast.model';
import { PercentilesModel } from './percentiles.model';
import { TimelinessHeadlineModel } from './timeliness-headline.model';
import { AgingBandModel } from './aging-band.model';
import { DisciplineLatencyModel } from './discipline-latency.model';
import { AuthorityLatencyModel } from './authority-latency.model';
import { TierLatencyModel } from './tier-latency.model';
import { TierDwellModel } from './tier-dwell.model';
import { OverdueIssueModel } from './overdue-issue.model';
import { OverdueActionItemModel } from './overdue-action-item.model';
import { WeekCountModel } from './week-count.model';

export const TimelinessSourceEnum = {
  CURRENT_STATE: 'CURRENT_STATE',
  EVENT_REPLAY: 'EVENT_REPLAY',
} as const;

export type TimelinessSource = keyof typeof TimelinessSourceEnum;

registerEnumType(TimelinessSourceEnum, {
  name: 'TimelinessSource',
  description:
    'CURRENT_STATE: read from the live tables (as of now); EVENT_REPLAY: rebuilt from the event log up to a past as-of instant.',
});

@ObjectType('TimelinessReport')
export class TimelinessReportModel {
  @Field()
  programKey!: string;
  @Field()
  timeZone!: string;
  @Field(() => Date)
  asOf!: Date;
  @Field(() => Date, { description: 'Start of the measured period.' })
  from!: Date;
  @Field(() => Date, { description: 'End of the measured period.' })
  to!: Date;
  @Field(() => TimelinessSourceEnum)
  computedFrom!: TimelinessSource;
  @Field(() => TimelinessHeadlineModel)
  headline!: TimelinessHeadlineModel;
  @Field(() => [AgingBandModel], { description: 'Open issues by age since raised.' })
  aging!: AgingBandModel[];
  @Field(() => PercentilesModel, {
    description: 'Raise to resolution, issues resolved in the period.',
  })
  resolution!: PercentilesModel;
  @Field(() => [DisciplineLatencyModel], {
    description: 'Request to submission per discipline, slowest median first.',
  })
  recommendationLatency!: DisciplineLatencyModel[];
  @Field(() => Float, { nullable: true })
  recommendationOnTimeRate!: number | null;
  @Field(() => [AuthorityLatencyModel], {
    description: 'Ready to decided per decision authority (the deciding team), slowest first.',
  })
  decisionLatencyByAuthority!: AuthorityLatencyModel[];
  @Field(() => [TierLatencyModel])
  decisionLatencyByTier!: TierLatencyModel[];
  @Field(() => Float, { nullable: true })
  decisionOnTimeRate!: number | null;
  @Field(() => Float, { nullable: true })
  escalationRate!: number | null;
  @Field(() => [TierDwellModel])
  tierDwell!: TierDwellModel[];
  @Field(() => Float, {
    nullable: true,
    description: 'Of the standing decisions made in the period, the share made at WIPT level.',
  })
  wiptResolutionShare!: number | null;
  @Field(() => [OverdueIssueModel], {
    description: 'Most overdue first; the first `listLimit` of `overdueIssueCount`.',
  })
  overdueIssues!: OverdueIssueModel[];
  @Field(() => Int, { description: 'How many issues are overdue, listed or not.' })
  overdueIssueCount!: number;
  @Field(() => [OverdueActionItemModel], {
    description: 'Most overdue first; the first `listLimit` of `overdueActionItemCount`.',
  })
  overdueActionItems!: OverdueActionItemModel[];
  @Field(() => Int, { description: 'How many action items are overdue, listed or not.' })
  overdueActionItemCount!: number;
  @Field(() => [WeekCountModel])
  weekly!: WeekCountModel[];
  @Field(() => [DecisionForecastModel], {
    description: 'Pending decisions, soonest first; the first `listLimit` of `forecastCount`.',
  })
  forecasts!: DecisionForecastModel[];
  @Field(() => Int, { description: 'How many decisions are pending, listed or not.' })
  forecastCount!: number;
}
