import { Link } from 'react-router';
import { NOTIFICATION_KIND_LABELS } from '@ipt/domain';
import { durationText, formatDateTime } from '../../../lib/dates';
import type { NotificationItem } from '../api/get-notifications';

interface NotificationListProps {
  items: readonly NotificationItem[];
  now: Date;
  /** Called as a notification is opened (its link followed). */
  onOpen: (item: NotificationItem) => void;
}

/** "5 minutes ago", "3 days ago". */
export function ago(iso: string, now: Date): string {
  const span = now.getTime() - new Date(iso).getTime();
  return span < 60_000 ? 'just now' : `${durationText(span)} ago`;
}

/** Notifications newest first; each opens what it is about, unread ones say so in words too. */
export function NotificationList({ items, now, onOpen }: NotificationListProps) {
  if (items.length === 0) {
    return <p className="notifications__empty muted">Nothing to tell you yet.</p>;
  }
  return (
    <ul className="notifications__list">
      {items.map((item) => {
        const unread = item.readAt === null;
        const classes = ['notification'];
        if (unread) classes.push('notification--unread');
        if (item.resolution) classes.push('notification--resolved');
        return (
          <li key={item.id} className={classes.join(' ')}>
            <Link className="notification__link" to={item.link} onClick={() => onOpen(item)}>
              <span className="notification__title">
                {unread ? <span className="notifications__sr-only">Unread: </span> : null}
                {item.title}
              </span>
              <span className="notification__message">{item.message}</span>
              {item.resolution ? (
                // What no longer holds says so (ADR 27): kept for the record, read, explained.
                <span className="notification__resolution">{item.resolution}</span>
              ) : null}
              <span className="notification__meta">
                {NOTIFICATION_KIND_LABELS[item.kind].label} ·{' '}
                <time
                  dateTime={item.createdAt}
                  title={formatDateTime(item.createdAt, item.timeZone)}
                >
                  {ago(item.createdAt, now)}
                </time>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
