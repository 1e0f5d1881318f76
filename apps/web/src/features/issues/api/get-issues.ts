import { graphql } from '../../../gql';
import type { TrackerIssuesQuery, TrackerIssuesQueryVariables } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const TrackerIssuesDocument = graphql(`
  query TrackerIssues(
    $programKey: String
    $first: Int!
    $offset: Int
    $orderBy: IssueOrderInput
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
      offset: $offset
      orderBy: $orderBy
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

/** The tracker's filters as the API takes them (no paging, no order). */
export type IssueFilterVariables = Omit<
  TrackerIssuesQueryVariables,
  'first' | 'offset' | 'orderBy' | 'withCount'
>;

export type IssueOrderVariables = NonNullable<TrackerIssuesQueryVariables['orderBy']>;

export interface IssueRows {
  issues: TrackerIssue[];
  /** How many match in all: asked for once per filter, with the first rows. */
  totalCount: number | null;
}

/**
 * `count` issues from position `offset` of the list in `orderBy` order: the server sorts and
 * pages, so a table scrolled anywhere in 100,000 issues fetches only the rows it shows.
 */
export async function getIssueRows(
  filters: IssueFilterVariables,
  orderBy: IssueOrderVariables,
  offset: number,
  count: number,
  withCount: boolean,
  signal: AbortSignal,
): Promise<IssueRows> {
  const { issues } = await request(
    TrackerIssuesDocument,
    { ...filters, orderBy, offset, first: count, withCount },
    { signal },
  );
  return { issues: issues.edges.map((edge) => edge.node), totalCount: issues.totalCount ?? null };
}
