import { useCallback, useEffect, useState } from 'react';
import { toRequestError } from '../../../lib/graphql';
import type { Loader, QueryState } from '../../../lib/use-query';

export type KeptQueryResult<T> = QueryState<T> & {
  /** Loading again (after reload) while the previous data stays on screen. */
  refreshing: boolean;
  reload: () => void;
};

interface Settled<T> {
  load: Loader<T>;
  attempt: number;
  state: Exclude<QueryState<T>, { status: 'loading' }>;
}

/**
 * `useQuery` for data that live updates reload: a reload of the same loader keeps the data it
 * already has on screen (with `refreshing`) until the new data arrives, so a change elsewhere
 * never blanks a long table. A new loader (new filters) starts from 'loading' as usual.
 */
export function useKeptQuery<T>(load: Loader<T>): KeptQueryResult<T> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          setSettled({ load, attempt, state: { status: 'success', data } });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setSettled({ load, attempt, state: { status: 'error', error: toRequestError(error) } });
        }
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  if (settled !== null && settled.load === load) {
    if (settled.attempt === attempt) return { ...settled.state, refreshing: false, reload };
    if (settled.state.status === 'success') return { ...settled.state, refreshing: true, reload };
  }
  return { status: 'loading', refreshing: false, reload };
}
