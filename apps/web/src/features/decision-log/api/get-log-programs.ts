import { graphql } from '../../../gql';
import type { DecisionLogProgramsQuery } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const DecisionLogProgramsDocument = graphql(`
  query DecisionLogPrograms {
    programs {
      id
      key
      name
      timeZone
      viewerMayVerifyRecord
      disciplines {
        code
        name
      }
      teams {
        id
        name
        tier
        members {
          id
          decisionAuthority
          user {
            id
            name
          }
        }
      }
    }
  }
`);

export type LogProgram = DecisionLogProgramsQuery['programs'][number];

/** The programs the user can see, with what the log's filters offer: teams, authorities, disciplines. */
export async function getLogPrograms(signal?: AbortSignal): Promise<LogProgram[]> {
  return (await request(DecisionLogProgramsDocument, {}, { signal })).programs;
}
