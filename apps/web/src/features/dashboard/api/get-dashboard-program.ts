import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const DashboardProgramDocument = graphql(`
  query DashboardProgram($key: String!) {
    program(key: $key) {
      id
      key
      teams {
        id
        name
        tier
        active
      }
      disciplines {
        code
        name
      }
    }
  }
`);

export type DashboardProgram = Awaited<ReturnType<typeof getDashboardProgram>>;

/** The teams and disciplines the dashboard's filters offer. */
export async function getDashboardProgram(key: string, signal?: AbortSignal) {
  return (await request(DashboardProgramDocument, { key }, { signal })).program;
}
