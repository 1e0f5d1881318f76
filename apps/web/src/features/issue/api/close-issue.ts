import { graphql } from '../../../gql';
import type { CloseIssueInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueCloseDocument = graphql(`
  mutation IssueClose($input: CloseIssueInput!) {
    closeIssue(input: $input) {
      id
      version
    }
  }
`);

/** Closes a resolved issue (or a decided one whose action items are done). */
export async function closeIssue(input: CloseIssueInput): Promise<IssueChange> {
  const data = await request(IssueCloseDocument, { input });
  return data.closeIssue;
}
