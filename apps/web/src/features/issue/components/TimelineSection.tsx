import { useState } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { toRequestError, type GraphQLRequestError } from '../../../lib/graphql';
import { getEarlierEvents, type EarlierEvent } from '../api/get-earlier';
import type { IssueDetail } from '../api/get-issue';
import { TimelineEntry } from './TimelineEntry';

interface TimelineSectionProps {
  issue: IssueDetail;
  disciplineName: (code: string) => string;
}

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'event' : 'events'}`;

/**
 * The append-only history of the issue, oldest first. The page reads the newest events only (an
 * issue may hold thousands); earlier ones come a page at a time, on request, above them.
 */
export function TimelineSection({ issue, disciplineName }: TimelineSectionProps) {
  // Pages read so far, oldest first, kept per issue: another issue's page starts afresh.
  const [earlier, setEarlier] = useState<{ key: string; events: EarlierEvent[] }>({
    key: issue.key,
    events: [],
  });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<GraphQLRequestError | null>(null);
  const earlierEvents = earlier.key === issue.key ? earlier.events : [];
  // Live updates bring newer events; pages already read stay before the newest the page holds.
  const firstNewest = issue.timeline[0]?.seq ?? Number.POSITIVE_INFINITY;
  const events = [...earlierEvents.filter((event) => event.seq < firstNewest), ...issue.timeline];
  const notShown = Math.max(0, issue.timelineSize - events.length);

  async function showEarlier() {
    const before = events[0]?.seq;
    if (before === undefined || loading) return;
    setLoading(true);
    setError(null);
    try {
      const page = await getEarlierEvents(issue.key, before);
      setEarlier({ key: issue.key, events: [...page, ...earlierEvents] });
    } catch (caught) {
      setError(toRequestError(caught));
    }
    setLoading(false);
  }

  return (
    <section className="issue-section" aria-labelledby="issue-timeline-title">
      <h2 id="issue-timeline-title">Timeline</h2>
      <p className="issue-meta" aria-live="polite">
        {notShown > 0
          ? `The newest ${events.length.toLocaleString('en-US')} of ${count(issue.timelineSize)}, oldest first.`
          : `${count(events.length)}, oldest first.`}
      </p>
      {notShown > 0 ? (
        <p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void showEarlier()}
            disabled={loading}
            aria-busy={loading || undefined}
          >
            {loading ? 'Loading earlier events…' : `Show earlier events (${count(notShown)} more)`}
          </button>
        </p>
      ) : null}
      {error ? (
        <ErrorMessage
          title="Could not load the earlier events"
          error={error}
          onRetry={() => void showEarlier()}
        />
      ) : null}
      <ol className="issue-timeline">
        {events.map((event) => (
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
