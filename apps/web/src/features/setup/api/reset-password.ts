import { graphql } from '../../../gql';
import type { ResetPasswordInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql';

export const SetupResetPasswordDocument = graphql(`
  mutation SetupResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      id
    }
  }
`);

/** System admins: sets someone else's password and ends their sessions. */
export async function resetPassword(input: ResetPasswordInput) {
  return (await request(SetupResetPasswordDocument, { input })).resetPassword;
}
