import { graphql } from '../../../gql';
import type { UpdateProgramInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupUpdateProgramDocument = graphql(`
  mutation SetupUpdateProgram($input: UpdateProgramInput!) {
    updateProgram(input: $input) {
      id
      version
    }
  }
`);

/** Name, phase and time zone; a stale `version` is refused with CONFLICT. */
export async function updateProgram(input: UpdateProgramInput) {
  return (await request(SetupUpdateProgramDocument, { input })).updateProgram;
}
