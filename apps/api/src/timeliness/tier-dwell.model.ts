import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Tier } from '@ipt/domain';
import { PercentilesModel } from './percentiles.model';

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
