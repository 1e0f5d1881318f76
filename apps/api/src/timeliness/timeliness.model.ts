import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IssueHolderModel } from '../notifications/notification.model';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Stage, Tier } from '@ipt/domain';
import type { DayKind, ForecastBasis, StageState, DueSource } from '@ipt/domain';
import { DateScalar } from '../graphql/scalars/date-time.scalar';

export const DayKindEnum = { CALENDAR: 'CALENDAR', BUSINESS: 'BUSINESS' } as const;
registerEnumType(DayKindEnum, {
  name: 'DayKind',
  description: 'BUSINESS skips weekends and the program’s holidays.',
});
export const StageStateEnum = {
  NOT_STARTED: 'NOT_STARTED',
  RUNNING: 'RUNNING',
  FINISHED: 'FINISHED',
} as const;
registerEnumType(StageStateEnum, { name: 'StageState' });
export const DueSourceEnum = { POLICY: 'POLICY', MANUAL: 'MANUAL' } as const;
registerEnumType(DueSourceEnum, {
  name: 'DueSource',
  description: 'POLICY: from the program’s timeliness policy; MANUAL: a person set it on purpose.',
});
export const ForecastBasisEnum = {
  AUTHORITY: 'AUTHORITY',
  TIER: 'TIER',
  PROGRAM: 'PROGRAM',
  NONE: 'NONE',
} as const;
registerEnumType(ForecastBasisEnum, {
  name: 'ForecastBasis',
  description:
    'Whose decision history a forecast rests on: the authority’s own, its tier’s, the program’s, or none (too little history).',
});
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

// ---------------------------------------------------------------- policy

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

@ObjectType('TierGrace', { description: 'Auto-escalation grace period of one tier.' })
export class TierGraceModel {
  @Field(() => Tier)
  tier!: Tier;
  @Field(() => Int, {
    nullable: true,
    description: 'Days past an overdue decision before the policy escalates; null: never.',
  })
  days!: number | null;
}

@ObjectType('TimelinessPolicy', {
  description: 'A program’s deadlines (docs/domain.md#timeliness).',
})
export class TimelinessPolicyModel {
  @Field(() => [StageAllowanceModel], { description: 'Consequence 1 (minimal) to 5 (critical).' })
  allowances!: StageAllowanceModel[];
  @Field(() => DayKindEnum)
  dayKind!: DayKind;
  @Field(() => [DateScalar], { description: 'Days in program time that are not business days.' })
  holidays!: string[];
  @Field(() => [TierGraceModel])
  autoEscalationGrace!: TierGraceModel[];
  @Field({ description: 'True while the program uses the shipped defaults.' })
  isDefault!: boolean;
  @Field(() => Int, { description: 'The program’s version; send it back to update the policy.' })
  programVersion!: number;
}

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

@InputType()
export class TierGraceInput {
  @Field(() => Tier)
  @IsIn(Object.values(Tier))
  tier!: Tier;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  days?: number | null;
}

@InputType()
export class UpdateTimelinessPolicyInput {
  @Field()
  @IsString()
  @MaxLength(10)
  programKey!: string;
  @Field(() => Int, { description: 'The program version read; a stale one is a CONFLICT.' })
  @IsInt()
  programVersion!: number;
  @Field(() => [StageAllowanceInput], { description: 'One row per consequence level 1-5.' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => StageAllowanceInput)
  allowances!: StageAllowanceInput[];
  @Field(() => DayKindEnum)
  @IsIn(Object.values(DayKindEnum))
  dayKind!: DayKind;
  // A calendar day that exists, checked by the Date scalar before this input is built.
  @Field(() => [DateScalar], { description: 'Days in program time that are not business days.' })
  @IsArray()
  holidays!: string[];
  @Field(() => [TierGraceInput])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TierGraceInput)
  autoEscalationGrace!: TierGraceInput[];
}

@ObjectType('PolicyChangeResult')
export class PolicyChangeResultModel {
  @Field(() => TimelinessPolicyModel)
  policy!: TimelinessPolicyModel;
  @Field(() => Int, { description: 'Open issues whose running stage got a new due date.' })
  recomputedIssues!: number;
}

// ---------------------------------------------------------------- clocks

@ObjectType('StageClock', { description: 'One stage’s clock: started, due, finished, late.' })
export class StageClockModel {
  @Field(() => Stage)
  stage!: Stage;
  @Field(() => StageStateEnum)
  state!: StageState;
  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;
  @Field(() => Date, { nullable: true })
  dueAt!: Date | null;
  @Field(() => DueSourceEnum, { nullable: true })
  dueSource!: DueSource | null;
  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
  @Field(() => Float, { description: 'Days on the clock so far (running) or in all (finished).' })
  elapsedDays!: number;
  @Field(() => Float, { description: 'Days past the due date; 0 when on time.' })
  lateByDays!: number;
}

@ObjectType('DecisionForecast', {
  description: 'When a pending decision will likely land, from decision-latency history.',
})
export class DecisionForecastModel {
  @Field()
  issueKey!: string;
  @Field()
  title!: string;
  @Field(() => ID)
  teamId!: string;
  @Field()
  teamName!: string;
  @Field(() => Tier)
  tier!: Tier;
  @Field(() => [String], { description: 'People holding decision authority on that team.' })
  authorityNames!: string[];
  @Field(() => Date)
  readyAt!: Date;
  @Field(() => Date, { nullable: true })
  dueAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Even odds it is decided by then.' })
  p50At!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Nine in ten it is decided by then.' })
  p90At!: Date | null;
  @Field(() => ForecastBasisEnum)
  basis!: ForecastBasis;
  @Field(() => Int, { description: 'How many past decisions the forecast rests on.' })
  basisCount!: number;
  @Field({ description: 'The basis in words, e.g. "14 past decisions of WIPT Airframe".' })
  basisLabel!: string;
}

