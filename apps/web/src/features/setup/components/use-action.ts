import { useCallback, useState } from 'react';
import { toRequestError, type GraphQLRequestError } from '../../../lib/graphql';

export interface RunOptions {
  /** Sees the error first; return true when it was dealt with (it is then not kept). */
  onError?: (error: GraphQLRequestError) => boolean;
}

export interface Action {
  /** A request is under way: disable the submit button. */
  pending: boolean;
  /** Why the last attempt failed; cleared when the next starts. */
  error: GraphQLRequestError | null;
  /** Runs `action`; resolves to its result, or to undefined when it failed (see `error`). */
  run: <T>(action: () => Promise<T>, options?: RunOptions) => Promise<T | undefined>;
  clearError: () => void;
}

/** One form's submission: pending while it runs, and the API's error when it fails. */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<GraphQLRequestError | null>(null);
  const run = useCallback(
    async <T>(action: () => Promise<T>, options: RunOptions = {}): Promise<T | undefined> => {
      setPending(true);
      setError(null);
      try {
        const result = await action();
        setPending(false);
        return result;
      } catch (caught) {
        const failure = toRequestError(caught);
        setPending(false);
        if (!options.onError?.(failure)) setError(failure);
        return undefined;
      }
    },
    [],
  );
  const clearError = useCallback(() => setError(null), []);
  return { pending, error, run, clearError };
}
