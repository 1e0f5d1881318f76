import { graphql } from '../../../gql';
import { request } from '../../../lib/graphql';

export const SetupUsersDocument = graphql(`
  query SetupUsers {
    users {
      id
      name
      email
      active
      isSystemAdmin
    }
  }
`);

/** System admins only: every account, by name. */
export async function getSetupUsers(signal?: AbortSignal) {
  return (await request(SetupUsersDocument, {}, { signal })).users;
}
