import { graphql } from '../../../gql';
import type { CreateUserInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupCreateUserDocument = graphql(`
  mutation SetupCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);

/** System admins: a new account. */
export async function createUser(input: CreateUserInput) {
  return (await request(SetupCreateUserDocument, { input })).createUser;
}
