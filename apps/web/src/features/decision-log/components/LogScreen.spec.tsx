import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { gqlError, restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import type { LogDecision } from '../api/get-decisions';
import type { LogProgram } from '../api/get-log-programs';
import { LogScreen, authorityChoices, teamChoices } from './LogScreen';

const NOW = new Date(2026, 2, 2, 9, 30);

const programs: LogProgram[] = [
  {
    id: 'p1',
    key: 'HX',
    name: 'HX Tactical Radio',
    timeZone: 'America/New_York',
    viewerMayVerifyRecord: false,
    disciplines: [
      { code: 'test', name: 'Test & evaluation' },
      { code: 'cost', name: 'Cost & financial management' },
    ],
    teams: [
      {
        id: 't-oipt',
        name: 'HX Overarching IPT',
        tier: 'OIPT',
        members: [
          { id: 'm1', decisionAuthority: true, user: { id: 'u-lead', name: 'Lee Ramirez' } },
        ],
      },
      {
        id: 't-hw',
        name: 'Radio Hardware WIPT',
        tier: 'WIPT',
        members: [
          { id: 'm2', decisionAuthority: true, user: { id: 'u-pm', name: 'Pat Morgan' } },
          { id: 'm3', decisionAuthority: false, user: { id: 'u-eng', name: 'Erin Engel' } },
        ],
      },
    ],
  },
  {
    id: 'p2',
    key: 'SUB',
    name: 'Next Submarine',
    timeZone: 'America/New_York',
    viewerMayVerifyRecord: false,
    disciplines: [],
    teams: [],
  },
];

function decision(n: number, overrides: Partial<LogDecision> = {}): LogDecision {
  return {
    id: `d${n}`,
    decidedAt: `2026-02-${String(20 - n).padStart(2, '0')}T14:00:00.000Z`,
    dueAt: null,
    onTime: true,
    rationale: `Rationale ${n}`,
    conditions: '',
    tier: 'WIPT',
    superseded: false,
    dissentingDisciplines: [],
    option: { id: `o${n}`, label: 'A', title: `Option of ${n}` },
    decidedBy: { id: 'u-pm', name: 'Pat Morgan' },
    team: { id: 't-hw', name: 'Radio Hardware WIPT', tier: 'WIPT' },
    nonConcurrences: [],
    actionItems: [],
    issue: {
      id: `i${n}`,
      key: `HX-${n}`,
      title: `Issue number ${n}`,
      program: { key: 'HX', timeZone: 'America/New_York' },
    },
    ...overrides,
  };
}

const split = decision(1, {
  dissentingDisciplines: ['test'],
  nonConcurrences: [{ id: 'n1' }],
  onTime: false,
  rationale: 'The radome layup wins, "clearly", on cost.',
});
const superseded = decision(2, { superseded: true, onTime: null });
const plain = decision(3);

function page(nodes: LogDecision[], endCursor: string | null) {
  return {
    data: {
      decisions: {
        totalCount: 3,
        pageInfo: { hasNextPage: endCursor !== null, endCursor },
        edges: nodes.map((node) => ({ node })),
      },
    },
  };
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.search}</output>;
}

async function renderLog(url = '/decisions') {
  const result = render(
    <MemoryRouter initialEntries={[url]}>
      <LogScreen now={NOW} />
      <Location />
    </MemoryRouter>,
  );
  // The programs behind the filters have loaded.
  await screen.findByRole('option', { name: 'HX – HX Tactical Radio' });
  return result;
}

function stubLog(handler?: (variables: Record<string, unknown> | undefined) => unknown) {
  return stubGraphQL({
    DecisionLogPrograms: () => ({ data: { programs } }),
    DecisionLog:
      handler ??
      ((variables) =>
        variables?.['after'] === 'c1' ? page([plain], null) : page([split, superseded], 'c1')),
  });
}

const rowHeaders = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => within(cell).getByRole('link').textContent);

afterEach(restoreFetch);

