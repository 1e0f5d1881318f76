import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { IssueOrderColumn, IssueStatus, LIMITS, SortDirection, Tier } from '@ipt/domain';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

registerEnumType(IssueOrderColumn, {
  name: 'IssueOrderColumn',
  description: 'A column of the tracker to order issues by.',
  valuesMap: {
    KEY: { description: 'Program key, then running number (HX-2 before HX-10).' },
    TITLE: { description: 'Title, ignoring letter case.' },
    STATUS: { description: 'Place in the lifecycle, OPEN first.' },
    CONSEQUENCE: { description: 'Consequence rating; unrated issues last either way.' },
    OWNER: {
      description: "Owner's name, ignoring letter case; unassigned issues last either way.",
    },
    TEAM: { description: "Current team's name, ignoring letter case." },
    RAISED: { description: 'When raised.' },
    DUE: { description: "Current stage's due date; issues without one last either way." },
  },
});
registerEnumType(SortDirection, { name: 'SortDirection' });

/** How the tracker orders issues (libs/domain issue-order.ts holds the rule). */
@InputType()
export class IssueOrderInput {
  @Field(() => IssueOrderColumn)
  @IsEnum(IssueOrderColumn)
  column!: IssueOrderColumn;

  @Field(() => SortDirection)
  @IsEnum(SortDirection)
  direction!: SortDirection;
}

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

/** A page of the filtered issues. */
@ArgsType()
export class IssuesArgs extends IssueFilterArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 50,
    description: `Page size, 1 to ${LIMITS.pageSizeMax}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `first must be from 1 to ${LIMITS.pageSizeMax}.` })
  @Max(LIMITS.pageSizeMax, { message: `first must be from 1 to ${LIMITS.pageSizeMax}.` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Rows to skip from the start of the list, to jump anywhere in it (a scrolled table); use either this or after.',
  })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'offset must be 0 or more.' })
  offset?: number | null;

  @Field(() => IssueOrderInput, {
    nullable: true,
    description:
      'The order; newest raised first when left out. Empty values sort last in either direction; ties go newest raised first.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => IssueOrderInput)
  orderBy?: IssueOrderInput | null;
}
