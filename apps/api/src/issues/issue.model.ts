import type { IssueClockFacts } from '@ipt/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { CoverageState, ImpactArea, IssueStatus, Stage, Tier } from '@ipt/domain';
import { ProgramModel } from '../programs/program.model';
import { TeamModel } from '../programs/team.model';
import { UserModel } from '../users/user.model';

registerEnumType(IssueStatus, { name: 'IssueStatus' });
registerEnumType(ImpactArea, { name: 'ImpactArea', description: 'What the issue hurts.' });
registerEnumType(CoverageState, { name: 'CoverageState' });
registerEnumType(Stage, { name: 'Stage', description: 'The timed stages of an issue.' });

@ObjectType('StageDueDates', { description: 'When each stage is due (null: not set).' })
export class StageDueDatesModel {
  @Field(() => DateTimeScalar, { nullable: true })
  triage!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  recommendations!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decision!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  resolution!: Date | null;
}

@ObjectType('Option', { description: 'A course of action on an issue.' })
export class OptionModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'A, B, C ... in the order added.' })
  label!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field()
  impacts!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  createdById!: string;

  @Field(() => UserModel)
  createdBy?: UserModel;
}

@ObjectType('Recommendation', { description: 'One discipline’s input; superseded, never edited.' })
export class RecommendationModel {
  @Field(() => ID)
  id!: string;

  @Field()
  discipline!: string;

  @Field()
  rationale!: string;

  @Field()
  impactAssessment!: string;

  @Field()
  alternatives!: string;

  @Field(() => DateTimeScalar)
  submittedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  supersededAt!: Date | null;

  authorId!: string;
  optionId!: string;
  teamId!: string;

  @Field(() => UserModel)
  author?: UserModel;

  @Field(() => OptionModel)
  option?: OptionModel;

  @Field(() => TeamModel)
  team?: TeamModel;
}

@ObjectType('Waiver', {
  description: 'A program manager’s reason to proceed without a discipline.',
})
export class WaiverModel {
  @Field(() => ID)
  id!: string;

  @Field()
  discipline!: string;

  @Field()
  reason!: string;

  @Field(() => DateTimeScalar)
  waivedAt!: Date;

  waivedById!: string;

  @Field(() => UserModel)
  waivedBy?: UserModel;
}

@ObjectType('CoverageEntry', { description: 'Where one required discipline stands.' })
export class CoverageEntryModel {
  @Field()
  discipline!: string;

  @Field(() => CoverageState)
  state!: CoverageState;

  @Field(() => RecommendationModel, { nullable: true })
  recommendation!: RecommendationModel | null;

  @Field(() => WaiverModel, { nullable: true })
  waiver!: WaiverModel | null;
}

@ObjectType('ActionItem', { description: 'Work a decision assigns.' })
export class ActionItemModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => DateTimeScalar)
  dueAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  doneAt!: Date | null;

  assigneeId!: string;

  @Field(() => UserModel)
  assignee?: UserModel;
}

@ObjectType('NonConcurrence', { description: 'A member’s formal dissent, reviewed one tier up.' })
export class NonConcurrenceModel {
  @Field(() => ID)
  id!: string;

  @Field()
  discipline!: string;

  @Field()
  rationale!: string;

  @Field()
  impacts!: string;

  @Field(() => DateTimeScalar)
  filedAt!: Date;

  authorId!: string;
  reviewTeamId!: string | null;

  @Field(() => UserModel)
  author?: UserModel;

  @Field(() => TeamModel, { nullable: true })
  reviewTeam?: TeamModel | null;
}

@ObjectType('Decision', { description: 'A decision memorandum; superseded, never edited.' })
export class DecisionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  rationale!: string;

  @Field()
  conditions!: string;

  @Field(() => Tier)
  tier!: Tier;

  @Field(() => DateTimeScalar)
  decidedAt!: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'The decision due date then in force.',
  })
  dueAt!: Date | null;

  @Field(() => [String], {
    description: 'Disciplines whose recommendation favoured another option.',
  })
  dissentingDisciplines!: string[];

  @Field(() => DateTimeScalar, { nullable: true })
  supersededAt!: Date | null;

  issueId!: string;
  optionId!: string;
  decidedById!: string;
  teamId!: string;
  supersedesId!: string | null;
  supersededById!: string | null;
  consideredRecommendationIds!: string[];

  @Field()
  superseded?: boolean;
}

