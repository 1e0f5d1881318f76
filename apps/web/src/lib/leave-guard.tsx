import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useBlocker } from 'react-router';

/** Asked before leaving a screen with text that was not sent. */
export const LEAVE_QUESTION =
  'You have text that was not sent. Leave anyway? Your draft stays on this device and comes back when you return.';

type DirtyCheck = () => boolean;

const Guards = createContext<Set<DirtyCheck> | null>(null);

/**
 * The one place the app asks before it is left with unsent text: a link or Back to another screen
 * (react-router's blocker: a router allows one) and a reload or closed tab (the browser's own
 * question on `beforeunload`). Forms say whether they hold unsent text with `useLeaveGuard`.
 * A change of the query alone (a filter) stays on the screen and is not asked about.
 */
export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const [guards] = useState(() => new Set<DirtyCheck>());
  const anyDirty = () => [...guards].some((isDirty) => isDirty());
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && anyDirty(),
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(LEAVE_QUESTION)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);

  useEffect(() => {
    function warn(event: BeforeUnloadEvent) {
      if (![...guards].some((isDirty) => isDirty())) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    }
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [guards]);

  return <Guards.Provider value={guards}>{children}</Guards.Provider>;
}

/**
 * While mounted, leaving the screen asks first whenever `isDirty()` says there is unsent text.
 * Without a LeaveGuardProvider (a screen rendered alone, in a test) it does nothing.
 */
export function useLeaveGuard(isDirty: DirtyCheck): void {
  const guards = useContext(Guards);
  useEffect(() => {
    if (!guards) return;
    guards.add(isDirty);
    return () => {
      guards.delete(isDirty);
    };
  }, [guards, isDirty]);
}

/** Asks before throwing away unsent text; true when there is none or the person agrees. */
export function confirmDiscard(dirty: boolean): boolean {
  return !dirty || window.confirm('Discard what you typed? It has not been sent.');
}
