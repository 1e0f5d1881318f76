import type { IssueTimelineEvent } from '../api/get-issue';
import { eventActorName, eventLabel, eventStory } from '../timeline';
import { formatDateTime, formatDay } from '../../../lib/dates';

interface TimelineEntryProps {
  event: IssueTimelineEvent;
  timeZone: string;
  disciplineName: (code: string) => string;
}

/** One event of the history: what happened in words, who, when, and its before/after readably. */
export function TimelineEntry({ event, timeZone, disciplineName }: TimelineEntryProps) {
  const { sentence, lines } = eventStory(event, {
    formatDateTime: (iso) => formatDateTime(iso, timeZone),
    formatDay: (iso) => formatDay(iso, timeZone),
    disciplineName,
  });
  return (
    <li className="issue-event">
      <p className="issue-event__head">
        <span className="issue-event__type">{eventLabel(event.type)}</span>
        <span className="issue-event__meta">
          {eventActorName(event)} ·{' '}
          <time dateTime={event.at}>{formatDateTime(event.at, timeZone)}</time>
        </span>
      </p>
      {sentence ? <p className="issue-event__sentence">{sentence}</p> : null}
      {lines.length > 0 ? (
        <ul className="issue-event__changes">
          {lines.map((line) => (
            <li key={line.field}>
              <span className="issue-event__field">{line.field}:</span>{' '}
              {line.before !== null && line.after !== null ? (
                <>
                  <del className="issue-event__before">{line.before}</del>
                  {' → '}
                  <ins className="issue-event__after">{line.after}</ins>
                </>
              ) : line.after !== null ? (
                <span>{line.after}</span>
              ) : (
                <span>
                  <del className="issue-event__before">{line.before}</del> (removed)
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
