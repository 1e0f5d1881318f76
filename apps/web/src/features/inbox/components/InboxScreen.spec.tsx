import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { useIssueActivity } from '../../../lib/live';
import { gqlError, restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import type { InboxEntry } from '../api/get-my-inbox';
import { InboxScreen, inboxSummary, sortInbox } from './InboxScreen';

jest.mock('../../../lib/live', () => ({ useIssueActivity: jest.fn() }));
const activity = jest.mocked(useIssueActivity);

const NOW = new Date('2026-03-02T14:00:00.000Z');

function entry(
  key: string,
  discipline: string,
  dueAt: string | null,
  dueSource: 'POLICY' | 'MANUAL' = 'POLICY',
): InboxEntry {
  return {
    discipline,
    disciplineName: discipline === 'test' ? 'Test & evaluation' : 'Systems engineering',
    dueAt,
    team: { id: 't1', name: 'Radio Hardware WIPT', tier: 'WIPT' },
    issue: {
      id: key,
      key,
      title: `Issue ${key}`,
      version: 3,
      status: 'IN_REVIEW',
      program: { key: 'HX', timeZone: 'America/New_York' },
      stageClocks: [
        {
          stage: 'TRIAGE',
          state: 'FINISHED',
          startedAt: '2026-02-20T14:00:00.000Z',
          dueAt: null,
          dueSource: null,
          finishedAt: '2026-02-23T14:00:00.000Z',
          elapsedDays: 3,
          lateByDays: 0,
        },
        {
          stage: 'RECOMMENDATIONS',
          state: 'RUNNING',
          startedAt: '2026-02-23T14:00:00.000Z',
          dueAt,
          dueSource: dueAt === null ? null : dueSource,
          finishedAt: null,
          elapsedDays: 7,
          lateByDays: 0,
        },
      ],
      options: [{ id: `${key}-a`, label: 'A', title: 'Fix it', description: '', impacts: '' }],
    },
  };
}

const overdue = entry('HX-3', 'test', '2026-03-01T14:00:00.000Z');
const soon = entry('HX-12', 'test', '2026-03-04T14:00:00.000Z', 'MANUAL');
const undated = entry('HX-2', 'engineering', null);

function renderScreen() {
  return render(
    <MemoryRouter>
      <InboxScreen now={NOW} />
    </MemoryRouter>,
  );
}

afterEach(() => {
  restoreFetch();
  activity.mockReset();
});

describe('sortInbox and inboxSummary', () => {
  it('put the soonest due first and the undated last', () => {
    expect(sortInbox([undated, soon, overdue]).map((e) => e.issue.key)).toEqual([
      'HX-3',
      'HX-12',
      'HX-2',
    ]);
  });

  it('count what waits and what is overdue', () => {
    expect(inboxSummary([soon], NOW)).toBe('1 recommendation waits on you.');
    expect(inboxSummary([overdue, soon, undated], NOW)).toBe(
      '3 recommendations wait on you, 1 of them overdue.',
    );
    expect(inboxSummary([overdue], NOW)).toBe('1 recommendation waits on you, 1 of it overdue.');
  });
});

describe('InboxScreen', () => {
  it('lists what waits, sorted by due date, with "overdue" in words', async () => {
    stubGraphQL({ MyInbox: () => ({ data: { myInbox: [undated, soon, overdue] } }) });
    renderScreen();
    expect(screen.getByText('Loading your inbox…')).toBeInTheDocument();

    const table = await screen.findByRole('table', {
      name: 'Recommendations waiting on your disciplines, soonest due first',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual([
      'HX-3',
      'HX-12',
      'HX-2',
    ]);
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute('href', '/issues/HX-3');
    expect(rows[0]).toHaveTextContent('overdue by 24 hours');
    expect(rows[1]).toHaveTextContent('in 2 days');
    expect(rows[2]).toHaveTextContent('No due date');
    expect(rows[2]).toHaveTextContent('Systems engineering');
    expect(within(rows[0]!).getByRole('button', { name: 'Recommend' })).toHaveAccessibleDescription(
      'HX-3 Issue HX-3',
    );
  });

  it('shows the running stage clock of each, who set its date, and lateness in words', async () => {
    stubGraphQL({ MyInbox: () => ({ data: { myInbox: [undated, soon, overdue] } }) });
    renderScreen();

    const table = await screen.findByRole('table', {
      name: 'Recommendations waiting on your disciplines, soonest due first',
    });
    expect(within(table).getByRole('columnheader', { name: 'Stage clock' })).toBeInTheDocument();
    const clockCell = (row: HTMLElement) => within(row).getAllByRole('cell')[3]!;
    const [late, dueSoon, noDate] = within(table).getAllByRole('row').slice(1) as HTMLElement[];
    // Read at "now": a week on the clock, the due date a day past.
    expect(clockCell(late!)).toHaveTextContent(
      'Recommendations: 7 days so far · due date: policy · ⚠ Late by 24 hours',
    );
    expect(clockCell(dueSoon!)).toHaveTextContent('due date: set by hand');
    expect(clockCell(dueSoon!)).not.toHaveTextContent('Late');
    expect(clockCell(noDate!)).toHaveTextContent('Recommendations: 7 days so far');
    expect(clockCell(noDate!)).not.toHaveTextContent('due date');
  });

  it('says when nothing waits', async () => {
    stubGraphQL({ MyInbox: () => ({ data: { myInbox: [] } }) });
    renderScreen();
    expect(await screen.findByText('Nothing waits on your disciplines.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a failure to load, and loads again on request', async () => {
    let fail = true;
    stubGraphQL({
      MyInbox: () =>
        fail ? gqlError('UNEXPECTED', 'The server fell over.') : { data: { myInbox: [soon] } },
    });
    renderScreen();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your inbox');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Recommend' })).toBeInTheDocument();
  });

  it('opens the form in place, and after submitting drops the item and confirms', async () => {
    let submitted = false;
    stubGraphQL({
      MyInbox: () => ({ data: { myInbox: submitted ? [soon] : [overdue, soon] } }),
      SubmitRecommendation: () => {
        submitted = true;
        return {
          data: {
            submitRecommendation: { id: 'HX-3', key: 'HX-3', version: 4, status: 'IN_REVIEW' },
          },
        };
      },
    });
    renderScreen();
    const [first] = await screen.findAllByRole('button', { name: 'Recommend' });
    fireEvent.click(first!);
    expect(first).toHaveAttribute('aria-expanded', 'true');
    const form = screen.getByRole('form', { name: 'Recommendation on HX-3 for Test & evaluation' });
    fireEvent.click(within(form).getByRole('radio', { name: 'A – Fix it' }));
    fireEvent.change(within(form).getByLabelText('Rationale'), { target: { value: 'Because.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Submit recommendation' }));

    expect(
      await screen.findByText('Recommendation submitted on HX-3 for Test & evaluation.'),
    ).toHaveFocus();
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: 'Recommend' })).toHaveLength(1),
    );
    expect(screen.queryByRole('link', { name: 'HX-3' })).not.toBeInTheDocument();
  });

  it('reloads on live activity without closing an open form or losing its text', async () => {
    let version = 0;
    stubGraphQL({
      MyInbox: () => {
        version += 1;
        return { data: { myInbox: version === 1 ? [overdue, soon] : [soon] } };
      },
    });
    renderScreen();
    const [first] = await screen.findAllByRole('button', { name: 'Recommend' });
    fireEvent.click(first!);
    fireEvent.change(screen.getByLabelText('Rationale'), { target: { value: 'Half written' } });

    const onActivity = activity.mock.calls.at(-1)![1];
    act(() =>
      onActivity({
        issueKey: 'HX-3',
        programKey: 'HX',
        type: 'RECOMMENDED',
        actorName: 'Someone',
        version: 4,
      }),
    );

    // HX-3 left the inbox (someone else covered it), but the open form stays with its text.
    expect(await screen.findByText(/This no longer waits on you/)).toBeInTheDocument();
    expect(screen.getByLabelText('Rationale')).toHaveValue('Half written');
    expect(activity.mock.calls.at(-1)![0]).toEqual({});
  });

  it('closes the form on Cancel and gives the focus back to its button', async () => {
    stubGraphQL({ MyInbox: () => ({ data: { myInbox: [soon] } }) });
    renderScreen();
    const button = await screen.findByRole('button', { name: 'Recommend' });
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Recommend' })).toHaveFocus();
  });
});
