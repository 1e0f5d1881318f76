import { createContext, useContext, useEffect, useState } from 'react';

/**
 * "Now" for the issue page. Logic takes it as an argument; this is the one place that reads the
 * system clock, and tests replace it with a fixed instant through <IssueClockContext>.
 */
export function systemNow(): Date {
  // eslint-disable-next-line no-restricted-syntax -- the page's clock: everything else is passed "now"
  return new Date();
}

/** A fixed instant (tests, screenshots); null: the system clock. */
export const IssueClockContext = createContext<Date | null>(null);

/** The current instant, refreshed every `intervalMs` so "3 hours left" stays true. */
export function useNow(intervalMs = 30_000): Date {
  const fixed = useContext(IssueClockContext);
  const [now, setNow] = useState<Date>(() => fixed ?? systemNow());
  useEffect(() => {
    if (fixed) return undefined;
    const timer = window.setInterval(() => setNow(systemNow()), intervalMs);
    return () => window.clearInterval(timer);
  }, [fixed, intervalMs]);
  return fixed ?? now;
}
