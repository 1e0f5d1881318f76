import { addCalendarDays, instantAtLocal, localDateOf } from './timeliness/calendar';

/** Why a person is told about something in the app (each can be turned off, per person). */
export const NotificationKind = {
  /** I became owner of an issue, or assignee of a decision's action item. */
  ASSIGNED: 'ASSIGNED',
  /** An issue on a team of mine now needs my discipline's recommendation. */
  AWAITING_MY_DISCIPLINE: 'AWAITING_MY_DISCIPLINE',
  /** Something of mine is due before the end of the next local day. */
  DUE_SOON: 'DUE_SOON',
  /** Something of mine is past its due date. */
  OVERDUE: 'OVERDUE',
  /** A decision was recorded on an issue of one of my teams. */
  DECIDED: 'DECIDED',
  /** An issue left or reached one of my teams by escalation. */
  ESCALATED: 'ESCALATED',
  /** A program manager reminded me that an issue waits on my move. */
  NUDGED: 'NUDGED',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];
export const NOTIFICATION_KINDS: readonly NotificationKind[] = Object.values(NotificationKind);

/** How the product names each kind, and what it covers, in the API and the preferences screen. */
export const NOTIFICATION_KIND_LABELS: Readonly<
  Record<NotificationKind, { readonly label: string; readonly description: string }>
> = {
  ASSIGNED: {
    label: 'Assigned to me',
    description: 'You become owner of an issue, or a decision assigns you an action item.',
  },
  AWAITING_MY_DISCIPLINE: {
    label: 'Waiting on my discipline',
    description: 'An issue on one of your teams needs your discipline’s recommendation.',
  },
  DUE_SOON: {
    label: 'Due soon',
    description:
      'A recommendation, decision or action item of yours is due by the end of tomorrow (program time).',
  },
  OVERDUE: {
    label: 'Overdue',
    description: 'A recommendation, decision or action item of yours is past its due date.',
  },
  DECIDED: {
    label: 'Decided in my teams',
    description: 'A decision is recorded on an issue of one of your teams.',
  },
  ESCALATED: {
    label: 'Escalated in my teams',
    description:
      'An issue is escalated out of or into one of your teams, by a person or by policy.',
  },
  NUDGED: {
    label: 'Nudged by a program manager',
    description: 'A program manager reminds you that an overdue issue waits on your move.',
  },
};

/**
 * The end of the local day after the one `now` falls on, in the program's zone: midnight that
 * starts the day after tomorrow. "Due within a day" means due before this instant.
 */
export function endOfNextLocalDay(now: Date, timeZone: string): Date {
  return instantAtLocal(addCalendarDays(localDateOf(now, timeZone), 2), 0, timeZone);
}

/**
 * Which time-driven notification a due date calls for at `now`: OVERDUE once past it (the same
 * instant rule as everywhere: a due date missed is overdue from that instant), DUE_SOON when it
 * falls before the end of the next local day, none otherwise.
 */
export function dueNotificationKind(
  dueAt: Date,
  now: Date,
  timeZone: string,
): typeof NotificationKind.DUE_SOON | typeof NotificationKind.OVERDUE | null {
  if (dueAt.getTime() < now.getTime()) return NotificationKind.OVERDUE;
  if (dueAt.getTime() < endOfNextLocalDay(now, timeZone).getTime())
    return NotificationKind.DUE_SOON;
  return null;
}

/** Why a due-soon or overdue notification no longer holds. */
export const StaleReason = {
  /** The work no longer waits on that person: done, decided, waived, escalated away, ended. */
  NO_LONGER_OWED: 'NO_LONGER_OWED',
  /** The work still waits on them, with another due date (a new notification tells it). */
  REDATED: 'REDATED',
  /** It was "due soon" and is now overdue (the overdue notification tells it). */
  NOW_OVERDUE: 'NOW_OVERDUE',
} as const;
export type StaleReason = (typeof StaleReason)[keyof typeof StaleReason];

/**
 * Whether a DUE_SOON or OVERDUE notification has gone stale: it was made for one piece of work
 * (a discipline's recommendation, a decision, an action item), for one person, at one due date;
 * it holds while that same work still waits on that person at that due date and still calls for
 * the same kind. `owedNow` is that work as it stands at `now`: its due date while it still waits
 * on the person, null once it no longer does. Returns why it is stale, or null while it holds.
 */
export function dueNotificationStaleness(
  notified: {
    readonly kind: typeof NotificationKind.DUE_SOON | typeof NotificationKind.OVERDUE;
    readonly dueAt: Date;
  },
  owedNow: { readonly dueAt: Date } | null,
  now: Date,
  timeZone: string,
): StaleReason | null {
  if (owedNow === null) return StaleReason.NO_LONGER_OWED;
  if (owedNow.dueAt.getTime() !== notified.dueAt.getTime()) return StaleReason.REDATED;
  const kindNow = dueNotificationKind(owedNow.dueAt, now, timeZone);
  if (kindNow === notified.kind) return null;
  // Time only moves forward: at the same due date, "due soon" can only have become "overdue".
  return StaleReason.NOW_OVERDUE;
}
