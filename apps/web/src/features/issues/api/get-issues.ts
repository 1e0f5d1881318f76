import { LIMITS } from '@ipt/domain';
import { graphql } from '../../../gql';
import type { TrackerIssuesQuery, TrackerIssuesQueryVariables } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const TrackerIssuesDocument = graphql(`
  query TrackerIssues(
    $programKey: String
    $first: Int!
    $after: String
    $status: [IssueStatus!]
    $teamId: ID
    $tier: Tier
    $consequence: [Int!]
    $ownerId: ID
    $pendingDiscipline: String
    $overdue: Boolean
    $text: String
    $raisedFrom: DateTime
    $raisedTo: DateTime
    $endedFrom: DateTime
    $endedTo: DateTime
    $withCount: Boolean! = true
  ) {
    issues(
      programKey: $programKey
      first: $first
      after: $after
      status: $status
      teamId: $teamId
      tier: $tier
      consequence: $consequence
      ownerId: $ownerId
      pendingDiscipline: $pendingDiscipline
      overdue: $overdue
      text: $text
      raisedFrom: $raisedFrom
      raisedTo: $raisedTo
      endedFrom: $endedFrom
      endedTo: $endedTo
    ) {
      totalCount @include(if: $withCount)
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          key
          number
          title
          status
          consequence
          raisedAt
          currentStage
          currentStageDueAt
          currentStageOverdue
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
`);

export type TrackerIssue = TrackerIssuesQuery['issues']['edges'][number]['node'];

/** The tracker's filters as the API takes them (no paging). */
export type IssueFilterVariables = Omit<
  TrackerIssuesQueryVariables,
  'first' | 'after' | 'withCount'
>;

export interface AllIssues {
  issues: TrackerIssue[];
  totalCount: number;
}

/**
 * Every issue matching the filters, page after page of the largest size the API serves;
 * `onProgress` hears how many have arrived of how many match, and those that have (newest raised
 * first, the API's order), so a long list can be shown while the rest arrives.
 */
export async function getAllIssues(
  filters: IssueFilterVariables,
  signal: AbortSignal,
  onProgress?: (loaded: number, total: number, arrived: readonly TrackerIssue[]) => void,
): Promise<AllIssues> {
  const issues: TrackerIssue[] = [];
  let after: string | null = null;
  // Counted once, with the first page: the filters do not change while paging.
  let totalCount = 0;
  for (;;) {
    const { issues: page }: TrackerIssuesQuery = await request(
      TrackerIssuesDocument,
      {
        ...filters,
        first: LIMITS.pageSizeMax,
        withCount: after === null,
        ...(after ? { after } : {}),
      },
      { signal },
    );
    totalCount = page.totalCount ?? totalCount;
    for (const edge of page.edges) issues.push(edge.node);
    if (!signal.aborted) onProgress?.(issues.length, Math.max(totalCount, issues.length), issues);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) {
      // Issues raised while paging may push the count past the first page's total.
      return { issues, totalCount: Math.max(totalCount, issues.length) };
    }
    after = page.pageInfo.endCursor;
  }
}
