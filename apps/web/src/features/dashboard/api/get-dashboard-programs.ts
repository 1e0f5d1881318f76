import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const DashboardProgramsDocument = graphql(`
  query DashboardPrograms {
    programs {
      id
      key
      name
      timeZone
      myRole
    }
  }
`);

export type DashboardProgramSummary = Awaited<ReturnType<typeof getDashboardPrograms>>[number];

/** The programs the signed-in user can see, with their time zone and the user's role there. */
export async function getDashboardPrograms(signal?: AbortSignal) {
  return (await request(DashboardProgramsDocument, {}, { signal })).programs;
}
