import { graphql } from '../../../gql';
import type { UpdateTeamInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupUpdateTeamDocument = graphql(`
  mutation SetupUpdateTeam($input: UpdateTeamInput!) {
    updateTeam(input: $input) {
      id
      version
    }
  }
`);

/** Name, charter, parent, active; a stale `version` is refused with CONFLICT. */
export async function updateTeam(input: UpdateTeamInput) {
  return (await request(SetupUpdateTeamDocument, { input })).updateTeam;
}
