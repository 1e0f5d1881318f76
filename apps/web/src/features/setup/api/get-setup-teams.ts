import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const SetupTeamsDocument = graphql(`
  query SetupTeams($programKey: String!) {
    teams(programKey: $programKey) {
      id
      name
      tier
      charter
      active
      version
      parentTeam {
        id
      }
      members {
        id
        discipline
        role
        decisionAuthority
        user {
          id
          name
          email
          active
        }
      }
    }
  }
`);

/** The program's teams as its escalation ladder, inactive ones included, with their members. */
export async function getSetupTeams(programKey: string, signal?: AbortSignal) {
  return (await request(SetupTeamsDocument, { programKey }, { signal })).teams;
}
