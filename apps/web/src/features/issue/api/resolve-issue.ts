import { graphql } from '../../../gql';
import type { ResolveIssueInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';
import type { IssueChange } from './types';

export const IssueResolveDocument = graphql(`
  mutation IssueResolve($input: ResolveIssueInput!) {
    resolveIssue(input: $input) {
      id
      version
    }
  }
`);

/** Marks a decided issue resolved once its action items are done. */
export async function resolveIssue(input: ResolveIssueInput): Promise<IssueChange> {
  const data = await request(IssueResolveDocument, { input });
  return data.resolveIssue;
}
