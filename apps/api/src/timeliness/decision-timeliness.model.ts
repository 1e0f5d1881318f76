import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Tier } from '@ipt/domain';

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
