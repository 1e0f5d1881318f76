import { graphql } from '../../../gql';
import type { EscalateIssueInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueEscalateDocument = graphql(`
  mutation IssueEscalate($input: EscalateIssueInput!) {
    escalateIssue(input: $input) {
      id
      version
    }
  }
`);

/** Moves the issue to the parent team's tier, back in review there. */
export async function escalateIssue(input: EscalateIssueInput): Promise<IssueChange> {
  const data = await request(IssueEscalateDocument, { input });
  return data.escalateIssue;
}
