import { graphql } from '../../../gql';
import type { NotificationPreferencesQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const NotificationPreferencesDocument = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kind
      enabled
    }
  }
`);

export type NotificationPreference =
  NotificationPreferencesQuery['notificationPreferences'][number];

/** Every kind of notification, and whether the signed-in person gets it. */
export async function getNotificationPreferences(
  signal?: AbortSignal,
): Promise<NotificationPreference[]> {
  return (await request(NotificationPreferencesDocument, {}, { signal })).notificationPreferences;
}
