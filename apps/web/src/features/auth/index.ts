/** What other screens may use of the auth feature: who is signed in, and the session's shape. */
export {
  SessionContext,
  useSession,
  type Session,
  type SessionContextValue,
} from './session-context';
export type { SessionUser } from './api/types';
