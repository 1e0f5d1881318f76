import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

export const NOTIFICATIONS_PAGE_MAX = 100;

@ArgsType()
export class NotificationsArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: 20,
    description: `How many to list, newest first (0 to ${NOTIFICATIONS_PAGE_MAX}; 0 for the count alone).`,
  })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'first must be 0 or more.' })
  @Max(NOTIFICATIONS_PAGE_MAX, { message: `first can be at most ${NOTIFICATIONS_PAGE_MAX}.` })
  first?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean | null;
}
