import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar';

/** Something changed on an issue: pages showing it refetch what they show. */
@ObjectType('IssueActivity')
export class IssueActivityModel {
  @Field()
  issueKey!: string;

  @Field()
  programKey!: string;

  @Field({
    description: 'The event type, e.g. RECOMMENDATION_SUBMITTED, DECISION_RECORDED, COMMENT_ADDED.',
  })
  type!: string;

  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Who made the change; null when the system did.',
  })
  actorName!: string | null;

  @Field(() => Int, { description: 'The issue’s version after the change.' })
  version!: number;

  /** For visibility checks; not part of the API. */
  programId!: string;
}
