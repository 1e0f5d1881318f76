import { graphql } from '../../../gql';
import type { CompleteActionItemInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueCompleteActionItemDocument = graphql(`
  mutation IssueCompleteActionItem($input: CompleteActionItemInput!) {
    completeActionItem(input: $input) {
      id
      version
    }
  }
`);

/** The assignee (or a program manager) marks an action item done. */
export async function completeActionItem(input: CompleteActionItemInput): Promise<IssueChange> {
  const data = await request(IssueCompleteActionItemDocument, { input });
  return data.completeActionItem;
}
