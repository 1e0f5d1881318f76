import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import {
  restoreFetch,
  stubGraphQL,
  type GraphQLCall,
  type OperationHandler,
} from '../../../test/graphql-stub';
import { aReport } from '../testing';
import { ProgramDashboard } from './ProgramDashboard';

jest.mock('../../../lib/live', () => ({ useIssueActivity: jest.fn() }));

// jsdom has no ResizeObserver; recharts' responsive charts ask for one.
beforeAll(() => {
  if (!('ResizeObserver' in globalThis)) {
    Object.assign(globalThis, {
      ResizeObserver: class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    });
  }
});
afterEach(restoreFetch);

const PROGRAMS = [
  {
    id: 'p1',
    key: 'HX',
    name: 'HX Tactical Radio',
    timeZone: 'America/New_York',
    myRole: 'PROGRAM_MANAGER',
  },
  { id: 'p2', key: 'SUB', name: 'Next Submarine', timeZone: 'UTC', myRole: 'MEMBER' },
];

function stub(overrides: Record<string, OperationHandler> = {}): GraphQLCall[] {
  return stubGraphQL({
    DashboardPrograms: () => ({ data: { programs: PROGRAMS } }),
    DashboardProgram: () => ({
      data: {
        program: {
          id: 'p1',
          key: 'HX',
          teams: [{ id: 'team-hw', name: 'Radio Hardware WIPT', tier: 'WIPT', active: true }],
          disciplines: [{ code: 'engineering', name: 'Systems engineering' }],
        },
      },
    }),
    DashboardTimeliness: () => ({ data: { timeliness: aReport() } }),
    ...overrides,
  });
}

function Location() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

function renderDashboard(url: string) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        <Route path="/dashboard" element={<ProgramDashboard />} />
        <Route path="/issues" element={<p>The tracker</p>} />
      </Routes>
      <Location />
    </MemoryRouter>,
  );
}

const location = () => new URL(screen.getByTestId('location').textContent!, 'http://x');
const lastCall = (all: GraphQLCall[], name: string) =>
  all.filter((c) => c.operationName === name).at(-1)!;

const openFigure = () =>
  within(screen.getByRole('list', { name: 'Headline figures' }))
    .getByText('Open issues')
    .closest('li');

async function panel(title: RegExp) {
  return screen.findByRole('region', { name: title });
}

