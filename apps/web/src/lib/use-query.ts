import { useCallback, useEffect, useState } from 'react';
import { GraphQLRequestError, toRequestError } from './graphql';

/** Loads data; must honour the signal, which aborts when the inputs change or the screen goes. */
export type Loader<T> = (signal: AbortSignal) => Promise<T>;

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: GraphQLRequestError }
  | { status: 'success'; data: T };

export type QueryResult<T> = QueryState<T> & { reload: () => void };

interface Settled<T> {
  load: Loader<T>;
  attempt: number;
  state: Exclude<QueryState<T>, { status: 'loading' }>;
}

const LOADING = { status: 'loading' } as const;

/**
 * Runs `load` and tracks its outcome. Pass a stable loader (useCallback over its inputs):
 * a new loader starts a new request and aborts the previous one. A result that belongs to an
 * older loader is never shown: until the current one settles the state is 'loading'.
 */
export function useQuery<T>(load: Loader<T>): QueryResult<T> {
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

  const state: QueryState<T> =
    settled !== null && settled.load === load && settled.attempt === attempt
      ? settled.state
      : LOADING;
  return { ...state, reload };
}
