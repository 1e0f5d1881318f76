import { graphqlRequest } from '../../../lib/graphql';
import type { SessionUser } from './types';

export const ME_QUERY = /* GraphQL */ `
  query Me {
    me {
      id
      email
      name
      isSystemAdmin
    }
  }
`;

/** The session's user. Rejects with code UNAUTHENTICATED when nobody is signed in. */
export async function getCurrentUser(signal?: AbortSignal): Promise<SessionUser | null> {
  const data = await graphqlRequest<{ me: SessionUser | null }>(ME_QUERY, undefined, { signal });
  return data.me;
}
