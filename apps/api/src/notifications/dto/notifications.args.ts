import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { NotificationKind } from '@ipt/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
} from 'class-validator';
import '../notification.model';

export const NOTIFICATIONS_PAGE_MAX = 100;
export const MARK_READ_MAX = 500;

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

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], {
    nullable: true,
    description: 'The notifications to mark read; every one of yours when empty or left out.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MARK_READ_MAX, { message: `ids can name at most ${MARK_READ_MAX} notifications.` })
  @IsString({ each: true })
  ids?: string[] | null;
}

@ArgsType()
export class SetNotificationPreferenceArgs {
  @Field(() => NotificationKind)
  @IsEnum(NotificationKind)
  kind!: NotificationKind;

  @Field()
  @IsBoolean()
  enabled!: boolean;
}

@ArgsType()
export class NudgeArgs {
  @Field({ description: 'The issue whose holders to remind, e.g. HX-12.' })
  @IsString()
  issueKey!: string;
}
