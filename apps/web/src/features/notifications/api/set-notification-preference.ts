import { graphql } from '../../../gql';
import type { NotificationKind } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetNotificationPreferenceDocument = graphql(`
  mutation SetNotificationPreference($kind: NotificationKind!, $enabled: Boolean!) {
    setNotificationPreference(kind: $kind, enabled: $enabled) {
      kind
      enabled
    }
  }
`);

/** Turns one kind of notification on or off for the signed-in person. */
export async function setNotificationPreference(kind: NotificationKind, enabled: boolean) {
  return (await request(SetNotificationPreferenceDocument, { kind, enabled }))
    .setNotificationPreference;
}
