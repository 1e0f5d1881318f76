import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';

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
