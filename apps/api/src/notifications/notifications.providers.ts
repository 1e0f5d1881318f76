import type { Provider, Type } from '@nestjs/common';
import { IssueHolders } from './issue-holders.service';
import { NotificationEventsService } from './notification-events.service';
import { NotificationFieldsResolver } from './notification-fields.resolver';
import { NotificationSweepService } from './notification-sweep.service';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { NudgeService } from './nudge.service';

/** Resolvers of the notifications API (also used to print the schema). */
export const NOTIFICATIONS_RESOLVERS: Type[] = [NotificationsResolver, NotificationFieldsResolver];

/**
 * Services of notifications: storage and reading, derivation from events, the due-date sweep, who
 * holds an issue and the program manager's nudge.
 */
export const NOTIFICATIONS_SERVICES: Provider[] = [
  NotificationsService,
  NotificationEventsService,
  NotificationSweepService,
  IssueHolders,
  NudgeService,
];
