import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { SessionContext, type SessionContextValue } from '../../auth';
import { TESTER, awaitingDecision, program } from '../../issue/testing/fixtures';
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

const signedInTester: SessionContextValue = {
  session: {
    status: 'signedIn',
    user: { ...TESTER, email: 'test@example.com', isSystemAdmin: false },
  },
  signedIn: jest.fn(),
  signOut: jest.fn(),
  retry: jest.fn(),
};

function renderScreen() {
  return render(
    <SessionContext value={signedInTester}>
      <MemoryRouter>
        <InboxScreen now={NOW} />
      </MemoryRouter>
    </SessionContext>,
  );
}

/** HX-3 as the issue page reads it: in review, the tester's discipline still to recommend. */
function issueHx3(options = awaitingDecision().options) {
  const fixture = awaitingDecision();
  return awaitingDecision({
    key: 'HX-3',
    status: 'IN_REVIEW',
    version: 3,
    options,
    viewerActions: ['SUBMIT_RECOMMENDATION', 'ADD_OPTION', 'COMMENT'],
    coverage: fixture.coverage.map((entry) =>
      entry.discipline === 'test' ? { ...entry, state: 'PENDING', recommendation: null } : entry,
    ),
  });
}

afterEach(() => {
  restoreFetch();
  activity.mockReset();
  localStorage.clear();
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

  it('opens the issue’s own recommendation form for the row’s discipline, and after submitting drops the item and confirms', async () => {
    let submitted = false;
    const calls = stubGraphQL({
      MyInbox: () => ({ data: { myInbox: submitted ? [soon] : [overdue, soon] } }),
      IssueDetail: () => ({ data: { issue: issueHx3() } }),
      IssueProgramPeople: () => ({ data: { program: program() } }),
      IssueSubmitRecommendation: () => {
        submitted = true;
        return { data: { submitRecommendation: { id: 'i7', version: 4 } } };
      },
    });
    renderScreen();
    const [first] = await screen.findAllByRole('button', { name: 'Recommend' });
    fireEvent.click(first!);
    const dialog = await screen.findByRole('dialog', { name: 'Submit recommendation' });
    expect(within(dialog).getByRole('combobox', { name: 'Discipline' })).toHaveValue('test');
    fireEvent.click(within(dialog).getByRole('radio', { name: /A – Redesign the antenna mount/ }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Rationale' }), {
      target: { value: 'Because.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit recommendation' }));

    expect(await screen.findByText('Recommendation submitted on HX-3.')).toHaveFocus();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: 'Recommend' })).toHaveLength(1),
    );
    const sent = calls.find((c) => c.operationName === 'IssueSubmitRecommendation');
    expect(sent?.variables).toMatchObject({
      input: { issueKey: 'HX-3', version: 3, discipline: 'test', optionId: 'o-a' },
    });
  });

  it('is no dead end on an issue without options: the representative adds one, then recommends', async () => {
    let options: ReturnType<typeof issueHx3>['options'] = [];
    const calls = stubGraphQL({
      MyInbox: () => ({ data: { myInbox: [overdue] } }),
      IssueDetail: () => ({ data: { issue: issueHx3(options) } }),
      IssueProgramPeople: () => ({ data: { program: program() } }),
      IssueAddOption: () => {
        options = awaitingDecision().options.slice(0, 1);
        return { data: { addOption: { id: 'i7', version: 4 } } };
      },
    });
    renderScreen();
    fireEvent.click(await screen.findByRole('button', { name: 'Recommend' }));
    let dialog = await screen.findByRole('dialog', { name: 'Submit recommendation' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Rationale' }), {
      target: { value: 'Typed before the option existed.' },
    });
    expect(within(dialog).getByText(/has no options yet/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Submit recommendation' })).toBeDisabled();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add an option' }));

    dialog = screen.getByRole('dialog', { name: 'Add option' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Redesign the antenna mount' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add option' }));

    // Back on the recommendation once the issue is read again with its new option.
    expect(
      await screen.findByRole('radio', { name: /A – Redesign the antenna mount/ }),
    ).toBeInTheDocument();
    dialog = screen.getByRole('dialog', { name: 'Submit recommendation' });
    expect(within(dialog).getByRole('textbox', { name: 'Rationale' })).toHaveValue(
      'Typed before the option existed.',
    );
    expect(calls.find((c) => c.operationName === 'IssueAddOption')?.variables).toMatchObject({
      input: { issueKey: 'HX-3', version: 3, title: 'Redesign the antenna mount' },
    });
  });

  it('keeps the open form and its text while live activity reloads the list', async () => {
    let version = 0;
    stubGraphQL({
      MyInbox: () => {
        version += 1;
        return { data: { myInbox: version === 1 ? [overdue, soon] : [soon] } };
      },
      IssueDetail: () => ({ data: { issue: issueHx3() } }),
      IssueProgramPeople: () => ({ data: { program: program() } }),
    });
    renderScreen();
    const [first] = await screen.findAllByRole('button', { name: 'Recommend' });
    fireEvent.click(first!);
    const dialog = await screen.findByRole('dialog', { name: 'Submit recommendation' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Rationale' }), {
      target: { value: 'Half written' },
    });

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

    await waitFor(() => expect(version).toBe(2));
    expect(within(dialog).getByRole('textbox', { name: 'Rationale' })).toHaveValue('Half written');
    expect(activity.mock.calls.at(-1)![0]).toEqual({});
  });

  it('closes the form on Cancel and gives the focus back to its button', async () => {
    stubGraphQL({
      MyInbox: () => ({ data: { myInbox: [soon] } }),
      IssueDetail: () => ({ data: { issue: { ...issueHx3(), key: 'HX-12' } } }),
      IssueProgramPeople: () => ({ data: { program: program() } }),
    });
    renderScreen();
    const button = await screen.findByRole('button', { name: 'Recommend' });
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Submit recommendation' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Recommend' })).toHaveFocus();
  });
});
