import { Client, createClient } from 'graphql-ws';

/**
 * The unread count, pushed by the API after every change that creates or reads the signed-in
 * person's notifications (graphql-ws on /graphql, authenticated by the session cookie).
 */
const CHANGED = `subscription NotificationsChanged { notificationsChanged { unreadCount } }`;

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

/** Calls `onCount` with each new unread count until the returned function is called. */
export function watchUnreadCount(onCount: (unreadCount: number) => void): () => void {
  if (typeof WebSocket === 'undefined') return () => undefined;
  return liveClient().subscribe<{ notificationsChanged: { unreadCount: number } }>(
    { query: CHANGED },
    {
      next: (result) => {
        if (result.data) onCount(result.data.notificationsChanged.unreadCount);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
}
