import { ArgsType, Field, Int } from '@nestjs/graphql';
import { LIMITS } from '@ipt/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { IssueOrderInput } from './issue-order.input';
import { IssueFilterArgs } from './issue-filter.args';

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
