import '../notifications.css';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { Loading } from '../../../components/Loading';
import { toRequestError } from '../../../lib/graphql';
import { useNow } from '../../../lib/dates';
import { useQuery } from '../../../lib/use-query';
import { getNotifications, type NotificationItem } from '../api/get-notifications';
import { markNotificationsRead } from '../api/mark-notifications-read';
import { NotificationList } from './NotificationList';
import { useUnreadCount } from './use-unread-count';

/** How many the panel lists; the notifications page lists more. */
export const PANEL_SIZE = 20;

export function bellLabel(count: number | null): string {
  if (count === null || count === 0) return 'Notifications, none unread';
  return `Notifications, ${count} unread`;
}

/**
 * The bell in the header: the unread count, kept current live, and a panel (a non-modal dialog)
 * listing the newest notifications. Opening one follows its link and marks it read. Escape or a
 * click elsewhere closes the panel and gives the focus back to the bell.
 */
export function NotificationBell() {
  const [count, setCount] = useUnreadCount();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const titleId = useId();
  const bell = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) bell.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, close]);

  return (
    <div className="notification-bell" ref={wrapper}>
      <button
        ref={bell}
        type="button"
        className="notification-bell__button"
        aria-label={bellLabel(count)}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <BellIcon />
        {count ? (
          <span className="notification-bell__badge" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </button>
      {open ? (
        <NotificationPanel
          id={panelId}
          titleId={titleId}
          unreadCount={count ?? 0}
          onCountChange={setCount}
          onClose={close}
        />
      ) : null}
    </div>
  );
}

interface NotificationPanelProps {
  id: string;
  titleId: string;
  unreadCount: number;
  onCountChange: (count: number) => void;
  onClose: (returnFocus: boolean) => void;
}

function NotificationPanel({
  id,
  titleId,
  unreadCount,
  onCountChange,
  onClose,
}: NotificationPanelProps) {
  const now = useNow();
  const panel = useRef<HTMLDivElement>(null);
  const load = useCallback((signal: AbortSignal) => getNotifications(PANEL_SIZE, signal), []);
  const query = useQuery(load);
  const { reload } = query;
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [allRead, setAllRead] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    panel.current?.focus();
  }, []);

  // A live change of the count while the panel is open: show what arrived.
  const seenCount = useRef(unreadCount);
  useEffect(() => {
    if (unreadCount > seenCount.current) reload();
    seenCount.current = unreadCount;
  }, [unreadCount, reload]);

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose(true);
    }
  }

  function isRead(item: NotificationItem): boolean {
    return allRead || readIds.has(item.id) || item.readAt !== null;
  }

  function handleOpen(item: NotificationItem) {
    onClose(false);
    if (isRead(item)) return;
    setReadIds((ids) => new Set(ids).add(item.id));
    onCountChange(Math.max(0, unreadCount - 1));
    // The page it opens is what matters; a failure only leaves it unread.
    markNotificationsRead([item.id]).catch(() => undefined);
  }

  async function handleMarkAll() {
    setProblem(null);
    try {
      await markNotificationsRead();
      setAllRead(true);
      onCountChange(0);
    } catch (error) {
      setProblem(`Could not mark them read: ${toRequestError(error).message}`);
    }
  }

  const items =
    query.status === 'success'
      ? query.data.items.map((item) =>
          isRead(item) && item.readAt === null ? { ...item, readAt: now.toISOString() } : item,
        )
      : [];

  return (
    <div
      ref={panel}
      id={id}
      className="notification-panel"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={handleKeyDown}
    >
      <div className="notification-panel__header">
        <h2 id={titleId} className="notification-panel__title">
          Notifications
        </h2>
        <button
          type="button"
          className="button button--secondary notification-panel__mark-all"
          onClick={handleMarkAll}
          disabled={unreadCount === 0}
        >
          Mark all read
        </button>
      </div>
      {problem ? (
        <p className="notification-panel__problem" role="alert">
          {problem}
        </p>
      ) : null}
      {query.status === 'loading' ? <Loading label="Loading notifications…" /> : null}
      {query.status === 'error' ? (
        <ErrorMessage
          title="Could not load your notifications"
          error={query.error}
          onRetry={reload}
        />
      ) : null}
      {query.status === 'success' ? (
        <NotificationList items={items} now={now} onOpen={handleOpen} />
      ) : null}
      <p className="notification-panel__footer">
        <Link to="/notifications" onClick={() => onClose(false)}>
          All notifications and settings
        </Link>
      </p>
    </div>
  );
}

function BellIcon() {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
