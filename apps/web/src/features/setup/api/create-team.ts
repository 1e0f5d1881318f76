import { graphql } from '../../../gql';
import type { CreateTeamInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupCreateTeamDocument = graphql(`
  mutation SetupCreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      id
    }
  }
`);

/** A new IPT; its parent must be a team of a higher tier (the ladder rules). */
export async function createTeam(input: CreateTeamInput) {
  return (await request(SetupCreateTeamDocument, { input })).createTeam;
}
