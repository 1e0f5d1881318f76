import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time.scalar';
import { LIMITS, Tier } from '@ipt/domain';
import { IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** The decision log's page and filters; every filter narrows, none given = every decision. */
@ArgsType()
export class DecisionsArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Limit to one program; all visible programs when left out.',
  })
  @IsOptional()
  @IsString()
  programKey?: string | null;

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

  @Field(() => ID, { nullable: true, description: 'Decisions taken at this team.' })
  @IsOptional()
  @IsString()
  teamId?: string | null;

  @Field(() => Tier, { nullable: true, description: 'Decisions taken at this tier.' })
  @IsOptional()
  @IsEnum(Tier)
  tier?: Tier | null;

  @Field(() => ID, { nullable: true, description: 'Decisions taken by this decision authority.' })
  @IsOptional()
  @IsString()
  authorityId?: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Decided at or after this instant.',
  })
  @IsOptional()
  @IsDate()
  decidedFrom?: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Decided before this instant (the period excludes its end).',
  })
  @IsOptional()
  @IsDate()
  decidedTo?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only superseded decisions; false: only those in force; left out: both.',
  })
  @IsOptional()
  @IsBoolean()
  superseded?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only decisions with dissent (a discipline that favoured another option, or a non-concurrence); false: only those without; left out: both.',
  })
  @IsOptional()
  @IsBoolean()
  withDissent?: boolean | null;
}
