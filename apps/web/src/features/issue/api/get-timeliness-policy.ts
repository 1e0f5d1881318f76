import { graphql } from '../../../gql';
import type { IssueTimelinessPolicyQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const IssueTimelinessPolicyDocument = graphql(`
  query IssueTimelinessPolicy($programKey: String!) {
    timelinessPolicy(programKey: $programKey) {
      allowances {
        consequence
        triage
        recommendations
        decision
        resolution
      }
      dayKind
      holidays
      autoEscalationGrace {
        tier
        days
      }
    }
  }
`);

export type IssueTimelinessPolicy = IssueTimelinessPolicyQuery['timelinessPolicy'];

/** The program's timeliness policy: what due dates it gives when none is set by hand. */
export async function getTimelinessPolicy(
  programKey: string,
  signal?: AbortSignal,
): Promise<IssueTimelinessPolicy> {
  const data = await request(IssueTimelinessPolicyDocument, { programKey }, { signal });
  return data.timelinessPolicy;
}
