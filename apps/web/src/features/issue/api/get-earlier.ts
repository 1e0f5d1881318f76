import { graphql } from '../../../gql';
import type { IssueEarlierCommentsQuery, IssueEarlierEventsQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

/** How many events one "Show earlier events" reads. */
export const EARLIER_EVENTS = 100;

export const IssueEarlierEventsDocument = graphql(`
  query IssueEarlierEvents($key: String!, $last: Int!, $before: Int!) {
    issue(key: $key) {
      id
      timeline(last: $last, before: $before) {
        seq
        type
        entityType
        at
        before
        after
        actor {
          id
          name
        }
      }
    }
  }
`);

export const IssueEarlierCommentsDocument = graphql(`
  query IssueEarlierComments($key: String!, $last: Int!) {
    issue(key: $key) {
      id
      comments(last: $last) {
        id
        body
        createdAt
        author {
          id
          name
        }
      }
    }
  }
`);

export type EarlierEvent = IssueEarlierEventsQuery['issue']['timeline'][number];
export type EarlierComment = IssueEarlierCommentsQuery['issue']['comments'][number];

/** The `EARLIER_EVENTS` events before the event numbered `before`, oldest first. */
export async function getEarlierEvents(key: string, before: number): Promise<EarlierEvent[]> {
  const data = await request(IssueEarlierEventsDocument, {
    key,
    last: EARLIER_EVENTS,
    before,
  });
  return data.issue.timeline;
}

/** The newest `last` comments (up to 500, the API's bound), oldest first. */
export async function getLatestComments(key: string, last: number): Promise<EarlierComment[]> {
  const data = await request(IssueEarlierCommentsDocument, { key, last: Math.min(last, 500) });
  return data.issue.comments;
}
