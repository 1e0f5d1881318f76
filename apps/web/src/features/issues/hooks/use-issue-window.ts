import { LIMITS } from '@ipt/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toRequestError, type GraphQLRequestError } from '../../../lib/graphql';
import {
  getIssueRows,
  type IssueFilterVariables,
  type IssueOrderVariables,
  type TrackerIssue,
} from '../api/get-issues';

/** Rows fetched per request: the largest page the API serves. */
export const WINDOW_PAGE_SIZE = LIMITS.pageSizeMax;

export interface IssueWindow {
  /** 'loading' until the first rows of these filters in this order have arrived. */
  readonly status: 'loading' | 'success' | 'error';
  readonly error: GraphQLRequestError | null;
  /** How many issues match, counted once per filter and order; 0 while loading. */
  readonly totalCount: number;
  /** The issue at a position, or undefined while its rows are on their way. */
  readonly rowAt: (index: number) => TrackerIssue | undefined;
  /** The table shows rows `first` to `last`: fetches the pages they are on that it lacks. */
  readonly showRows: (first: number, last: number) => void;
  /** Loading again (filters, order or a live change) with the previous rows still on screen. */
  readonly refreshing: boolean;
  /** Loads the count and the rows on screen again (a live change, or Retry). */
  readonly reload: () => void;
}

interface Loaded {
  /** The filters and order the rows belong to. */
  readonly key: string;
  readonly totalCount: number;
  readonly pages: ReadonlyMap<number, readonly TrackerIssue[]>;
}

const pagesOf = (first: number, last: number): number[] => {
  const pages: number[] = [];
  for (let page = Math.floor(first / WINDOW_PAGE_SIZE); page * WINDOW_PAGE_SIZE <= last; page++) {
    pages.push(page);
  }
  return pages;
};

/**
 * The tracker's rows, fetched a page at a time where the table is scrolled to, sorted and paged
 * by the server. The count comes once, with the first rows of a filter and order. A reload keeps
 * what is on screen until the new rows arrive, so a live change never blanks the table.
 */
export function useIssueWindow(
  filters: IssueFilterVariables | null,
  orderBy: IssueOrderVariables,
): IssueWindow {
  const key = filters ? JSON.stringify([filters, orderBy]) : null;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<{ key: string; error: GraphQLRequestError } | null>(null);
  const [attempt, setAttempt] = useState(0);
  /** The request in flight for the current filters and order, and what it has asked for. */
  const current = useRef<{ key: string; controller: AbortController; asked: Set<number> } | null>(
    null,
  );
  /** The rows the table last showed: a reload fetches their pages again. */
  const shown = useRef<[number, number]>([0, 0]);

  const fetchPages = useCallback(
    (pages: readonly number[], withCount: boolean, replace: boolean) => {
      const request = current.current;
      if (!request || !filters) return;
      const { key: requestKey, controller } = request;
      const wanted = pages.filter((page) => replace || !request.asked.has(page));
      if (wanted.length === 0) return;
      for (const page of wanted) request.asked.add(page);
      Promise.all(
        wanted.map((page, index) =>
          getIssueRows(
            filters,
            orderBy,
            page * WINDOW_PAGE_SIZE,
            WINDOW_PAGE_SIZE,
            withCount && index === 0,
            controller.signal,
          ).then((rows) => [page, rows] as const),
        ),
      ).then(
        (answers) => {
          if (controller.signal.aborted) return;
          setError(null);
          setLoaded((before) => {
            const kept = before?.key === requestKey && !replace ? before : null;
            const pages = new Map(kept?.pages ?? []);
            for (const [page, rows] of answers) pages.set(page, rows.issues);
            const counted = answers.find(([, rows]) => rows.totalCount !== null)?.[1].totalCount;
            return {
              key: requestKey,
              totalCount: counted ?? kept?.totalCount ?? before?.totalCount ?? 0,
              pages,
            };
          });
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return;
          for (const page of wanted) request.asked.delete(page);
          setError({ key: requestKey, error: toRequestError(failure) });
        },
      );
    },
    // `filters` and `orderBy` are new objects each render; `key` is their identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  // New filters or order: start from the top. A reload (attempt): the count and the rows shown.
  const lastKey = useRef<string | null>(null);
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    current.current = { key, controller, asked: new Set() };
    const sameList = lastKey.current === key;
    lastKey.current = key;
    if (!sameList) shown.current = [0, 0];
    const [first, last] = shown.current;
    fetchPages([...new Set([0, ...pagesOf(first, last)])], true, true);
    return () => controller.abort();
  }, [key, attempt, fetchPages]);

  const showRows = useCallback(
    (first: number, last: number) => {
      shown.current = [first, last];
      fetchPages(pagesOf(first, last), false, false);
    },
    [fetchPages],
  );

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const rowAt = useCallback(
    (index: number) =>
      loaded?.pages.get(Math.floor(index / WINDOW_PAGE_SIZE))?.[index % WINDOW_PAGE_SIZE],
    [loaded],
  );

  const failed = error !== null && error.key === key;
  return {
    status: failed ? 'error' : loaded ? 'success' : 'loading',
    error: failed ? error.error : null,
    totalCount: loaded?.totalCount ?? 0,
    rowAt,
    showRows,
    refreshing: loaded !== null && loaded.key !== key,
    reload,
  };
}
