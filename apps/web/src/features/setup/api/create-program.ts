import { graphql } from '../../../gql';
import type { CreateProgramInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupCreateProgramDocument = graphql(`
  mutation SetupCreateProgram($input: CreateProgramInput!) {
    createProgram(input: $input) {
      id
      key
    }
  }
`);

/** System admins: a new program with the default disciplines; the creator manages it. */
export async function createProgram(input: CreateProgramInput) {
  return (await request(SetupCreateProgramDocument, { input })).createProgram;
}
