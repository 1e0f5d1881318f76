import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const MarkNotificationsReadDocument = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

/** Marks the named notifications read, or all of them when none are named; says how many were unread. */
export async function markNotificationsRead(ids?: readonly string[]): Promise<number> {
  return (await request(MarkNotificationsReadDocument, ids ? { ids: [...ids] } : {}))
    .markNotificationsRead;
}
