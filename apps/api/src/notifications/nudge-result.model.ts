import { Field, ObjectType } from '@nestjs/graphql';
import { NudgedHolderModel } from './nudged-holder.model';
import { HolderNudgedEarlierModel } from './holder-nudged-earlier.model';

@ObjectType('NudgeResult', { description: 'Who a nudge reminded, and who was nudged already.' })
export class NudgeResultModel {
  @Field()
  issueKey!: string;

  @Field(() => [NudgedHolderModel], { description: 'Reminded now.' })
  nudged!: NudgedHolderModel[];

  @Field(() => [HolderNudgedEarlierModel], {
    description: 'Holders nudged about this issue earlier today, not reminded again.',
  })
  alreadyNudged!: HolderNudgedEarlierModel[];
}
