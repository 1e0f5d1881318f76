import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client for Node that presents a cookie and an Origin, as a browser page would. */
export function liveClient(
  baseUrl: string,
  options: { cookie?: string | null; origin?: string },
): Client {
  const headers: Record<string, string> = { origin: options.origin ?? baseUrl };
  if (options.cookie) headers['cookie'] = options.cookie;
  class BrowserLikeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: baseUrl.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: BrowserLikeSocket,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Subscribes and collects what arrives, until `stop()`. */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: T[] = [];
  const errors: unknown[] = [];
  let resolveFirst: (() => void) | null = null;
  const first = new Promise<void>((resolve) => (resolveFirst = resolve));
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        if (value.data) received.push(value.data as T);
        resolveFirst?.();
      },
      error: (error) => {
        // graphql-ws reports GraphQL errors as an array, a refused socket as a close event.
        if (Array.isArray(error)) errors.push(...(error as unknown[]));
        else errors.push(error);
        resolveFirst?.();
      },
      complete: () => resolveFirst?.(),
    },
  );
  return { received, errors, first, stop };
}

export function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Number(process.hrtime.bigint() - started) / 1e6 > timeoutMs)
        return reject(new Error('Timed out waiting'));
      setTimeout(check, 20);
    };
    check();
  });
}
