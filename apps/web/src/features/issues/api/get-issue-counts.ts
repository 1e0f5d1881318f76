import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';
import type { IssueFilterVariables } from './get-issues';

export const TrackerIssueCountsDocument = graphql(`
  query TrackerIssueCounts(
    $programKey: String
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
  ) {
    issueCounts(
      programKey: $programKey
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
      status
      count
    }
  }
`);

export type StatusCount = Awaited<ReturnType<typeof getIssueCounts>>[number];

/** How many issues match the filters in each status (every status, in lifecycle order). */
export async function getIssueCounts(filters: IssueFilterVariables, signal?: AbortSignal) {
  return (await request(TrackerIssueCountsDocument, filters, { signal })).issueCounts;
}