@ObjectType('Escalation')
export class EscalationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Tier)
  fromTier!: Tier;

  @Field(() => Tier)
  toTier!: Tier;

  @Field()
  reason!: string;

  @Field({ description: 'PERSON or POLICY.' })
  source!: string;

  @Field(() => DateTimeScalar)
  escalatedAt!: Date;

  fromTeamId!: string;
  toTeamId!: string;
  escalatedById!: string | null;
}

@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID)
  id!: string;

  @Field()
  body!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  authorId!: string;

  @Field(() => UserModel)
  author?: UserModel;
}

@ObjectType('TimelineEvent', { description: 'One entry of the append-only, hash-chained history.' })
export class TimelineEventModel {
  @Field(() => Int)
  seq!: number;

  @Field()
  type!: string;

  @Field()
  entityType!: string;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => String, { nullable: true, description: 'JSON of the changed fields before.' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the changed fields after.' })
  after!: string | null;

  @Field({ description: 'SHA-256 over this event and the previous hash.' })
  hash!: string;

  actorId!: string | null;

  @Field(() => UserModel, { nullable: true, description: 'Null when the system acted.' })
  actor?: UserModel | null;
}

@ObjectType('Issue', {
  description: 'An event or condition with negative effect that has occurred or is certain to.',
})
export class IssueModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Program key and number, e.g. HX-42.' })
  key!: string;

  @Field(() => Int)
  number!: number;

  @Field()
  title!: string;

  @Field()
  conditionStatement!: string;

  @Field(() => ImpactArea)
  impactArea!: ImpactArea;

  @Field(() => Int, { nullable: true, description: '1 = minimal .. 5 = critical; set at triage.' })
  consequence!: number | null;

  @Field(() => IssueStatus)
  status!: IssueStatus;

  @Field(() => Tier, { description: 'Tier of the current team.' })
  tier!: Tier;

  @Field(() => Int, {
    description: 'Send it back with every change; a stale one is refused with CONFLICT.',
  })
  version!: number;

  @Field(() => DateTimeScalar)
  raisedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  triagedAt!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When every required discipline was covered.',
  })
  readyAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  closedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  withdrawnAt!: Date | null;

  @Field(() => StageDueDatesModel)
  dueDates!: StageDueDatesModel;

  @Field(() => Stage, { nullable: true, description: 'The stage whose clock runs now.' })
  currentStage!: Stage | null;

  @Field(() => DateTimeScalar, { nullable: true })
  currentStageDueAt!: Date | null;

  programId!: string;
  raisedById!: string;
  ownerId!: string | null;
  originTeamId!: string;
  currentTeamId!: string;
  /** The instants the stage clocks and forecast are computed from (not a field). */
  clockFacts!: IssueClockFacts;

  @Field(() => ProgramModel)
  program?: ProgramModel;

  @Field(() => UserModel)
  raisedBy?: UserModel;

  @Field(() => UserModel, { nullable: true })
  owner?: UserModel | null;

  @Field(() => TeamModel)
  originTeam?: TeamModel;

  @Field(() => TeamModel)
  currentTeam?: TeamModel;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType('IssueEdge')
export class IssueEdgeModel {
  @Field()
  cursor!: string;

  @Field(() => IssueModel)
  node!: IssueModel;
}

@ObjectType('IssueConnection')
export class IssueConnectionModel {
  @Field(() => [IssueEdgeModel])
  edges!: IssueEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'Issues matching the filters, across all pages.' })
  totalCount?: number;

  /**
   * Counts across all pages; called by the connection's `totalCount` resolver only when a request
   * selects it, so paging on through a long list costs no COUNT (the tracker asks once per filter).
   */
  count!: () => Promise<number>;
}
