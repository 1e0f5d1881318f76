import { Module, type Type } from '@nestjs/common';
import { IssuesModule } from '../issues/issues.module';
import { LiveModule } from '../live/live.module';
import { NotificationEventsService } from './notification-events.service';
import { NotificationFieldsResolver } from './notification-fields.resolver';
import { NotificationSweepService } from './notification-sweep.service';
import { NotificationsResolver } from './notifications.resolver';
import { NotificationsService } from './notifications.service';
import { NudgeService } from './nudge.service';

/** Resolvers of the notifications API (also used to print the schema). */
export const NOTIFICATIONS_RESOLVERS: Type[] = [NotificationsResolver, NotificationFieldsResolver];

/**
 * Notifications: storage and reading, derivation from events, the due-date sweep and the program
 * manager's nudge. Exports the sweep to the demo, which runs it once after loading.
 */
@Module({
  imports: [IssuesModule, LiveModule],
  providers: [
    NotificationsService,
    NotificationEventsService,
    NotificationSweepService,
    NudgeService,
    ...NOTIFICATIONS_RESOLVERS,
  ],
  exports: [NotificationSweepService],
})
export class NotificationsModule {}
