import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { restoreFetch, stubGraphQL, type GraphQLCall } from '../../../test/graphql-stub';
import { MyDecisions } from './MyDecisions';

afterEach(restoreFetch);

const MINE = {
  decided: 3,
  decidedOnTime: 2,
  decidedLate: 1,
  decidedUntimed: 0,
  onTimeRate: 2 / 3,
  pending: [
    {
      issueKey: 'HX-13',
      title: 'Interim contractor support ends before the depot is activated',
      teamName: 'Test & Sustainment WIPT',
      tier: 'WIPT',
      authorityNames: ['Pat Morgan'],
      readyAt: '2026-02-20T14:00:00.000Z',
      dueAt: '2026-02-25T14:00:00.000Z',
      p50At: '2026-03-04T14:00:00.000Z',
      p90At: '2026-03-04T14:00:00.000Z',
      basis: 'TIER',
      basisCount: 9,
      basisLabel: '9 past WIPT decisions (too few of Test & Sustainment WIPT)',
    },
  ],
  decisions: [
    {
      issueKey: 'HX-14',
      title: 'Waveform source code delivered with restrictive data rights legends',
      tier: 'IIPT',
      readyAt: '2026-02-20T14:00:00.000Z',
      decidedAt: '2026-02-22T14:00:00.000Z',
      dueAt: '2026-02-23T14:00:00.000Z',
      latencyDays: 2,
      marginDays: -1,
    },
    {
      issueKey: 'HX-7',
      title: 'Solder voids under the RF amplifier ground pad exceed IPC Class 3',
      tier: 'WIPT',
      readyAt: '2026-01-18T14:00:00.000Z',
      decidedAt: '2026-02-06T14:00:00.000Z',
      dueAt: '2026-01-22T14:00:00.000Z',
      latencyDays: 19,
      marginDays: 15,
    },
  ],
};

function renderMine(url: string): GraphQLCall[] {
  const calls = stubGraphQL({
    DashboardPrograms: () => ({
      data: {
        programs: [
          {
            id: 'p1',
            key: 'HX',
            name: 'HX Tactical Radio',
            timeZone: 'America/New_York',
            myRole: 'PROGRAM_MANAGER',
          },
        ],
      },
    }),
    MyDecisionTimeliness: () => ({ data: { myDecisionTimeliness: MINE } }),
  });
  render(
    <MemoryRouter initialEntries={[url]}>
      <MyDecisions />
    </MemoryRouter>,
  );
  return calls;
}

describe(MyDecisions.name, () => {
  it('shows my on-time rate, my pending decisions with forecasts, and my decisions against due', async () => {
    const calls = renderMine('/leadership?program=HX');
    const summary = await screen.findByRole('list', { name: 'My timeliness' });
    expect(summary).toHaveTextContent('My on-time rate67%');
    expect(summary).toHaveTextContent('2 of 3 decisions with a due date made by it');

    const pending = screen.getByRole('table', { name: 'My pending decisions, soonest first' });
    const row = within(pending).getByRole('row', { name: /HX-13/ });
    expect(row).toHaveTextContent('Likely after the due date');
    expect(row).toHaveTextContent(
      'from 9 past WIPT decisions (too few of Test & Sustainment WIPT)',
    );
    expect(row).toHaveTextContent('4 Mar 2026');

    const log = screen.getByRole('table', { name: 'My decisions, newest first' });
    const rows = within(log).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual(['HX-14', 'HX-7']);
    expect(rows[0]).toHaveTextContent('On time: 1 day before the due date');
    expect(rows[1]).toHaveTextContent('Late: 15 days after the due date');
    expect(calls.find((c) => c.operationName === 'MyDecisionTimeliness')?.variables).toEqual({
      programKey: 'HX',
    });
  });

  it('replays an earlier day: the end of that day in the program’s zone, with a banner', async () => {
    const calls = renderMine('/leadership?program=HX&asOf=2026-03-01');
    expect(
      await screen.findByRole('complementary', { name: 'Replaying the past' }),
    ).toHaveTextContent('As of 1 Mar 2026');
    await screen.findByRole('list', { name: 'My timeliness' });
    expect(calls.find((c) => c.operationName === 'MyDecisionTimeliness')?.variables).toEqual({
      programKey: 'HX',
      asOf: '2026-03-02T04:59:59.999Z',
    });
  });
});
