import { graphql } from '../../../gql';
import type { ChangePasswordInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupChangePasswordDocument = graphql(`
  mutation SetupChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      id
    }
  }
`);

/** Your own password, given the current one; your other sessions end. */
export async function changePassword(input: ChangePasswordInput) {
  return (await request(SetupChangePasswordDocument, { input })).changePassword;
}
