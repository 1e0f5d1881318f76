import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';
import { RecordBreakModel } from './record-break.model';

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