describe(ProgramDashboard.name, () => {
  it('shows the headline figures with their trends and previous values', async () => {
    stub();
    renderDashboard('/dashboard?program=HX');
    const headline = await screen.findByRole('list', { name: 'Headline figures' });
    const open = within(headline).getByText('Open issues').closest('li')!;
    expect(open).toHaveTextContent('14 issues');
    expect(open).toHaveTextContent('up 2 since the period’s start');
    expect(open).toHaveTextContent('was 12 at the period’s start');
    const overdue = within(headline).getByRole('link', { name: /Overdue: 5 issues/ });
    expect(overdue).toHaveAttribute('href', '/issues?program=HX&overdue=true');
    expect(headline).toHaveTextContent('91%');
    expect(headline).toHaveTextContent('28 days');
    expect(screen.queryByRole('complementary', { name: 'Replaying the past' })).toBeNull();
  });

  it('asks for the URL’s filters, with local dates as instants in the program’s zone', async () => {
    const all = stub();
    renderDashboard('/dashboard?program=HX&tier=WIPT&from=2026-01-05&asOf=2026-03-01');
    await screen.findByRole('list', { name: 'Headline figures' });
    expect(lastCall(all, 'DashboardTimeliness').variables).toEqual({
      programKey: 'HX',
      filter: { tier: 'WIPT', from: '2026-01-05T05:00:00.000Z' },
      asOf: '2026-03-02T04:59:59.999Z',
    });
    expect(screen.getByLabelText('Tier')).toHaveValue('WIPT');
    expect(screen.getByLabelText('As of')).toHaveValue('2026-03-01');
  });

  it('gives every chart’s numbers as a table, each linking to the tracker', async () => {
    stub();
    renderDashboard('/dashboard?program=HX');

    const aging = await panel(/Open issues by age/);
    fireEvent.click(within(aging).getByRole('button', { name: 'Show as table' }));
    const agingTable = within(aging).getByRole('table', { name: 'Open issues by age' });
    const band = within(agingTable).getByRole('row', { name: /16-30 days/ });
    expect(band).toHaveTextContent('raised 31 Jan 2026 to 14 Feb 2026');
    expect(within(band).getByRole('link')).toHaveAttribute(
      'href',
      '/issues?program=HX&status=OPEN,IN_REVIEW,AWAITING_DECISION,DECIDED&raisedFrom=2026-01-31&raisedTo=2026-02-14',
    );
    expect(within(band).getByRole('link')).toHaveTextContent('5');
    expect(within(aging).getByRole('button', { name: 'Show as chart' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    const disciplines = await panel(/Recommendation latency by discipline/);
    fireEvent.click(within(disciplines).getByRole('button', { name: 'Show as table' }));
    const engineering = within(disciplines).getByRole('row', { name: /Systems engineering/ });
    expect(
      within(engineering)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['4', '6.3', '14', '1', '0', '93%']);
    expect(within(engineering).getByRole('link')).toHaveAttribute(
      'href',
      '/issues?program=HX&pending=engineering&overdue=true',
    );

    const authorities = await panel(/Decision latency by authority/);
    fireEvent.click(within(authorities).getByRole('button', { name: 'Show as table' }));
    const hardware = within(authorities).getByRole('row', { name: /Radio Hardware WIPT/ });
    expect(hardware).toHaveTextContent('Radio Hardware WIPT (Pat Morgan)');
    expect(within(hardware).getByRole('link')).toHaveAttribute(
      'href',
      '/issues?program=HX&status=AWAITING_DECISION&team=team-hw',
    );

    const tiers = await panel(/Issues at each tier/);
    fireEvent.click(within(tiers).getByRole('button', { name: 'Show as table' }));
    const iipt = within(tiers).getByRole('row', { name: /^IIPT/ });
    expect(
      within(iipt)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '14 / 24', '9 / 27', '2 / 2', '100%']);

    const weeks = await panel(/Opened vs closed per week/);
    fireEvent.click(within(weeks).getByRole('button', { name: 'Show as table' }));
    const week = within(weeks).getByRole('row', { name: /16 Feb 2026/ });
    expect(
      within(week)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', '2', '2']);
    expect(within(week).getByRole('link', { name: /^2 – issues closed/ })).toHaveAttribute(
      'href',
      '/issues?program=HX&endedFrom=2026-02-16&endedTo=2026-02-22',
    );
    fireEvent.click(within(week).getByRole('link', { name: /^3 – issues raised/ }));
    expect(location().pathname).toBe('/issues');
    expect(location().search).toBe('?program=HX&raisedFrom=2026-02-16&raisedTo=2026-02-22');
  });

  it('makes a week’s opened and closed bars links to the issues raised, and ended, that week', async () => {
    // jsdom lays nothing out; give the chart a size so recharts draws its bars. The legend and
    // other parts are measured too, and must leave room for the plot.
    const layout = jest
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockImplementation(function (this: HTMLElement) {
        const height = this.classList.contains('recharts-wrapper') ? 280 : 20;
        return new DOMRect(0, 0, 800, height);
      });
    try {
      stub();
      renderDashboard('/dashboard?program=HX&tier=WIPT');
      const weeks = await panel(/Opened vs closed per week/);
      const opened = await within(weeks).findByRole('link', {
        name: /^Week of 16 Feb 2026: 3 issues opened.*Open the issues raised that week/,
      });
      expect(opened).toHaveAttribute(
        'href',
        '/issues?program=HX&tier=WIPT&raisedFrom=2026-02-16&raisedTo=2026-02-22',
      );
      const closed = within(weeks).getByRole('link', {
        name: 'Week of 16 Feb 2026: 2 issues closed (resolved, closed or withdrawn). Open the issues closed that week in the tracker.',
      });
      // The dashboard's tier goes along, as for every other chart.
      expect(closed).toHaveAttribute(
        'href',
        '/issues?program=HX&tier=WIPT&endedFrom=2026-02-16&endedTo=2026-02-22',
      );
      // One closed bar per week, each a link of its own (an empty week too: 0 closed).
      expect(within(weeks).getAllByRole('link', { name: /issues? closed \(/ })).toHaveLength(3);
      // A real link: in the tab order, and a click opens the tracker within the app.
      closed.focus();
      expect(closed).toHaveFocus();
      fireEvent.click(closed);
      expect(location().pathname).toBe('/issues');
      expect(location().search).toBe(
        '?program=HX&tier=WIPT&endedFrom=2026-02-16&endedTo=2026-02-22',
      );
    } finally {
      layout.mockRestore();
    }
  });

  it('lists the overdue issues and action items and the forecasts, linking to each issue', async () => {
    stub();
    renderDashboard('/dashboard?program=HX');
    const overdue = await panel(/Overdue issues \(1\)/);
    expect(within(overdue).getByRole('link', { name: 'HX-13' })).toHaveAttribute(
      'href',
      '/issues/HX-13',
    );
    expect(overdue).toHaveTextContent('12 days');
    const actions = screen.getByRole('region', { name: /Overdue action items \(1\)/ });
    expect(actions).toHaveTextContent('Lena Lopez');
    const forecasts = screen.getByRole('region', { name: 'Pending decisions and their forecasts' });
    expect(forecasts).toHaveTextContent('HX-20');
    expect(forecasts).toHaveTextContent('May land after the due date');
    expect(forecasts).toHaveTextContent('from 7 past decisions of Radio Hardware WIPT');
  });

  it('on a large program lists the most urgent, says how many in all, and links to the rest', async () => {
    stub({
      DashboardTimeliness: () => ({
        data: {
          timeliness: aReport({
            overdueIssueCount: 5920,
            overdueActionItemCount: 2081,
            forecastCount: 5653,
          }),
        },
      }),
    });
    renderDashboard('/dashboard?program=HX&tier=WIPT');
    const overdue = await panel(/Overdue issues \(5,920\)/);
    expect(overdue).toHaveTextContent('The 1 most overdue of 5,920.');
    expect(
      within(overdue).getByRole('link', { name: 'All overdue issues in the tracker' }),
    ).toHaveAttribute('href', '/issues?program=HX&tier=WIPT&overdue=true');
    const actions = screen.getByRole('region', { name: /Overdue action items \(2,081\)/ });
    expect(actions).toHaveTextContent('The 1 most overdue of 2,081.');
    const forecasts = screen.getByRole('region', { name: 'Pending decisions and their forecasts' });
    expect(forecasts).toHaveTextContent('The 1 soonest of 5,653.');
    fireEvent.click(
      within(forecasts).getByRole('link', {
        name: 'All issues awaiting a decision in the tracker',
      }),
    );
    expect(location().search).toBe('?program=HX&status=AWAITING_DECISION&tier=WIPT');
  });

  it('says nothing of a limit when every item is listed', async () => {
    stub();
    renderDashboard('/dashboard?program=HX');
    const overdue = await panel(/Overdue issues \(1\)/);
    expect(overdue).not.toHaveTextContent('most overdue of');
    expect(screen.queryByRole('link', { name: 'All overdue issues in the tracker' })).toBeNull();
    expect(
      screen.queryByRole('link', { name: 'All issues awaiting a decision in the tracker' }),
    ).toBeNull();
  });

  it('makes replaying the past obvious, and comes back to today', async () => {
    stub({
      DashboardTimeliness: (variables) => ({
        data: {
          timeliness: aReport(
            variables?.['asOf']
              ? {
                  computedFrom: 'EVENT_REPLAY',
                  asOf: String(variables['asOf']),
                  headline: { ...aReport().headline, open: { value: 5, previous: 0 } },
                }
              : {},
          ),
        },
      }),
    });
    renderDashboard('/dashboard?program=HX');
    await screen.findByRole('list', { name: 'Headline figures' });

    fireEvent.change(screen.getByLabelText('As of'), { target: { value: '2026-03-01' } });
    const banner = await screen.findByRole('complementary', { name: 'Replaying the past' });
    await waitFor(() =>
      expect(banner).toHaveTextContent('As of 1 Mar 2026 — rebuilt from the event log'),
    );
    expect(location().search).toBe('?program=HX&asOf=2026-03-01');
    await waitFor(() => expect(openFigure()).toHaveTextContent('5 issues'));

    fireEvent.click(within(banner).getByRole('button', { name: 'Back to today' }));
    await waitFor(() => expect(location().search).toBe('?program=HX'));
    expect(screen.queryByRole('complementary', { name: 'Replaying the past' })).toBeNull();
    await waitFor(() => expect(openFigure()).toHaveTextContent('14 issues'));
  });

  it('opens on the first program the user manages when the URL names none', async () => {
    const all = stub({
      DashboardPrograms: () => ({ data: { programs: [...PROGRAMS].reverse() } }),
    });
    renderDashboard('/dashboard');
    await screen.findByRole('list', { name: 'Headline figures' });
    expect(screen.getByLabelText('Program')).toHaveValue('HX');
    expect(lastCall(all, 'DashboardTimeliness').variables).toEqual({ programKey: 'HX' });
  });
});
