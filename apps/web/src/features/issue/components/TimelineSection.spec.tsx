import { fireEvent, render, screen } from '@testing-library/react';
import { restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import type { IssueTimelineEvent } from '../api/get-issue';
import { awaitingDecision } from '../testing/fixtures';
import { TimelineSection } from './TimelineSection';

afterEach(restoreFetch);

function commentEvent(seq: number): IssueTimelineEvent {
  return {
    seq,
    type: 'COMMENT_ADDED',
    entityType: 'Comment',
    at: new Date(Date.UTC(2026, 2, 1) + seq * 60_000).toISOString(),
    before: null,
    after: JSON.stringify({ body: `Comment ${seq}` }),
    actor: { id: 'u-pat', name: 'Pat Program' },
  };
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('the timeline of a busy issue', () => {
  it('shows the newest events, says how many there are, and pages back on request', async () => {
    const issue = awaitingDecision({
      timelineSize: 250,
      timeline: range(151, 250).map(commentEvent),
    });
    const calls = stubGraphQL({
      IssueEarlierEvents: (variables) => {
        const before = Number(variables?.['before']);
        const last = Number(variables?.['last']);
        const seqs = range(Math.max(1, before - last), before - 1);
        return { data: { issue: { id: issue.id, timeline: seqs.map(commentEvent) } } };
      },
    });
    render(<TimelineSection issue={issue} disciplineName={(code) => code} />);
    const section = screen.getByRole('region', { name: 'Timeline' });
    expect(section).toHaveTextContent('The newest 100 of 250 events, oldest first.');
    expect(section.querySelectorAll('li.issue-event')).toHaveLength(100);

    fireEvent.click(screen.getByRole('button', { name: /Show earlier events \(150/ }));
    expect(await screen.findByText('The newest 200 of 250 events, oldest first.'));
    expect(calls.at(-1)?.variables).toMatchObject({ key: 'HX-7', before: 151, last: 100 });
    expect(section.querySelectorAll('li.issue-event')).toHaveLength(200);

    fireEvent.click(screen.getByRole('button', { name: /Show earlier events \(50/ }));
    expect(await screen.findByText('250 events, oldest first.'));
    expect(calls.at(-1)?.variables).toMatchObject({ before: 51 });
    expect(screen.queryByRole('button', { name: /Show earlier/ })).toBeNull();
    const items = section.querySelectorAll('li.issue-event');
    expect(items).toHaveLength(250);
  });

  it('has nothing to page through when the page holds every event', () => {
    render(<TimelineSection issue={awaitingDecision()} disciplineName={(code) => code} />);
    expect(screen.getByText('3 events, oldest first.'));
    expect(screen.queryByRole('button', { name: /Show earlier/ })).toBeNull();
  });
});