describe('the decision log', () => {
  it('loads every page, newest first, into a captioned table', async () => {
    const calls = stubLog();
    await renderLog();
    expect(screen.getByRole('heading', { level: 1, name: 'Decision log' })).toBeInTheDocument();
    const table = await screen.findByRole('table', {
      name: 'Decisions, newest first: 3 decisions',
    });
    expect(rowHeaders()).toEqual(['HX-1', 'HX-2', 'HX-3']);
    const logCalls = calls.filter((call) => call.operationName === 'DecisionLog');
    expect(logCalls.map((call) => call.variables?.['after'])).toEqual([null, 'c1']);
    expect(logCalls[0]!.variables).toMatchObject({
      first: 100,
      programKey: null,
      withDissent: null,
    });

    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(within(first!).getByRole('link', { name: 'HX-1' })).toHaveAttribute(
      'href',
      '/issues/HX-1',
    );
    expect(first).toHaveTextContent('A – Option of 1');
    expect(first).toHaveTextContent('Pat Morgan');
    expect(first).toHaveTextContent('Late');
    expect(first).toHaveTextContent('Test & evaluation');
    expect(first).toHaveTextContent('1 non-concurrence');
    expect(first).toHaveTextContent('Current');
    expect(second).toHaveTextContent('Superseded');
    expect(second).toHaveTextContent('No due date');
  });

  it('sends the filters in the URL to the API', async () => {
    const calls = stubLog(() => page([split], null));
    await renderLog(
      '/decisions?program=HX&team=t-hw&tier=WIPT&authority=u-pm&from=2026-02-01&to=2026-02-28&status=current&dissent=with',
    );
    await screen.findByRole('table');
    expect(calls.find((call) => call.operationName === 'DecisionLog')!.variables).toEqual({
      first: 100,
      after: null,
      programKey: 'HX',
      teamId: 't-hw',
      tier: 'WIPT',
      authorityId: 'u-pm',
      // HX's days, in New York, whatever the browser's zone.
      decidedFrom: '2026-02-01T05:00:00.000Z',
      decidedTo: '2026-03-01T05:00:00.000Z',
      superseded: false,
      withDissent: true,
    });
    expect(screen.getByLabelText('Program')).toHaveValue('HX');
    expect(screen.getByLabelText('Team')).toHaveValue('t-hw');
    expect(screen.getByLabelText('Authority')).toHaveValue('u-pm');
    expect(screen.getByLabelText('Superseded or current')).toHaveValue('current');
    expect(screen.getByLabelText('Dissent')).toHaveValue('with');
  });

  it('puts a changed filter in the URL and loads again', async () => {
    const calls = stubLog(() => page([split], null));
    await renderLog();
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Dissent'), { target: { value: 'without' } });
    expect(screen.getByTestId('location')).toHaveTextContent('?dissent=without');
    await waitFor(() =>
      expect(calls.at(-1)!.variables).toMatchObject({ withDissent: false, after: null }),
    );
    fireEvent.change(screen.getByLabelText('Superseded or current'), {
      target: { value: 'superseded' },
    });
    expect(screen.getByTestId('location')).toHaveTextContent('?status=superseded&dissent=without');
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByTestId('location')).toBeEmptyDOMElement();
    await screen.findByRole('table');
    expect(calls.at(-1)!.variables).toMatchObject({ withDissent: null, superseded: null });
  });

  it('searches key, title and rationale among the loaded rows', async () => {
    const calls = stubLog();
    await renderLog();
    await screen.findByRole('table');
    const before = calls.length;
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'radome' } });
    expect(rowHeaders()).toEqual(['HX-1']);
    expect(screen.getByRole('table')).toHaveAccessibleName(
      'Decisions, newest first: 1 of 3 decisions match the search',
    );
    expect(screen.getByTestId('location')).toHaveTextContent('?q=radome');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'hx-3' } });
    expect(rowHeaders()).toEqual(['HX-3']);
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'nothing like it' } });
    expect(screen.getByText('No decisions match these filters')).toBeInTheDocument();
    expect(calls).toHaveLength(before);
  });

  it('refuses a period ending before it starts, at the "To" field', async () => {
    const calls = stubLog();
    await renderLog('/decisions?from=2026-03-10&to=2026-03-01');
    const to = await screen.findByLabelText('To');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(to).toHaveAccessibleDescription('“To” must not be before “From”.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
    // Nothing is asked of the server until the period makes sense.
    expect(calls.some((call) => call.operationName === 'DecisionLog')).toBe(false);
  });

  it('shows the API’s refusal of a period at the field it names', async () => {
    stubLog(() =>
      gqlError('BAD_USER_INPUT', 'decidedTo must not be before decidedFrom.', {
        field: 'decidedTo',
      }),
    );
    await renderLog('/decisions?to=2026-03-01');
    const to = await screen.findByLabelText('To');
    await waitFor(() =>
      expect(to).toHaveAccessibleDescription('decidedTo must not be before decidedFrom.'),
    );
  });

  it('shows a failure to load, with a way to try again', async () => {
    let fail = true;
    stubLog(() => (fail ? gqlError('UNEXPECTED', 'Database is down.') : page([plain], null)));
    await renderLog();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the decision log');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('says when there are no decisions at all', async () => {
    stubLog(() => page([], null));
    await renderLog();
    expect(await screen.findByText('No decisions yet')).toBeInTheDocument();
  });

  it('exports exactly the rows shown, named after the day', async () => {
    stubLog();
    const blobs: Blob[] = [];
    const downloads: string[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      downloads.push(this.download);
    });
    try {
      await renderLog('/decisions?q=radome');
      await screen.findByRole('table');
      fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      expect(downloads).toEqual(['decision-log-2026-03-02.csv']);
      const text = await new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(blobs[0]!);
      });
      const lines = text.replace(/^\uFEFF/, '').split('\r\n');
      expect(lines[0]).toBe(
        'Decided at,Time zone,Issue,Title,Option,Option title,Decided by,Team,Tier,Due at,Timeliness,Rationale,Conditions,Action items,Dissenting disciplines,Non-concurrences,Status',
      );
      expect(lines.slice(1)).toEqual([
        '2026-02-19T09:00:00-05:00,America/New_York,HX-1,Issue number 1,A,Option of 1,Pat Morgan,Radio Hardware WIPT,WIPT,,Late,"The radome layup wins, ""clearly"", on cost.",,,Test & evaluation,1,Current',
        '',
      ]);
    } finally {
      click.mockRestore();
    }
  });
});

describe('the filter choices', () => {
  it('offer the chosen program’s teams, or every program’s with its key', () => {
    expect(teamChoices(programs, 'HX').map((c) => c.label)).toEqual([
      'HX Overarching IPT (OIPT)',
      'Radio Hardware WIPT (WIPT)',
    ]);
    expect(teamChoices(programs, '').map((c) => c.label)).toEqual([
      'HX Overarching IPT (HX OIPT)',
      'Radio Hardware WIPT (HX WIPT)',
    ]);
  });

  it('offer decision authorities and whoever decided something loaded, by name', () => {
    const byFormer = decision(9, { decidedBy: { id: 'u-old', name: 'Alex Former' } });
    expect(authorityChoices(programs, '', [byFormer])).toEqual([
      { value: 'u-old', label: 'Alex Former' },
      { value: 'u-lead', label: 'Lee Ramirez' },
      { value: 'u-pm', label: 'Pat Morgan' },
    ]);
    expect(authorityChoices(programs, 'SUB', [])).toEqual([]);
  });
});
