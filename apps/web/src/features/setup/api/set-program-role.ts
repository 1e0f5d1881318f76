import { graphql } from '../../../gql';
import type { SetProgramRoleInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupSetProgramRoleDocument = graphql(`
  mutation SetupSetProgramRole($input: SetProgramRoleInput!) {
    setProgramRole(input: $input) {
      id
    }
  }
`);

/** PROGRAM_MANAGER, MEMBER, or null to remove the explicit role. */
export async function setProgramRole(input: SetProgramRoleInput) {
  return (await request(SetupSetProgramRoleDocument, { input })).setProgramRole;
}
