import { useEffect, useState } from 'react';
import { getUnreadCount } from '../api/get-notifications';
import { watchUnreadCount } from '../api/watch-unread-count';

/**
 * The signed-in person's unread count: loaded once, then kept current by the API's live
 * `notificationsChanged` pushes. Null until known (or when it could not be loaded).
 */
export function useUnreadCount(): [number | null, (count: number) => void] {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getUnreadCount(controller.signal).then(
      (loaded) => setCount((current) => current ?? loaded),
      // Without a count the bell stays quiet; the next live push fills it in.
      () => undefined,
    );
    const stop = watchUnreadCount(setCount);
    return () => {
      controller.abort();
      stop();
    };
  }, []);
  return [count, setCount];
}
