import './notifications.css';
import { useCallback, useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { toRequestError } from '../../lib/graphql';
import { useNow } from '../../lib/dates';
import { useKeptData } from '../../lib/use-kept-data';
import { useQuery } from '../../lib/use-query';
import { getNotifications, type NotificationItem } from './api/get-notifications';
import { markNotificationsRead } from './api/mark-notifications-read';
import { watchUnreadCount } from './api/watch-unread-count';
import { NotificationList } from './components/NotificationList';
import { NotificationPreferences } from './components/NotificationPreferences';

/** How many the page lists (the API's page limit). */
export const PAGE_SIZE = 100;

/** Notifications (/notifications): the newest hundred, "mark all read", and a switch per kind. */
export function NotificationsPage() {
  const now = useNow();
  const load = useCallback((signal: AbortSignal) => getNotifications(PAGE_SIZE, signal), []);
  const query = useQuery(load);
  const page = useKeptData(query);
  const { reload } = query;
  const [problem, setProblem] = useState<string | null>(null);

  // New or read elsewhere (another tab, the bell): show the list as it now stands.
  useEffect(() => watchUnreadCount(() => reload()), [reload]);

  async function markAll() {
    setProblem(null);
    try {
      await markNotificationsRead();
      reload();
    } catch (error) {
      setProblem(`Could not mark them read: ${toRequestError(error).message}`);
    }
  }

  function open(item: NotificationItem) {
    if (item.readAt === null) markNotificationsRead([item.id]).catch(() => undefined);
  }

  return (
    <>
      <title>Notifications · IPT Coordination Dashboard</title>
      <div className="page-header">
        <h1>Notifications</h1>
      </div>
      <section className="notifications-page__section" aria-labelledby="notifications-recent">
        <div className="notifications-page__heading">
          <h2 id="notifications-recent">Recent</h2>
          <button
            type="button"
            className="button button--secondary"
            onClick={markAll}
            disabled={!page || page.unreadCount === 0}
          >
            Mark all read
          </button>
        </div>
        {page ? (
          <p className="muted">
            {page.unreadCount === 0 ? 'Nothing unread.' : `${page.unreadCount} unread.`}
          </p>
        ) : null}
        {problem ? (
          <p className="notification-panel__problem" role="alert">
            {problem}
          </p>
        ) : null}
        {query.status === 'error' && !page ? (
          <ErrorMessage
            title="Could not load your notifications"
            error={query.error}
            onRetry={reload}
          />
        ) : null}
        {!page && query.status === 'loading' ? <Loading label="Loading notifications…" /> : null}
        {page ? <NotificationList items={page.items} now={now} onOpen={open} /> : null}
      </section>
      <section className="notifications-page__section" aria-labelledby="notifications-settings">
        <h2 id="notifications-settings">Settings</h2>
        <p className="muted">
          Kinds you turn off are not recorded at all. Due dates count in each program’s time zone.
        </p>
        <NotificationPreferences />
      </section>
    </>
  );
}
