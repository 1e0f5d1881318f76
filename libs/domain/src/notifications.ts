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
