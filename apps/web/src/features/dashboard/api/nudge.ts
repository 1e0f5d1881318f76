import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const NudgeHoldersDocument = graphql(`
  mutation NudgeHolders($issueKey: String!) {
    nudge(issueKey: $issueKey) {
      issueKey
      nudged {
        userId
        name
        notified
      }
      alreadyNudged {
        userId
        name
        nextPossibleAt
      }
    }
  }
`);

export type NudgeResult = Awaited<ReturnType<typeof nudgeHolders>>;

/** Reminds the people an issue waits on (program managers only; once a day each). */
export async function nudgeHolders(issueKey: string) {
  return (await request(NudgeHoldersDocument, { issueKey })).nudge;
}
