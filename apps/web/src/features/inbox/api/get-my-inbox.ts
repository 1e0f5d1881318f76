import { graphql } from '../../../gql';
import type { MyInboxQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const MyInboxDocument = graphql(`
  query MyInbox {
    myInbox {
      discipline
      disciplineName
      dueAt
      team {
        id
        name
        tier
      }
      issue {
        id
        key
        title
        version
        status
        program {
          key
          timeZone
        }
        stageClocks {
          stage
          state
          startedAt
          dueAt
          dueSource
          finishedAt
          elapsedDays
          lateByDays
        }
        options {
          id
          label
          title
          description
          impacts
        }
      }
    }
  }
`);

export type InboxEntry = MyInboxQuery['myInbox'][number];
export type InboxOption = InboxEntry['issue']['options'][number];

/** What waits on the signed-in person's disciplines, soonest due first. */
export async function getMyInbox(signal?: AbortSignal): Promise<InboxEntry[]> {
  return (await request(MyInboxDocument, {}, { signal })).myInbox;
}
