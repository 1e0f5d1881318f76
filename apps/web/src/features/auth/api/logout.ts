import { graphqlRequest } from '../../../lib/graphql';

export const LOGOUT_MUTATION = /* GraphQL */ `
  mutation Logout {
    logout
  }
`;

/** Ends the session on the server (which clears the cookie). */
export async function logout(): Promise<boolean> {
  const data = await graphqlRequest<{ logout: boolean }>(LOGOUT_MUTATION);
  return data.logout;
}