// ---------------------------------------------------------------- report

@ObjectType('Percentiles')
export class PercentilesModel {
  @Field(() => Int)
  count!: number;
  @Field(() => Float, { nullable: true, description: 'Median, days; null with no data.' })
  p50Days!: number | null;
  @Field(() => Float, { nullable: true, description: '90th percentile, days.' })
  p90Days!: number | null;
}

@ObjectType('Figure', { description: 'A headline figure and the same figure one period earlier.' })
export class FigureModel {
  @Field(() => Float, { nullable: true })
  value!: number | null;
  @Field(() => Float, { nullable: true })
  previous!: number | null;
}

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

@ObjectType('AgingBand')
export class AgingBandModel {
  @Field()
  label!: string;
  @Field(() => Int)
  minDays!: number;
  @Field(() => Int, { nullable: true })
  maxDays!: number | null;
  @Field(() => Int)
  count!: number;
  @Field({ description: 'Local date: issues raised on or after it are in the band.' })
  raisedFrom!: string;
  @Field(() => String, { nullable: true, description: 'Local date: raised on or before it.' })
  raisedTo!: string | null;
}

@ObjectType('DisciplineLatency')
export class DisciplineLatencyModel extends PercentilesModel {
  @Field()
  discipline!: string;
  @Field()
  disciplineName!: string;
  @Field(() => Float, { nullable: true })
  onTimeRate!: number | null;
  @Field(() => Int, { description: 'Submitted late in the period, plus owed and overdue now.' })
  late!: number;
  @Field(() => Int, { description: 'Owed now on open issues.' })
  pending!: number;
}

@ObjectType('AuthorityLatency')
export class AuthorityLatencyModel extends PercentilesModel {
  @Field(() => ID)
  teamId!: string;
  @Field()
  teamName!: string;
  @Field(() => Tier)
  tier!: Tier;
  @Field(() => [String])
  authorityNames!: string[];
  @Field(() => Float, { nullable: true })
  onTimeRate!: number | null;
  @Field(() => Int)
  pending!: number;
}

@ObjectType('TierLatency')
export class TierLatencyModel extends PercentilesModel {
  @Field(() => Tier)
  tier!: Tier;
  @Field(() => Float, { nullable: true })
  onTimeRate!: number | null;
}

@ObjectType('TierDwell')
export class TierDwellModel {
  @Field(() => Tier)
  tier!: Tier;
  @Field(() => Int, { description: 'Open issues at this tier now.' })
  open!: number;
  @Field(() => PercentilesModel, { description: 'How long the open ones have sat here so far.' })
  openAge!: PercentilesModel;
  @Field(() => PercentilesModel, { description: 'Completed stays that ended in the period.' })
  completed!: PercentilesModel;
}

@ObjectType('OverdueIssue')
export class OverdueIssueModel {
  @Field()
  issueKey!: string;
  @Field()
  title!: string;
  @Field(() => Stage)
  stage!: Stage;
  @Field(() => Date)
  dueAt!: Date;
  @Field(() => Float)
  lateByDays!: number;
  @Field(() => Tier)
  tier!: Tier;
  @Field()
  teamName!: string;
  @Field(() => [IssueHolderModel], {
    description:
      'Who the issue waits on now (whose move it is), to nudge; empty in a report of a past `asOf`.',
  })
  holders!: IssueHolderModel[];
}

@ObjectType('OverdueActionItem')
export class OverdueActionItemModel {
  @Field(() => ID)
  id!: string;
  @Field()
  issueKey!: string;
  @Field()
  title!: string;
  @Field()
  assigneeName!: string;
  @Field(() => Date)
  dueAt!: Date;
  @Field(() => Float)
  lateByDays!: number;
}

@ObjectType('WeekCount')
export class WeekCountModel {
  @Field({ description: 'Monday of the week, a local date in the program’s time zone.' })
  weekStart!: string;
  @Field(() => Int)
  opened!: number;
  @Field(() => Int)
  closed!: number;
  @Field(() => Int, { description: 'Issues overdue at the week’s end (or now).' })
  overdue!: number;
}

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

@InputType()
export class TimelinessFilterInput {
  @Field(() => ID, { nullable: true, description: 'The issue’s current team.' })
  @IsOptional()
  teamId?: string | null;
  @Field(() => Tier, { nullable: true })
  @IsOptional()
  tier?: Tier | null;
  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsInt({ each: true })
  consequence?: number[] | null;
  @Field(() => String, { nullable: true, description: 'A discipline code.' })
  @IsOptional()
  discipline?: string | null;
  @Field(() => ID, { nullable: true, description: 'A decision authority: the deciding team.' })
  @IsOptional()
  authorityTeamId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Period start; default 12 weeks before.' })
  @IsOptional()
  from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Period end; default the as-of instant.' })
  @IsOptional()
  to?: Date | null;
}

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

@ObjectType('DecisionTimeliness')
export class DecisionTimelinessModel {
  @Field()
  issueKey!: string;
  @Field()
  title!: string;
  @Field(() => Tier)
  tier!: Tier;
  @Field(() => Date, { nullable: true })
  readyAt!: Date | null;
  @Field(() => Date)
  decidedAt!: Date;
  @Field(() => Date, { nullable: true })
  dueAt!: Date | null;
  @Field(() => Float, { nullable: true, description: 'Days from ready to decided.' })
  latencyDays!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Days decided after (positive) or before (negative) the due date.',
  })
  marginDays!: number | null;
}
