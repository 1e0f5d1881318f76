import { LIMITS } from '@ipt/domain';
import { graphqlRequest } from '../../../lib/graphql';
import type { IssueConnection } from './types';

export const ISSUES_QUERY = /* GraphQL */ `
  query Issues($programKey: String, $first: Int!) {
    issues(programKey: $programKey, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          key
          title
          status
          consequence
          impactArea
          raisedAt
          owner {
            id
            name
          }
          currentTeam {
            id
            name
            tier
          }
        }
      }
    }
  }
`;

export interface GetIssuesInput {
  /** Omit to list the issues of every program the user can see. */
  programKey?: string;
}

/** The first page of issues (the largest page the API serves). */
export async function getIssues(
  { programKey }: GetIssuesInput,
  signal?: AbortSignal,
): Promise<IssueConnection> {
  const variables = programKey
    ? { programKey, first: LIMITS.pageSizeMax }
    : { first: LIMITS.pageSizeMax };
  const data = await graphqlRequest<{ issues: IssueConnection }, typeof variables>(
    ISSUES_QUERY,
    variables,
    { signal },
  );
  return data.issues;
}
