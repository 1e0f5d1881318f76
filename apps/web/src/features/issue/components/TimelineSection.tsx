import type { IssueDetail } from '../api/get-issue';
import { TimelineEntry } from './TimelineEntry';

interface TimelineSectionProps {
  issue: IssueDetail;
  disciplineName: (code: string) => string;
}

/** The full, append-only history of the issue, oldest first. */
export function TimelineSection({ issue, disciplineName }: TimelineSectionProps) {
  return (
    <section className="issue-section" aria-labelledby="issue-timeline-title">
      <h2 id="issue-timeline-title">Timeline</h2>
      <p className="issue-meta">
        {issue.timeline.length} {issue.timeline.length === 1 ? 'event' : 'events'}, oldest first.
      </p>
      <ol className="issue-timeline">
        {issue.timeline.map((event) => (
          <TimelineEntry
            key={event.seq}
            event={event}
            timeZone={issue.program.timeZone}
            disciplineName={disciplineName}
          />
        ))}
      </ol>
    </section>
  );
}
