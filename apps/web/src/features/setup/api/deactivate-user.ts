import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const SetupDeactivateUserDocument = graphql(`
  mutation SetupDeactivateUser($input: UserRefInput!) {
    deactivateUser(input: $input) {
      id
      active
    }
  }
`);

/** System admins: the account can no longer sign in; its sessions end. */
export async function deactivateUser(userId: string) {
  return (await request(SetupDeactivateUserDocument, { input: { userId } })).deactivateUser;
}
