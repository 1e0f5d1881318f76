import { useEffect, useRef } from 'react';
import { Client, createClient } from 'graphql-ws';

/**
 * Live updates: the API announces every committed change to an issue over one WebSocket
 * (graphql-ws, authenticated by the session cookie). Screens subscribe to what they show and
 * reload it when something changes, so two people on one issue see each other's work at once.
 */
export interface IssueActivity {
  issueKey: string;
  programKey: string;
  type: string;
  actorName: string | null;
  version: number;
}

const ACTIVITY = `subscription IssueActivity($issueKey: String, $programKey: String) {
  issueActivity(issueKey: $issueKey, programKey: $programKey) { issueKey programKey type actorName version }
}`;

let client: Client | null = null;

function liveClient(): Client {
  if (!client) {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    client = createClient({
      url: `${scheme}://${window.location.host}/graphql`,
      lazy: true,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
    });
  }
  return client;
}

export interface ActivityScope {
  /** One issue; or */
  issueKey?: string | null;
  /** every issue of one program; neither: every program the user can see. */
  programKey?: string | null;
}

/**
 * Calls `onActivity` for every change within `scope` while the component is mounted.
 * The latest callback is always used, so callers need not memoise it.
 */
export function useIssueActivity(
  scope: ActivityScope,
  onActivity: (activity: IssueActivity) => void,
): void {
  const latest = useRef(onActivity);
  useEffect(() => {
    latest.current = onActivity;
  });
  const issueKey = scope.issueKey ?? null;
  const programKey = scope.programKey ?? null;
  useEffect(() => {
    if (typeof WebSocket === 'undefined') return undefined;
    return liveClient().subscribe<{ issueActivity: IssueActivity }>(
      { query: ACTIVITY, variables: { issueKey, programKey } },
      {
        next: (result) => {
          if (result.data) latest.current(result.data.issueActivity);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }, [issueKey, programKey]);
}
