import { graphql } from '../../../gql';
import type { TriageIssueInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueTriageDocument = graphql(`
  mutation IssueTriage($input: TriageIssueInput!) {
    triageIssue(input: $input) {
      id
      version
    }
  }
`);

/** Sets owner, consequence, required disciplines and due dates: OPEN -> IN_REVIEW. */
export async function triageIssue(input: TriageIssueInput): Promise<IssueChange> {
  const data = await request(IssueTriageDocument, { input });
  return data.triageIssue;
}
