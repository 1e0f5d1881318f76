import type { IssueClockFacts } from '@ipt/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { ImpactArea, IssueStatus, Stage, Tier } from '@ipt/domain';
import { ProgramModel } from '../../programs/program.model';
import { TeamModel } from '../../programs/team.model';
import { UserModel } from '../../users/user.model';
import { StageDueDatesModel } from './stage-due-dates.model';

registerEnumType(IssueStatus, { name: 'IssueStatus' });
registerEnumType(ImpactArea, { name: 'ImpactArea', description: 'What the issue hurts.' });
registerEnumType(Stage, { name: 'Stage', description: 'The timed stages of an issue.' });

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
