import { createContext, useContext } from 'react';
import type { GraphQLRequestError } from '../../lib/graphql';
import type { SessionUser } from './api/types';

export type Session =
  | { status: 'loading' }
  | { status: 'signedIn'; user: SessionUser }
  | { status: 'signedOut' }
  | { status: 'error'; error: GraphQLRequestError };

export interface SessionContextValue {
  session: Session;
  /** Record a successful sign-in (the server has set the cookie). */
  signedIn: (user: SessionUser) => void;
  /** End the session on the server, then locally. Rejects if the server refused. */
  signOut: () => Promise<void>;
  /** Ask the server again who is signed in (after an error). */
  retry: () => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession must be used inside <SessionProvider>.');
  return value;
}
