import { ArgsType, Field, Int } from '@nestjs/graphql';
import { SEARCH_LIMITS } from '@ipt/domain';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** One search: a program, what was typed, and how many results of each kind. */
@ArgsType()
export class SearchArgs {
  @Field(() => String, { description: 'The program searched (its key, e.g. HX).' })
  @IsString()
  programKey!: string;

  @Field(() => String, {
    description: `An issue key (HX-12, hx-12) or number (12), or words of a title; 1 to ${SEARCH_LIMITS.queryMax} characters.`,
  })
  @IsString()
  query!: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 10,
    description: `Results of each kind at most, 1 to ${SEARCH_LIMITS.firstMax}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1, { message: `first must be from 1 to ${SEARCH_LIMITS.firstMax}.` })
  @Max(SEARCH_LIMITS.firstMax, { message: `first must be from 1 to ${SEARCH_LIMITS.firstMax}.` })
  first?: number | null;
}
