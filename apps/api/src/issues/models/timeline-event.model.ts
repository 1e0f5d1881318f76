import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { UserModel } from '../../users/user.model';

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
