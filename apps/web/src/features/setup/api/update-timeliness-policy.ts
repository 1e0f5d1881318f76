import { graphql } from '../../../gql';
import type { UpdateTimelinessPolicyInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupUpdateTimelinessPolicyDocument = graphql(`
  mutation SetupUpdateTimelinessPolicy($input: UpdateTimelinessPolicyInput!) {
    updateTimelinessPolicy(input: $input) {
      recomputedIssues
      policy {
        programVersion
      }
    }
  }
`);

/**
 * Program managers: the whole policy, with the program version read (stale: CONFLICT). Says how
 * many open issues got new due dates from it.
 */
export async function updateTimelinessPolicy(input: UpdateTimelinessPolicyInput) {
  return (await request(SetupUpdateTimelinessPolicyDocument, { input })).updateTimelinessPolicy;
}
