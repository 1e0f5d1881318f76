import { graphql } from '../../../gql';
import type { RaiseIssueInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const TrackerRaiseIssueDocument = graphql(`
  mutation TrackerRaiseIssue($input: RaiseIssueInput!) {
    raiseIssue(input: $input) {
      id
      key
    }
  }
`);

/** Raises an issue; it starts OPEN. Field problems come back as BAD_USER_INPUT with `field`. */
export async function raiseIssue(input: RaiseIssueInput) {
  return (await request(TrackerRaiseIssueDocument, { input })).raiseIssue;
}
