import { render, screen, within } from '@testing-library/react';
import type { IssueDecision, IssueDetail } from '../api/get-issue';
import { ActionItemsTable } from './ActionItemsTable';

const now = new Date('2026-03-10T12:00:00Z');

function item(id: string, dueAt: string, doneAt: string | null = null) {
  return { id, title: `Item ${id}`, dueAt, doneAt, assignee: { id: 'u2', name: 'Erin Engel' } };
}

function renderItems(status: string, superseded: boolean) {
  // Only what the table reads of the issue and the decision.
  const issue = {
    status,
    program: { timeZone: 'America/New_York' },
    currentTeam: { id: 't1' },
    owner: null,
  } as unknown as IssueDetail;
  const decision = {
    id: 'd1',
    decidedAt: '2026-03-01T15:00:00.000Z',
    superseded,
    actionItems: [
      item('a', '2026-03-20T03:59:59.999Z'),
      item('b', '2026-03-05T03:59:59.999Z'),
      item('c', '2026-03-05T03:59:59.999Z', '2026-03-04T15:00:00.000Z'),
    ],
  } as unknown as IssueDecision;
  render(
    <ActionItemsTable
      decision={decision}
      issue={issue}
      now={now}
      controls={{
        viewerId: null,
        viewerRole: null,
        busyId: null,
        error: null,
        onComplete: () => undefined,
      }}
    />,
  );
  return (title: string) =>
    within(screen.getByRole('rowheader', { name: title }).closest('tr')!).getAllByRole('cell')[2]!
      .textContent;
}

describe('ActionItemsTable', () => {
  it('reads open, overdue and done items of a decision in force', () => {
    const status = renderItems('DECIDED', false);
    expect(status('Item a')).toMatch(/^Open: .* left$/);
    expect(status('Item b')).toMatch(/^Overdue: overdue by/);
    expect(status('Item c')).toMatch(/^Done /);
  });

  it('reads the items of a superseded decision as no longer binding, never as open or overdue', () => {
    const status = renderItems('CLOSED', true);
    expect(status('Item a')).toBe('No longer binding');
    expect(status('Item b')).toBe('No longer binding');
    expect(status('Item c')).toMatch(/^Done /);
  });

  it('says an item was left undone when its issue was closed or withdrawn', () => {
    expect(renderItems('WITHDRAWN', false)('Item a')).toBe('Not done: the issue was withdrawn');
  });
});
