import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Tier } from '@ipt/domain';
import type { ForecastBasis } from '@ipt/domain';

export const ForecastBasisEnum = {
  AUTHORITY: 'AUTHORITY',
  TIER: 'TIER',
  PROGRAM: 'PROGRAM',
  NONE: 'NONE',
} as const;

registerEnumType(ForecastBasisEnum, {
  name: 'ForecastBasis',
  description:
    'Whose decision history a forecast rests on: the authority’s own, its tier’s, the program’s, or none (too little history).',
});

@ObjectType('DecisionForecast', {
  description: 'When a pending decision will likely land, from decision-latency history.',
})
export class DecisionForecastModel {
  @Field()
  issueKey!: string;
  @Field()
  title!: string;
  @Field(() => ID)
  teamId!: string;
  @Field()
  teamName!: string;
  @Field(() => Tier)
  tier!: Tier;
  @Field(() => [String], { description: 'People holding decision authority on that team.' })
  authorityNames!: string[];
  @Field(() => Date)
  readyAt!: Date;
  @Field(() => Date, { nullable: true })
  dueAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Even odds it is decided by then.' })
  p50At!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Nine in ten it is decided by then.' })
  p90At!: Date | null;
  @Field(() => ForecastBasisEnum)
  basis!: ForecastBasis;
  @Field(() => Int, { description: 'How many past decisions the forecast rests on.' })
  basisCount!: number;
  @Field({ description: 'The basis in words, e.g. "14 past decisions of WIPT Airframe".' })
  basisLabel!: string;
}
