import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { IssueStatus, Tier } from '@ipt/domain';
import {
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

/** The issue tracker's filters; every filter narrows, none given = every issue you can see. */
@ArgsType()
export class IssueFilterArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Limit to one program; all visible programs when left out.',
  })
  @IsOptional()
  @IsString()
  programKey?: string | null;

  @Field(() => [IssueStatus], { nullable: true, description: 'Issues in any of these statuses.' })
  @IsOptional()
  @IsArray()
  @IsEnum(IssueStatus, { each: true })
  status?: IssueStatus[] | null;

  @Field(() => ID, { nullable: true, description: 'Issues currently with this team.' })
  @IsOptional()
  @IsString()
  teamId?: string | null;

  @Field(() => Tier, { nullable: true, description: 'Issues currently at this tier.' })
  @IsOptional()
  @IsEnum(Tier)
  tier?: Tier | null;

  @Field(() => [Int], { nullable: true, description: 'Issues rated any of these (1-5).' })
  @IsOptional()
  @IsArray()
  @IsInt({ each: true })
  consequence?: number[] | null;

  @Field(() => ID, { nullable: true, description: 'Issues this person owns.' })
  @IsOptional()
  @IsString()
  ownerId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Issues IN_REVIEW or AWAITING_DECISION on which this required discipline (e.g. "test") has neither a current recommendation nor a waiver.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  pendingDiscipline?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only issues whose current stage is past its due date now; false: only those that are not; left out: both.',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Matches key, title and condition statement.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  text?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Issues raised at or after this instant.',
  })
  @IsOptional()
  @IsDate()
  raisedFrom?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Issues raised before this instant (the period excludes its end: for a local day, pass the start of the next day).',
  })
  @IsOptional()
  @IsDate()
  raisedTo?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Issues that ended (the earliest of resolved, closed and withdrawn) at or after this instant.',
  })
  @IsOptional()
  @IsDate()
  endedFrom?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'Issues that ended (the earliest of resolved, closed and withdrawn) before this instant (the period excludes its end: for a local day, pass the start of the next day).',
  })
  @IsOptional()
  @IsDate()
  endedTo?: Date | null;
}
