import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { DayKind } from '@ipt/domain';
import { DateScalar } from '../../graphql/scalars/date-time.scalar';
import { StageAllowanceInput } from './stage-allowance.input';
import { TierGraceInput } from './tier-grace.input';
import { DayKindEnum } from '../timeliness-policy.model';

@InputType()
export class UpdateTimelinessPolicyInput {
  @Field()
  @IsString()
  @MaxLength(10)
  programKey!: string;
  @Field(() => Int, { description: 'The program version read; a stale one is a CONFLICT.' })
  @IsInt()
  programVersion!: number;
  @Field(() => [StageAllowanceInput], { description: 'One row per consequence level 1-5.' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => StageAllowanceInput)
  allowances!: StageAllowanceInput[];
  @Field(() => DayKindEnum)
  @IsIn(Object.values(DayKindEnum))
  dayKind!: DayKind;
  // A calendar day that exists, checked by the Date scalar before this input is built.
  @Field(() => [DateScalar], { description: 'Days in program time that are not business days.' })
  @IsArray()
  holidays!: string[];
  @Field(() => [TierGraceInput])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TierGraceInput)
  autoEscalationGrace!: TierGraceInput[];
}
