import { graphql } from '../../../gql';
import type { SetupTimelinessPolicyQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupTimelinessPolicyDocument = graphql(`
  query SetupTimelinessPolicy($programKey: String!) {
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
      isDefault
      programVersion
    }
  }
`);

export type SetupTimelinessPolicy = SetupTimelinessPolicyQuery['timelinessPolicy'];

/** The program's timeliness policy, with the program version to send back with a change. */
export async function getTimelinessPolicy(
  programKey: string,
  signal?: AbortSignal,
): Promise<SetupTimelinessPolicy> {
  return (await request(SetupTimelinessPolicyDocument, { programKey }, { signal }))
    .timelinessPolicy;
}
