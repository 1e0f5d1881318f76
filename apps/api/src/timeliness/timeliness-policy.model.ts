import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { DayKind } from '@ipt/domain';
import { DateScalar } from '../graphql/scalars/date-time.scalar';
import { StageAllowanceModel } from './stage-allowance.model';
import { TierGraceModel } from './tier-grace.model';

export const DayKindEnum = { CALENDAR: 'CALENDAR', BUSINESS: 'BUSINESS' } as const;

registerEnumType(DayKindEnum, {
  name: 'DayKind',
  description: 'BUSINESS skips weekends and the program’s holidays.',
});

@ObjectType('TimelinessPolicy', {
  description: 'A program’s deadlines (docs/domain.md#timeliness).',
})
export class TimelinessPolicyModel {
  @Field(() => [StageAllowanceModel], { description: 'Consequence 1 (minimal) to 5 (critical).' })
  allowances!: StageAllowanceModel[];
  @Field(() => DayKindEnum)
  dayKind!: DayKind;
  @Field(() => [DateScalar], { description: 'Days in program time that are not business days.' })
  holidays!: string[];
  @Field(() => [TierGraceModel])
  autoEscalationGrace!: TierGraceModel[];
  @Field({ description: 'True while the program uses the shipped defaults.' })
  isDefault!: boolean;
  @Field(() => Int, { description: 'The program’s version; send it back to update the policy.' })
  programVersion!: number;
}
