import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { useIssueActivity } from '../../../lib/live';
import {
  gqlError,
  restoreFetch,
  stubGraphQL,
  type GraphQLCall,
  type OperationHandler,
} from '../../../test/graphql-stub';
import { SessionContext, type SessionContextValue } from '../../auth';
import type { TrackerIssue } from '../api/get-issues';
import { IssueTracker, LIVE_RELOAD_DELAY_MS } from './IssueTracker';

jest.mock('../../../lib/live', () => ({ useIssueActivity: jest.fn() }));
const liveMock = useIssueActivity as jest.MockedFunction<typeof useIssueActivity>;

/** jsdom lays nothing out; give the grid's scroll box a height so rows render. */
let clientHeight: PropertyDescriptor | undefined;
beforeAll(() => {
  clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 800,
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});
afterEach(() => {
  restoreFetch();
  liveMock.mockReset();
});

const session: SessionContextValue = {
  session: {
    status: 'signedIn',
    user: { id: 'u1', email: 'pm@example.com', name: 'Pat Morgan', isSystemAdmin: false },
  },
  signedIn: () => undefined,
  signOut: async () => undefined,
  retry: () => undefined,
};

const PROGRAMS = [
  { id: 'p1', key: 'HX', name: 'Tactical Radio' },
  { id: 'p2', key: 'SUB', name: 'Next Submarine' },
];

const TEAMS = [
  { id: 't2', name: 'HX Overarching IPT', tier: 'OIPT', active: true, members: [] },
  {
    id: 't1',
    name: 'Radio Hardware WIPT',
    tier: 'WIPT',
    active: true,
    members: [{ id: 'm1', user: { id: 'u2', name: 'Erin Engel' } }],
  },
];

function programAnswer(raisable = TEAMS) {
  return {
    data: {
      program: {
        id: 'p1',
        key: 'HX',
        name: 'Tactical Radio',
        teams: TEAMS,
        disciplines: [
          { code: 'engineering', name: 'Systems engineering' },
          { code: 'test', name: 'Test & evaluation' },
        ],
        roles: [{ user: { id: 'u1', name: 'Pat Morgan' } }],
      },
      raisableTeams: raisable.map(({ id, name, tier }) => ({ id, name, tier })),
    },
  };
}

function issue(n: number, overrides: Partial<TrackerIssue> = {}): TrackerIssue {
  return {
    id: `i${n}`,
    key: `HX-${n}`,
    number: n,
    title: `Issue ${n}`,
    status: 'OPEN',
    consequence: 3,
    raisedAt: `2026-03-${String(n).padStart(2, '0')}T09:00:00.000Z`,
    currentStage: 'TRIAGE',
    currentStageDueAt: null,
    currentStageOverdue: false,
    owner: null,
    currentTeam: { id: 't1', name: 'Radio Hardware WIPT', tier: 'WIPT' },
    ...overrides,
  };
}

const ISSUES = [
  issue(3, { title: 'Battery door latch', status: 'IN_REVIEW' }),
  issue(2, { title: 'Antenna fade', status: 'OPEN' }),
  issue(1, { title: 'Connector corrosion', status: 'CLOSED' }),
];

function page(nodes: readonly TrackerIssue[], totalCount = nodes.length, endCursor?: string) {
  return {
    data: {
      issues: {
        totalCount,
        pageInfo: { hasNextPage: endCursor !== undefined, endCursor: endCursor ?? null },
        edges: nodes.map((node) => ({ node })),
      },
    },
  };
}

const NEWEST_FIRST = { column: 'RAISED', direction: 'DESCENDING' };

const COUNTS = {
  data: {
    issueCounts: [
      { status: 'OPEN', count: 1 },
      { status: 'IN_REVIEW', count: 1 },
      { status: 'AWAITING_DECISION', count: 0 },
      { status: 'DECIDED', count: 0 },
      { status: 'RESOLVED', count: 0 },
      { status: 'CLOSED', count: 1 },
      { status: 'WITHDRAWN', count: 0 },
    ],
  },
};

