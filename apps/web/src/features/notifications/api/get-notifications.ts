import { graphql } from '../../../gql';
import type { NotificationsQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const NotificationsDocument = graphql(`
  query Notifications($first: Int, $unreadOnly: Boolean) {
    notifications(first: $first, unreadOnly: $unreadOnly) {
      unreadCount
      items {
        id
        kind
        title
        message
        link
        createdAt
        timeZone
        readAt
        resolvedAt
        resolution
      }
    }
  }
`);

export const NotificationCountDocument = graphql(`
  query NotificationCount {
    notifications(first: 0) {
      unreadCount
    }
  }
`);

export type NotificationPage = NotificationsQuery['notifications'];
export type NotificationItem = NotificationPage['items'][number];

/** The signed-in person's newest notifications, and their unread count. */
export async function getNotifications(
  first: number,
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return (await request(NotificationsDocument, { first }, { signal })).notifications;
}

/** Only the unread count (what the bell shows before it is opened). */
export async function getUnreadCount(signal?: AbortSignal): Promise<number> {
  return (await request(NotificationCountDocument, {}, { signal })).notifications.unreadCount;
}
