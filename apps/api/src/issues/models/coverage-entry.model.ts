import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CoverageState } from '@ipt/domain';
import { RecommendationModel } from './recommendation.model';
import { WaiverModel } from './waiver.model';

registerEnumType(CoverageState, { name: 'CoverageState' });

@ObjectType('CoverageEntry', { description: 'Where one required discipline stands.' })
export class CoverageEntryModel {
  @Field()
  discipline!: string;

  @Field(() => CoverageState)
  state!: CoverageState;

  @Field(() => RecommendationModel, { nullable: true })
  recommendation!: RecommendationModel | null;

  @Field(() => WaiverModel, { nullable: true })
  waiver!: WaiverModel | null;
}
