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
