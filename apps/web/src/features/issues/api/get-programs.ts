import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const TrackerProgramsDocument = graphql(`
  query TrackerPrograms {
    programs {
      id
      key
      name
      timeZone
    }
  }
`);

export type TrackerProgramSummary = Awaited<ReturnType<typeof getPrograms>>[number];

/** The programs the signed-in user can see, by key. */
export async function getPrograms(signal?: AbortSignal) {
  return (await request(TrackerProgramsDocument, {}, { signal })).programs;
}
