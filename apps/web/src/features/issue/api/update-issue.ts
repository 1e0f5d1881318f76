import { graphql } from '../../../gql';
import type { UpdateIssueInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueUpdateDocument = graphql(`
  mutation IssueUpdate($input: UpdateIssueInput!) {
    updateIssue(input: $input) {
      id
      version
    }
  }
`);

/** Edits the fields given; fields left out stay as they are. */
export async function updateIssue(input: UpdateIssueInput): Promise<IssueChange> {
  const data = await request(IssueUpdateDocument, { input });
  return data.updateIssue;
}
