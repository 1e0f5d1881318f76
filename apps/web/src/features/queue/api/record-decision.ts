import { graphql } from '../../../gql';
import type { RecordDecisionInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const RecordDecisionDocument = graphql(`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      id
      key
      version
      status
    }
  }
`);

/** Records the decision; a stale `version` is refused with CONFLICT. */
export async function recordDecision(input: RecordDecisionInput) {
  return (await request(RecordDecisionDocument, { input })).recordDecision;
}
