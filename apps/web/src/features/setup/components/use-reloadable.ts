import { useCallback, useEffect, useState } from 'react';
import { toRequestError, type GraphQLRequestError } from '../../../lib/graphql';
import type { Loader } from '../../../lib/use-query';

export interface Reloadable<T> {
  /** The latest data; kept while a reload runs, so forms do not vanish after every save. */
  data: T | undefined;
  /** Why the latest load failed (data may still hold the one before). */
  error: GraphQLRequestError | null;
  /** A load is under way. */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  load: Loader<T>;
  attempt: number;
  data: T | undefined;
  error: GraphQLRequestError | null;
}

/**
 * Like useQuery, for screens that change what they show: a reload keeps the previous data on
 * screen until the new one arrives. A new loader (other inputs) starts from nothing.
 */
export function useReloadable<T>(load: Loader<T>): Reloadable<T> {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ load, attempt, data, error: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled((previous) => ({
          load,
          attempt,
          data: previous?.load === load ? previous.data : undefined,
          error: toRequestError(error),
        }));
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = settled !== null && settled.load === load ? settled : null;
  return {
    data: current?.data,
    error: current?.error ?? null,
    loading: current === null || current.attempt !== attempt,
    reload,
  };
}
