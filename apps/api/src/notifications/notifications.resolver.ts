import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { DomainError, ErrorCode } from '@ipt/domain';
import { CurrentUser } from '../auth/current-user.decorator';
import { CLOCK, Clock } from '../common/clock';
import type { RequestContext } from '../graphql/context';
import { UserEntity } from '../users/user.entity';
import { MarkNotificationsReadArgs } from './dto/mark-notifications-read.args';
import { NotificationsArgs } from './dto/notifications.args';
import { NudgeArgs } from './dto/nudge.args';
import { SetNotificationPreferenceArgs } from './dto/set-notification-preference.args';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationCountModel } from './notification-count.model';
import { NotificationPageModel } from './notification-page.model';
import { NotificationPreferenceModel } from './notification-preference.model';
import { NudgeResultModel } from './nudge-result.model';
import {
  NOTIFICATIONS_CHANGED,
  NotificationPage,
  NotificationsChanged,
  NotificationsService,
} from './notifications.service';
import { NudgeResult, NudgeService } from './nudge.service';

/** The signed-in person's notifications: list, count, mark read, choose kinds, hear changes. */
@Resolver()
export class NotificationsResolver {
  constructor(
    private readonly service: NotificationsService,
    private readonly nudges: NudgeService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Mutation(() => NudgeResultModel, {
    description:
      'Reminds the people an open issue waits on now (its holders) with a notification each; program managers of its program only. Each person at most once a day (program time) per issue: CONFLICT says when next. Recorded on the issue’s timeline.',
  })
  nudge(@CurrentUser() user: UserEntity, @Args() args: NudgeArgs): Promise<NudgeResult> {
    return this.nudges.nudge({ user, at: this.clock.now() }, args.issueKey);
  }

  @Query(() => NotificationPageModel, {
    description: 'Your notifications, newest first, with your unread count.',
  })
  notifications(
    @CurrentUser() user: UserEntity,
    @Args() args: NotificationsArgs,
  ): Promise<NotificationPage> {
    return this.service.page(user, args.first ?? 20, args.unreadOnly ?? false);
  }

  @Mutation(() => Int, {
    description:
      'Marks your notifications read: those named, or all of them when none are named. Returns how many were unread.',
  })
  markNotificationsRead(
    @CurrentUser() user: UserEntity,
    @Args() args: MarkNotificationsReadArgs,
  ): Promise<number> {
    return this.service.markRead({ user, at: this.clock.now() }, args.ids);
  }

  @Query(() => [NotificationPreferenceModel], {
    description: 'Every kind of notification, and whether you get it.',
  })
  notificationPreferences(
    @CurrentUser() user: UserEntity,
  ): Promise<NotificationPreferenceEntity[]> {
    return this.service.preferences(user);
  }

  @Mutation(() => NotificationPreferenceModel, {
    description: 'Turns one kind of notification on or off for you; off means none is created.',
  })
  setNotificationPreference(
    @CurrentUser() user: UserEntity,
    @Args() args: SetNotificationPreferenceArgs,
  ): Promise<NotificationPreferenceEntity> {
    return this.service.setPreference({ user, at: this.clock.now() }, args.kind, args.enabled);
  }

  @Subscription(() => NotificationCountModel, {
    description:
      'Your unread count, sent after every change that creates or reads notifications of yours. Over WebSocket (graphql-ws) with the session cookie.',
    filter: (
      payload: { notificationsChanged: NotificationsChanged },
      _args,
      context: RequestContext,
    ) =>
      context.user !== undefined && payload.notificationsChanged.userIds.includes(context.user.id),
    resolve(
      this: NotificationsResolver,
      _payload: unknown,
      _args: unknown,
      context: RequestContext,
    ): Promise<NotificationCountModel> {
      return this.count(context);
    },
  })
  notificationsChanged(@CurrentUser() _user: UserEntity) {
    return this.service.pubSub.asyncIterableIterator(NOTIFICATIONS_CHANGED);
  }

  private async count(context: RequestContext): Promise<NotificationCountModel> {
    if (!context.user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first.');
    return { unreadCount: await this.service.unreadCount(context.user.id) };
  }
}
