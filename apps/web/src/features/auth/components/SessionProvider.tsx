import { ErrorCode } from '@ipt/domain';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isAbortError, onUnauthenticated, toRequestError } from '../../../lib/graphql';
import { getCurrentUser } from '../api/get-current-user';
import { logout } from '../api/logout';
import type { SessionUser } from '../api/types';
import { SessionContext, type Session, type SessionContextValue } from '../session-context';

const SIGNED_OUT: Session = { status: 'signedOut' };

/** Asks the server who is signed in (the cookie is HTTP-only, so only the server knows). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const pending = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    pending.current = controller;
    getCurrentUser(controller.signal).then(
      (user) => {
        if (controller.signal.aborted) return;
        setSession(user ? { status: 'signedIn', user } : SIGNED_OUT);
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        const requestError = toRequestError(error);
        setSession(
          requestError.code === ErrorCode.UNAUTHENTICATED
            ? SIGNED_OUT
            : { status: 'error', error: requestError },
        );
      },
    );
    return () => controller.abort();
  }, [attempt]);

  // Any request refused as UNAUTHENTICATED (an expired cookie, say) ends the local session too.
  useEffect(() => onUnauthenticated(() => setSession(SIGNED_OUT)), []);

  const signedIn = useCallback((user: SessionUser) => {
    pending.current?.abort();
    setSession({ status: 'signedIn', user });
  }, []);

  const signOut = useCallback(async () => {
    await logout();
    setSession(SIGNED_OUT);
  }, []);

  const retry = useCallback(() => {
    setSession({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<SessionContextValue>(
    () => ({ session, signedIn, signOut, retry }),
    [session, signedIn, signOut, retry],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}
