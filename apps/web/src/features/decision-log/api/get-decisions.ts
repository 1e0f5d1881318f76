import { LIMITS } from '@ipt/domain';
import { graphql } from '../../../gql';
import type { DecisionLogQuery, DecisionLogQueryVariables } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const DecisionLogDocument = graphql(`
  query DecisionLog(
    $first: Int
    $after: String
    $programKey: String
    $teamId: ID
    $tier: Tier
    $authorityId: ID
    $decidedFrom: DateTime
    $decidedTo: DateTime
    $superseded: Boolean
    $withDissent: Boolean
  ) {
    decisions(
      first: $first
      after: $after
      programKey: $programKey
      teamId: $teamId
      tier: $tier
      authorityId: $authorityId
      decidedFrom: $decidedFrom
      decidedTo: $decidedTo
      superseded: $superseded
      withDissent: $withDissent
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          decidedAt
          dueAt
          onTime
          rationale
          conditions
          tier
          superseded
          dissentingDisciplines
          option {
            id
            label
            title
          }
          decidedBy {
            id
            name
          }
          team {
            id
            name
            tier
          }
          nonConcurrences {
            id
          }
          actionItems {
            id
            title
            dueAt
            doneAt
            assignee {
              id
              name
            }
          }
          issue {
            id
            key
            title
            program {
              key
              timeZone
            }
          }
        }
      }
    }
  }
`);

export type LogDecision = DecisionLogQuery['decisions']['edges'][number]['node'];
export type DecisionFilters = Omit<DecisionLogQueryVariables, 'first' | 'after'>;

/** Every decision matching the filters, newest first: follows the pages to the end. */
export async function getAllDecisions(
  filters: DecisionFilters,
  signal?: AbortSignal,
): Promise<LogDecision[]> {
  const decisions: LogDecision[] = [];
  let after: string | null = null;
  for (;;) {
    const { decisions: page }: DecisionLogQuery = await request(
      DecisionLogDocument,
      { ...filters, first: LIMITS.pageSizeMax, after },
      { signal },
    );
    decisions.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return decisions;
    after = page.pageInfo.endCursor;
  }
}
