import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';

@ObjectType('RecordBreak', {
  description: 'Where the record first fails to verify, and what is wrong there.',
})
export class RecordBreakModel {
  @Field(() => Int, {
    nullable: true,
    description: 'The event at which it shows (its seq); null for a decision no event recorded.',
  })
  seq!: number | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When that event was recorded; null when its time itself is unreadable.',
  })
  at!: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The issue concerned; null when the event concerns no issue, or lies in a program you cannot see.',
  })
  issueKey!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The type of that event (e.g. DECISION_RECORDED); null where issueKey is hidden.',
  })
  eventType!: string | null;

  @Field({
    description:
      'Whether the break is in this program’s own events or decisions; otherwise it is elsewhere on the one chain all programs share.',
  })
  inThisProgram!: boolean;

  @Field({ description: 'What is wrong, in words.' })
  problem!: string;
}

@ObjectType('RecordVerification', {
  description:
    'The result of recomputing the hash chain of every event and every decision’s content hash (ADR 0016).',
})
export class RecordVerificationModel {
  @Field()
  programKey!: string;

  @Field({
    description:
      'The whole chain recomputes, and this program’s decisions match their hashes and the events that recorded them.',
  })
  verified!: boolean;

  @Field({
    description:
      'Every event of the chain (one for all programs) follows from its content and the event before it.',
  })
  chainIntact!: boolean;

  @Field(() => Int, { description: 'This program’s events checked.' })
  eventsChecked!: number;

  @Field(() => Int, { description: 'This program’s decisions checked.' })
  decisionsChecked!: number;

  @Field(() => Int, { description: 'Events of the whole chain checked, all programs included.' })
  chainEventsChecked!: number;

  @Field(() => DateTimeScalar, {
    description: 'When the check began; everything recorded before it was checked.',
  })
  checkedAt!: Date;

  @Field(() => RecordBreakModel, {
    nullable: true,
    description:
      'The first break in this program’s events or decisions; else the first one elsewhere on the chain; null when verified.',
  })
  firstBreak!: RecordBreakModel | null;
}
