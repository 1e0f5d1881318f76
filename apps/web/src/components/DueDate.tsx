import { describeDue, formatDateTime } from '../lib/dates';

interface DueDateProps {
  dueAt: string | null;
  now: Date;
  /** Shown before the date, e.g. "Decision due". */
  label?: string;
  /** The program's time zone, in which its deadlines are written. */
  timeZone: string;
}

/** A due date with how long is left, "overdue" spelled out in text (not only by colour). */
export function DueDate({ dueAt, now, label, timeZone }: DueDateProps) {
  const due = describeDue(dueAt, now);
  if (dueAt === null) {
    return <span className="queue-due">{label ? `${label}: ` : null}No due date</span>;
  }
  return (
    <span className={due.overdue ? 'queue-due queue-due--overdue' : 'queue-due'}>
      {label ? `${label} ` : null}
      <time dateTime={dueAt}>{formatDateTime(dueAt, timeZone)}</time>{' '}
      <span className={due.overdue ? 'queue-badge queue-badge--overdue' : 'muted'}>
        ({due.relative})
      </span>
    </span>
  );
}
