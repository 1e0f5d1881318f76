import { useEffect, useId, useRef } from 'react';
import type { IssueTimelineEvent } from '../api/get-issue';
import { TimelineEntry } from './TimelineEntry';

interface ConflictNoticeProps {
  readVersion: number;
  currentVersion: number;
  changes: readonly IssueTimelineEvent[];
  timeZone: string;
  disciplineName: (code: string) => string;
}

/** What changed since the person read the issue; shown when their change was refused as stale. */
export function ConflictNotice({
  readVersion,
  currentVersion,
  changes,
  timeZone,
  disciplineName,
}: ConflictNoticeProps) {
  const titleId = useId();
  const title = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    title.current?.focus();
  }, [currentVersion]);

  return (
    <section className="issue-conflict" aria-labelledby={titleId}>
      <p ref={title} id={titleId} className="issue-conflict__title" role="alert" tabIndex={-1}>
        This issue changed since you opened this form (you had version {readVersion}; it is now{' '}
        {currentVersion}). What you typed is kept: review the changes, then Retry or Cancel.
      </p>
      {changes.length > 0 ? (
        <ol className="issue-conflict__changes" aria-label="Changes since you opened this form">
          {changes.map((event) => (
            <TimelineEntry
              key={event.seq}
              event={event}
              timeZone={timeZone}
              disciplineName={disciplineName}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">The history holds no details of the change.</p>
      )}
    </section>
  );
}