function stub(overrides: Record<string, OperationHandler> = {}): GraphQLCall[] {
  return stubGraphQL({
    TrackerPrograms: () => ({ data: { programs: PROGRAMS } }),
    TrackerProgram: () => programAnswer(),
    TrackerIssues: () => page(ISSUES),
    TrackerIssueCounts: () => COUNTS,
    TrackerSavedViews: () => ({ data: { savedViews: [] } }),
    ...overrides,
  });
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

function renderTracker(url = '/issues') {
  return render(
    <SessionContext.Provider value={session}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route
            path="/issues/new?"
            element={
              <>
                <IssueTracker />
                <Location />
              </>
            }
          />
          <Route
            path="/issues/:key"
            element={
              <>
                <p>The issue page</p>
                <Location />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </SessionContext.Provider>,
  );
}

const location = () => new URL(screen.getByTestId('location').textContent!, 'http://x');
const calls = (all: GraphQLCall[], name: string) => all.filter((c) => c.operationName === name);
const lastCall = (all: GraphQLCall[], name: string) => calls(all, name).at(-1)!;
const rowKeys = (grid: HTMLElement) =>
  within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('link').textContent);

async function grid() {
  return screen.findByRole('grid', { name: 'Issues in HX – Tactical Radio' });
}

/** Selects are ready once the program's teams, people and disciplines have loaded. */
async function programLoaded() {
  await screen.findByRole('option', { name: 'Radio Hardware WIPT (WIPT)' });
}

describe('IssueTracker: filters and the URL', () => {
  it('shows the filters of the URL in the controls and asks the API for exactly them', async () => {
    const all = stub();
    renderTracker(
      '/issues?program=HX&q=pump&status=OPEN&team=t1&tier=WIPT&consequence=4,5&owner=u2' +
        '&pending=test&overdue=true',
    );
    await grid();
    await programLoaded();

    expect(screen.getByLabelText('Program')).toHaveValue('HX');
    expect(screen.getByLabelText('Search')).toHaveValue('pump');
    expect(screen.getByLabelText('Status')).toHaveValue('OPEN');
    expect(screen.getByLabelText('Team')).toHaveValue('t1');
    expect(screen.getByLabelText('Tier')).toHaveValue('WIPT');
    expect(screen.getByLabelText('Consequence')).toHaveValue('5,4');
    expect(screen.getByLabelText('Owner')).toHaveValue('u2');
    expect(screen.getByLabelText('Pending discipline')).toHaveValue('test');
    expect(screen.getByLabelText('Overdue')).toHaveValue('true');

    const filters = {
      programKey: 'HX',
      text: 'pump',
      teamId: 't1',
      tier: 'WIPT',
      consequence: [5, 4],
      ownerId: 'u2',
      pendingDiscipline: 'test',
      overdue: true,
    };
    expect(lastCall(all, 'TrackerIssues').variables).toEqual({
      ...filters,
      status: ['OPEN'],
      first: 100,
      offset: 0,
      orderBy: NEWEST_FIRST,
      withCount: true,
    });
    // The counts are for every status under the other filters.
    expect(lastCall(all, 'TrackerIssueCounts').variables).toEqual(filters);
  });

  it('filters by a raised period in the program’s local dates, shown as a chip that clears', async () => {
    const all = stub({
      TrackerPrograms: () => ({
        data: { programs: PROGRAMS.map((p) => ({ ...p, timeZone: 'America/New_York' })) },
      }),
    });
    renderTracker('/issues?program=HX&raisedFrom=2026-02-02&raisedTo=2026-02-08');
    await grid();

    const period = { raisedFrom: '2026-02-02T05:00:00.000Z', raisedTo: '2026-02-09T05:00:00.000Z' };
    expect(lastCall(all, 'TrackerIssues').variables).toEqual({
      programKey: 'HX',
      ...period,
      first: 100,
      offset: 0,
      orderBy: NEWEST_FIRST,
      withCount: true,
    });
    expect(lastCall(all, 'TrackerIssueCounts').variables).toEqual({ programKey: 'HX', ...period });
    expect(screen.getByText('Raised 2026-02-02 to 2026-02-08')).toBeInTheDocument();

    fireEvent.click(
      screen.getByRole('button', { name: 'Clear “Raised 2026-02-02 to 2026-02-08”' }),
    );
    await waitFor(() => expect(location().search).toBe('?program=HX'));
    await waitFor(() =>
      expect(lastCall(all, 'TrackerIssues').variables).toEqual({
        programKey: 'HX',
        first: 100,
        offset: 0,
        orderBy: NEWEST_FIRST,
        withCount: true,
      }),
    );
    expect(screen.queryByText(/^Raised /)).not.toBeInTheDocument();
  });

  it('filters by an ended period the same way, as a dashboard week’s closed bar asks', async () => {
    const all = stub({
      TrackerPrograms: () => ({
        data: { programs: PROGRAMS.map((p) => ({ ...p, timeZone: 'America/New_York' })) },
      }),
    });
    renderTracker('/issues?program=HX&endedFrom=2026-02-02&endedTo=2026-02-08');
    await grid();

    const period = { endedFrom: '2026-02-02T05:00:00.000Z', endedTo: '2026-02-09T05:00:00.000Z' };
    expect(lastCall(all, 'TrackerIssues').variables).toEqual({
      programKey: 'HX',
      ...period,
      first: 100,
      offset: 0,
      orderBy: NEWEST_FIRST,
      withCount: true,
    });
    expect(lastCall(all, 'TrackerIssueCounts').variables).toEqual({ programKey: 'HX', ...period });
    expect(screen.getByText('Ended 2026-02-02 to 2026-02-08')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Clear “Ended 2026-02-02 to 2026-02-08”' }));
    await waitFor(() => expect(location().search).toBe('?program=HX'));
    await waitFor(() =>
      expect(lastCall(all, 'TrackerIssues').variables).toEqual({
        programKey: 'HX',
        first: 100,
        offset: 0,
        orderBy: NEWEST_FIRST,
        withCount: true,
      }),
    );
    expect(screen.queryByText(/^Ended /)).not.toBeInTheDocument();
  });

  it('opens on the first program when the URL names none', async () => {
    const all = stub();
    renderTracker();
    await grid();
    expect(screen.getByLabelText('Program')).toHaveValue('HX');
    expect(lastCall(all, 'TrackerIssues').variables).toEqual({
      programKey: 'HX',
      first: 100,
      offset: 0,
      orderBy: NEWEST_FIRST,
      withCount: true,
    });
  });

  it('writes every change to the URL and loads again', async () => {
    const all = stub();
    renderTracker('/issues?program=HX&sort=title');
    await grid();
    await programLoaded();

    fireEvent.change(screen.getByLabelText('Tier'), { target: { value: 'WIPT' } });
    fireEvent.change(screen.getByLabelText('Overdue'), { target: { value: 'false' } });
    fireEvent.change(screen.getByLabelText('Team'), { target: { value: 't1' } });
    fireEvent.change(screen.getByLabelText('Owner'), { target: { value: 'u1' } });
    fireEvent.change(screen.getByLabelText('Consequence'), { target: { value: '5,4' } });
    fireEvent.change(screen.getByLabelText('Pending discipline'), { target: { value: 'test' } });
    fireEvent.change(screen.getByLabelText('Status'), {
      target: { value: 'OPEN,IN_REVIEW,AWAITING_DECISION,DECIDED' },
    });
    expect(Object.fromEntries(location().searchParams)).toEqual({
      program: 'HX',
      sort: 'title',
      tier: 'WIPT',
      overdue: 'false',
      team: 't1',
      owner: 'u1',
      consequence: '5,4',
      pending: 'test',
      status: 'OPEN,IN_REVIEW,AWAITING_DECISION,DECIDED',
    });
    await grid();
    expect(lastCall(all, 'TrackerIssues').variables).toMatchObject({
      tier: 'WIPT',
      overdue: false,
      teamId: 't1',
      ownerId: 'u1',
      consequence: [5, 4],
      pendingDiscipline: 'test',
      status: ['OPEN', 'IN_REVIEW', 'AWAITING_DECISION', 'DECIDED'],
    });
    expect(screen.getByRole('option', { name: 'Pat Morgan (me)' })).toBeInTheDocument();

    // Another program: its teams and people differ, so those filters go; the rest stays.
    fireEvent.change(screen.getByLabelText('Program'), { target: { value: 'SUB' } });
    expect(Object.fromEntries(location().searchParams)).toEqual({
      program: 'SUB',
      sort: 'title',
      tier: 'WIPT',
      overdue: 'false',
      consequence: '5,4',
      status: 'OPEN,IN_REVIEW,AWAITING_DECISION,DECIDED',
    });
    await screen.findByRole('grid', { name: 'Issues in SUB – Next Submarine' });

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(location().search).toBe('?program=SUB&sort=title');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
    await screen.findByRole('grid', { name: 'Issues in SUB – Next Submarine' });
  });

  it('applies the search once typing rests, or at once on Enter', async () => {
    const all = stub();
    renderTracker('/issues?program=HX');
    await grid();
    const search = screen.getByLabelText('Search');

    fireEvent.change(search, { target: { value: 'ant' } });
    expect(location().searchParams.get('q')).toBeNull();
    await waitFor(() => expect(location().searchParams.get('q')).toBe('ant'));
    expect(search).toHaveValue('ant');
    await grid();
    expect(lastCall(all, 'TrackerIssues').variables).toMatchObject({ text: 'ant' });

    fireEvent.change(search, { target: { value: 'antenna' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(location().searchParams.get('q')).toBe('antenna');
    await grid();
  });

  it('keeps values from a shared URL that the lists do not offer, instead of losing them', async () => {
    stub();
    renderTracker('/issues?program=HX&status=OPEN,CLOSED&team=gone');
    await grid();
    await programLoaded();
    expect(screen.getByLabelText('Status')).toHaveValue('OPEN,CLOSED');
    expect(screen.getByRole('option', { name: 'Open, Closed' })).toBeInTheDocument();
    expect(screen.getByLabelText('Team')).toHaveValue('gone');
  });
});

describe('IssueTracker: rows fetched where the table is scrolled', () => {
  /** A server of `many` issues in the order given: pages by offset, counts only when asked. */
  function serve(many: readonly TrackerIssue[], held?: Promise<void>): OperationHandler {
    return async (variables) => {
      const offset = Number(variables?.['offset'] ?? 0);
      if (held && offset > 0) await held;
      const served = page(many.slice(offset, offset + Number(variables?.['first'])), many.length);
      if (variables?.['withCount'] === false)
        delete (served.data.issues as { totalCount?: number }).totalCount;
      return served;
    };
  }

  function scrollTo(row: number) {
    const box = document.querySelector<HTMLElement>('.issues-grid-scroll')!;
    box.scrollTop = row * 52;
    fireEvent.scroll(box);
  }

  it('fetches the first 100 rows with the count, then only the pages scrolled to', async () => {
    const many = Array.from({ length: 1000 }, (_, n) => issue(1000 - n));
    const all = stub({ TrackerIssues: serve(many) });
    renderTracker('/issues?program=HX');

    const table = await grid();
    expect(table).toHaveAttribute('aria-rowcount', '1001');
    expect(screen.getByText(/^1,000 issues/)).toBeInTheDocument();
    expect(rowKeys(table)[0]).toBe('HX-1000');
    expect(
      calls(all, 'TrackerIssues').map((c) => [c.variables?.['offset'], c.variables?.['withCount']]),
    ).toEqual([[0, true]]);

    // A jump to row 720: only the pages under it (and its margin) are fetched, without a count.
    scrollTo(720);
    await waitFor(() => expect(screen.getByRole('link', { name: 'HX-280' })).toBeInTheDocument());
    const asked = calls(all, 'TrackerIssues').slice(1);
    expect(asked.map((c) => c.variables?.['withCount'])).toEqual(asked.map(() => false));
    expect(asked.map((c) => c.variables?.['offset'])).toEqual(expect.arrayContaining([700]));
    expect(asked.length).toBeLessThanOrEqual(2);
  });

  it('shows rows still on their way as loading, in their place', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const many = Array.from({ length: 500 }, (_, n) => issue(500 - n));
    stub({ TrackerIssues: serve(many, held) });
    renderTracker('/issues?program=HX');
    await grid();
    scrollTo(300);
    const waiting = await waitFor(() => {
      const rows = document.querySelectorAll('tr[aria-busy="true"]');
      expect(rows.length).toBeGreaterThan(0);
      return rows;
    });
    expect(waiting[0]).toHaveTextContent('Loading…');
    release();
    await waitFor(() => expect(screen.getByRole('link', { name: 'HX-200' })).toBeInTheDocument());
    expect(document.querySelectorAll('tr[aria-busy="true"]')).toHaveLength(0);
  });

  it('says when loading failed and loads again on request', async () => {
    let fail = true;
    stub({
      TrackerIssues: () =>
        fail ? gqlError('FORBIDDEN', 'You are not a member of this program.') : page(ISSUES),
    });
    renderTracker('/issues?program=HX');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the issues');
    expect(alert).toHaveTextContent('You are not a member of this program.');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await grid()).toBeInTheDocument();
  });

  it('tells no issues yet apart from no issues matching', async () => {
    stub({ TrackerIssues: () => page([]) });
    const { unmount } = renderTracker('/issues?program=HX');
    expect(await screen.findByText('No issues yet')).toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    unmount();

    renderTracker('/issues?program=HX&tier=OIPT');
    expect(await screen.findByText('No issues match these filters')).toBeInTheDocument();
  });

  it('says so when the user is on no program', async () => {
    stub({ TrackerPrograms: () => ({ data: { programs: [] } }) });
    renderTracker();
    expect(await screen.findByText('You are not on any program yet')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Raise issue' })).not.toBeInTheDocument();
  });

  it('loads again, keeping the table on screen, when an issue of the program changes', async () => {
    const all = stub();
    renderTracker('/issues?program=HX');
    await grid();
    expect(liveMock).toHaveBeenLastCalledWith({ programKey: 'HX' }, expect.any(Function));
    const before = calls(all, 'TrackerIssues').length;

    jest.useFakeTimers();
    try {
      const onActivity = liveMock.mock.lastCall![1];
      const activity = {
        issueKey: 'HX-2',
        programKey: 'HX',
        type: 'X',
        actorName: null,
        version: 2,
      };
      act(() => {
        onActivity(activity);
        onActivity(activity);
      });
      act(() => jest.advanceTimersByTime(LIVE_RELOAD_DELAY_MS));
      expect(screen.getByRole('grid')).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
    await waitFor(() => expect(calls(all, 'TrackerIssues')).toHaveLength(before + 1));
    expect(calls(all, 'TrackerIssueCounts').length).toBeGreaterThanOrEqual(2);
  });
});

describe('IssueTracker: sorting', () => {
  it('asks the server for the order of a header click, flips on the next, and keeps it in the URL', async () => {
    const byTitle = [...ISSUES].sort((a, b) => a.title.localeCompare(b.title));
    const all = stub({
      TrackerIssues: (variables) => {
        const order = variables?.['orderBy'] as { column: string; direction: string };
        if (order.column !== 'TITLE') return page(ISSUES);
        return page(order.direction === 'ASCENDING' ? byTitle : [...byTitle].reverse());
      },
    });
    renderTracker('/issues?program=HX');
    const table = await grid();
    expect(rowKeys(table)).toEqual(['HX-3', 'HX-2', 'HX-1']);
    expect(within(table).getByRole('columnheader', { name: /Raised/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    fireEvent.click(within(table).getByRole('button', { name: 'Title' }));
    expect(location().search).toBe('?program=HX&sort=title&dir=asc');
    await waitFor(() =>
      expect(rowKeys(screen.getByRole('grid'))).toEqual(['HX-2', 'HX-3', 'HX-1']),
    );
    expect(lastCall(all, 'TrackerIssues').variables).toMatchObject({
      orderBy: { column: 'TITLE', direction: 'ASCENDING' },
      offset: 0,
    });
    expect(screen.getByRole('columnheader', { name: /Title/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(screen.getByRole('columnheader', { name: /Raised/ })).not.toHaveAttribute('aria-sort');

    fireEvent.click(screen.getByRole('button', { name: 'Title' }));
    expect(location().search).toBe('?program=HX&sort=title&dir=desc');
    await waitFor(() =>
      expect(rowKeys(screen.getByRole('grid'))).toEqual(['HX-1', 'HX-3', 'HX-2']),
    );
    expect(lastCall(all, 'TrackerIssues').variables).toMatchObject({
      orderBy: { column: 'TITLE', direction: 'DESCENDING' },
    });
  });
});

describe('IssueTracker: counts per status', () => {
  it('shows each status’s count and filters to a status when it is clicked', async () => {
    stub();
    renderTracker('/issues?program=HX');
    await grid();
    const counts = await screen.findByRole('group', { name: 'Issues by status' });
    await within(counts).findByRole('button', { name: 'Open 1' });

    expect(
      within(counts)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual([
      'All 3',
      'Open 1',
      'In review 1',
      'Awaiting decision 0',
      'Decided 0',
      'Resolved 0',
      'Closed 1',
      'Withdrawn 0',
    ]);
    expect(within(counts).getByRole('button', { name: 'All 3' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    fireEvent.click(within(counts).getByRole('button', { name: 'Closed 1' }));
    expect(location().searchParams.get('status')).toBe('CLOSED');
    expect(screen.getByLabelText('Status')).toHaveValue('CLOSED');
    const closed = await within(counts).findByRole('button', { name: 'Closed 1' });
    expect(closed).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(closed);
    expect(location().searchParams.get('status')).toBeNull();
    await within(counts).findByRole('button', { name: 'All 3', pressed: true });
    await grid();
  });

  it('says when counting failed, without hiding the table', async () => {
    stub({ TrackerIssueCounts: () => gqlError('UNEXPECTED', 'Counting broke.') });
    renderTracker('/issues?program=HX');
    expect(await grid()).toBeInTheDocument();
    expect(
      await screen.findByText(/Could not count the issues by status: Counting broke\./),
    ).toBeInTheDocument();
  });
});

describe('IssueTracker: raising an issue', () => {
  // Drafts are kept in localStorage; each test starts without one.
  beforeEach(() => localStorage.clear());

  async function openForm() {
    await grid();
    await programLoaded();
    fireEvent.click(screen.getByRole('link', { name: 'Raise issue' }));
    return screen.getByRole('dialog', { name: 'Raise an issue' });
  }

  function fill(dialog: HTMLElement) {
    // "(optional)" follows a label visually, outside its accessible name.
    const field = (label: string) => within(dialog).getByRole('textbox', { name: label });
    const choice = (label: string) => within(dialog).getByRole('combobox', { name: label });
    fireEvent.change(choice('Team'), { target: { value: 't2' } });
    fireEvent.change(field('Title'), { target: { value: 'Waveform certification slips' } });
    fireEvent.change(field('Condition statement'), {
      target: { value: 'The certification board moved by six weeks.' },
    });
    fireEvent.change(choice('Impact area'), { target: { value: 'SCHEDULE' } });
    fireEvent.change(choice('Consequence'), { target: { value: '4' } });
  }

  it('offers the teams the user may raise on, raises, and opens the new issue', async () => {
    const all = stub({
      TrackerRaiseIssue: () => ({ data: { raiseIssue: { id: 'new', key: 'HX-25' } } }),
    });
    renderTracker('/issues?program=HX');
    const dialog = await openForm();

    expect(screen.queryByLabelText('Search')).not.toBeInTheDocument();
    expect(
      within(within(dialog).getByLabelText('Team'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a team', 'HX Overarching IPT (OIPT)', 'Radio Hardware WIPT (WIPT)']);
    fill(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Raise' }));

    expect(await screen.findByText('The issue page')).toBeInTheDocument();
    expect(location().pathname).toBe('/issues/HX-25');
    expect(lastCall(all, 'TrackerRaiseIssue').variables).toEqual({
      input: {
        programKey: 'HX',
        teamId: 't2',
        title: 'Waveform certification slips',
        conditionStatement: 'The certification board moved by six weeks.',
        impactArea: 'SCHEDULE',
        consequence: 4,
      },
    });
  });

  it('shows the API’s field error at that field, and other errors above the form', async () => {
    let answer = gqlError('BAD_USER_INPUT', 'title must be at most 200 characters.', {
      field: 'title',
    });
    stub({ TrackerRaiseIssue: () => answer });
    renderTracker('/issues?program=HX');
    const dialog = await openForm();
    fill(dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Raise' }));

    const title = within(dialog).getByLabelText('Title');
    await waitFor(() => expect(title).toHaveAttribute('aria-invalid', 'true'));
    expect(title).toHaveAccessibleDescription('title must be at most 200 characters.');
    expect(title).toHaveFocus();
    expect(within(dialog).getByLabelText('Team')).not.toHaveAttribute('aria-invalid');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();

    answer = gqlError('FORBIDDEN', 'Raise an issue on a team you belong to.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Raise' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Could not raise the issue: Raise an issue on a team you belong to.',
    );
    expect(title).not.toHaveAttribute('aria-invalid');
  });

  it('explains missing fields at each field without asking the API', async () => {
    const all = stub();
    renderTracker('/issues?program=HX');
    const dialog = await openForm();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Raise' }));

    const team = within(dialog).getByLabelText('Team');
    expect(team).toHaveAttribute('aria-invalid', 'true');
    expect(team).toHaveAccessibleDescription('Choose the team raising the issue.');
    expect(team).toHaveFocus();
    expect(within(dialog).getByLabelText('Title')).toHaveAccessibleDescription(
      'Give the issue a title.',
    );
    expect(within(dialog).getByLabelText('Impact area')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('combobox', { name: 'Consequence' })).not.toHaveAttribute(
      'aria-invalid',
    );
    expect(calls(all, 'TrackerRaiseIssue')).toHaveLength(0);
  });

  it('goes back to the tracker on Cancel or Escape', async () => {
    stub();
    renderTracker('/issues?program=HX');
    let dialog = await openForm();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Raise issue' })).toHaveFocus();

    fireEvent.click(screen.getByRole('link', { name: 'Raise issue' }));
    dialog = screen.getByRole('dialog', { name: 'Raise an issue' });
    fireEvent.keyDown(within(dialog).getByLabelText('Title'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Search')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Saved views')).toBeEnabled());
  });

  it('has its own address, and keeps what was typed across a reload until it is raised', async () => {
    stub({ TrackerRaiseIssue: () => ({ data: { raiseIssue: { id: 'new', key: 'HX-25' } } }) });
    const first = renderTracker('/issues?program=HX&status=OPEN');
    const dialog = await openForm();
    expect(location().pathname).toBe('/issues/new');
    expect(location().search).toBe('?program=HX&status=OPEN');
    fireEvent.change(within(dialog).getByLabelText('Title'), {
      target: { value: 'Half-typed title' },
    });
    first.unmount();

    renderTracker('/issues/new?program=HX&status=OPEN');
    const again = await screen.findByRole('dialog', { name: 'Raise an issue' });
    await programLoaded();
    expect(within(again).getByLabelText('Title')).toHaveValue('Half-typed title');
    expect(within(again).getByRole('status')).toHaveTextContent('Your unsent draft is back');

    fill(again);
    fireEvent.click(within(again).getByRole('button', { name: 'Raise' }));
    expect(await screen.findByText('The issue page')).toBeInTheDocument();
    expect(Object.keys(localStorage).filter((key) => key.startsWith('ipt.draft'))).toEqual([]);
  });

  it('asks before Cancel throws a draft away, and keeps it when the person says no', async () => {
    stub();
    renderTracker('/issues?program=HX');
    const dialog = await openForm();
    fireEvent.change(within(dialog).getByLabelText('Title'), { target: { value: 'Keep me' } });
    const confirm = jest.spyOn(window, 'confirm').mockReturnValueOnce(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(confirm).toHaveBeenCalledWith('Discard what you typed? It has not been sent.');
    expect(within(dialog).getByLabelText('Title')).toHaveValue('Keep me');

    confirm.mockReturnValueOnce(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(location().pathname).toBe('/issues');
    expect(Object.keys(localStorage).filter((key) => key.startsWith('ipt.draft'))).toEqual([]);
    confirm.mockRestore();
  });

  it('offers no raise button to someone who may raise on no team', async () => {
    stub({ TrackerProgram: () => programAnswer([]) });
    renderTracker('/issues?program=HX');
    await grid();
    await programLoaded();
    expect(screen.queryByRole('link', { name: 'Raise issue' })).not.toBeInTheDocument();
  });
});

describe('IssueTracker: saved views', () => {
  const VIEWS = [
    { id: 'v1', name: 'Overdue WIPT', programKey: 'HX', query: '{"tier":"WIPT","overdue":"true"}' },
    { id: 'v2', name: 'Submarine critical', programKey: 'SUB', query: '{"consequence":"5"}' },
  ];

  it('applies a saved view, in its own program', async () => {
    stub({ TrackerSavedViews: () => ({ data: { savedViews: VIEWS } }) });
    renderTracker('/issues?program=HX');
    await grid();
    const select = screen.getByLabelText('Saved views');
    await within(select).findByRole('option', { name: 'Overdue WIPT' });
    expect(
      within(select).getByRole('option', { name: 'Submarine critical (SUB)' }),
    ).toBeInTheDocument();

    fireEvent.change(select, { target: { value: 'v1' } });
    expect(location().search).toBe('?program=HX&tier=WIPT&overdue=true');
    expect(screen.getByLabelText('Saved views')).toHaveValue('v1');
    expect(screen.getByLabelText('Tier')).toHaveValue('WIPT');

    await grid();

    fireEvent.change(screen.getByLabelText('Saved views'), { target: { value: 'v2' } });
    expect(location().search).toBe('?program=SUB&consequence=5');
    await screen.findByRole('grid', { name: 'Issues in SUB – Next Submarine' });
  });

  it('saves the current filters and sort under a name, and shows a name error at the field', async () => {
    let views: typeof VIEWS = [];
    let answer: unknown = gqlError('BAD_USER_INPUT', 'name must be at most 80 characters.', {
      field: 'name',
    });
    const all = stub({
      TrackerSavedViews: () => ({ data: { savedViews: views } }),
      TrackerSaveView: () => answer,
    });
    renderTracker('/issues?program=HX&tier=WIPT&sort=due&dir=asc');
    await grid();

    fireEvent.click(screen.getByRole('button', { name: 'Save view' }));
    const form = screen.getByRole('form', { name: 'Save view' });
    const name = within(form).getByLabelText('View name');
    fireEvent.change(name, { target: { value: 'Due soon at WIPT' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(name).toHaveAccessibleDescription('name must be at most 80 characters.'),
    );

    const saved = {
      id: 'v3',
      name: 'Due soon at WIPT',
      programKey: 'HX',
      query: '{"tier":"WIPT","sort":"due","dir":"asc"}',
    };
    answer = { data: { saveView: saved } };
    views = [saved];
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByLabelText('Saved views')).toHaveValue('v3'));
    expect(screen.queryByRole('form', { name: 'Save view' })).not.toBeInTheDocument();
    expect(screen.getByText('Saved view “Due soon at WIPT”.')).toHaveAttribute('role', 'status');
    expect(lastCall(all, 'TrackerSaveView').variables).toEqual({
      input: {
        name: 'Due soon at WIPT',
        programKey: 'HX',
        query: '{"tier":"WIPT","sort":"due","dir":"asc"}',
      },
    });
  });

  it('deletes the view being shown', async () => {
    let views = VIEWS;
    const all = stub({
      TrackerSavedViews: () => ({ data: { savedViews: views } }),
      TrackerDeleteView: () => {
        views = VIEWS.slice(1);
        return { data: { deleteView: { id: 'v1', name: 'Overdue WIPT' } } };
      },
    });
    renderTracker('/issues?program=HX&tier=WIPT&overdue=true');
    await grid();
    const remove = await screen.findByRole('button', { name: 'Delete view' });
    fireEvent.click(remove);

    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Delete view' })).not.toBeInTheDocument(),
    );
    expect(lastCall(all, 'TrackerDeleteView').variables).toEqual({ id: 'v1' });
    expect(
      within(screen.getByLabelText('Saved views')).queryByRole('option', { name: 'Overdue WIPT' }),
    ).not.toBeInTheDocument();
    // The filters stay; only the saved view is gone.
    expect(location().search).toBe('?program=HX&tier=WIPT&overdue=true');
  });
});
