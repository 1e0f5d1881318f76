import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const SetupReactivateUserDocument = graphql(`
  mutation SetupReactivateUser($input: UserRefInput!) {
    reactivateUser(input: $input) {
      id
      active
    }
  }
`);

/** System admins: the account can sign in again. */
export async function reactivateUser(userId: string) {
  return (await request(SetupReactivateUserDocument, { input: { userId } })).reactivateUser;
}
