import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { gqlError, restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import type { IssueConnection, Program } from '../api/types';
import { IssuesPage } from './IssuesPage';

const programs: Program[] = [
  { id: 'p1', key: 'HX', name: 'Heavy Lift Helicopter', phase: 'EMD' },
  { id: 'p2', key: 'SUB', name: 'Next Submarine', phase: 'TMRR' },
];

function connection(keys: string[], totalCount = keys.length): IssueConnection {
  return {
    totalCount,
    pageInfo: { hasNextPage: totalCount > keys.length, endCursor: keys.at(-1) ?? null },
    edges: keys.map((key) => ({
      cursor: key,
      node: {
        id: key,
        key,
        title: `Issue ${key}`,
        status: 'OPEN',
        consequence: 3,
        impactArea: 'COST',
        raisedAt: '2026-01-05T12:00:00.000Z',
        owner: null,
        currentTeam: { id: 't1', name: 'Airframe', tier: 'IIPT' },
      },
    })),
  };
}

function renderPage(url = '/issues') {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <IssuesPage />
    </MemoryRouter>,
  );
}

afterEach(restoreFetch);

describe('IssuesPage', () => {
  it("lists every program's issues, then one program's when it is picked", async () => {
    const calls = stubGraphQL({
      Programs: () => ({ data: { programs } }),
      Issues: (variables) =>
        variables?.['programKey'] === 'SUB'
          ? { data: { issues: connection(['SUB-1']) } }
          : { data: { issues: connection(['HX-1', 'SUB-1']) } },
    });
    renderPage();

    expect(screen.getByRole('status')).toHaveTextContent('Loading issues…');
    const table = await screen.findByRole('table', { name: 'Issues in all programs' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['HX-1', 'SUB-1']);
    const issuesCall = calls.find((call) => call.operationName === 'Issues')!;
    expect(issuesCall.variables).toEqual({ first: 100 });

    const select = await screen.findByLabelText('Program');
    expect(select).toHaveValue('');
    expect(within(select).getByRole('option', { name: 'All programs' })).toBeInTheDocument();
    fireEvent.change(select, { target: { value: 'SUB' } });

    const filtered = await screen.findByRole('table', { name: 'Issues in SUB – Next Submarine' });
    expect(
      within(filtered)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['SUB-1']);
    expect(calls.at(-1)!.variables).toEqual({ programKey: 'SUB', first: 100 });
  });

  it('offers no program picker when there is only one program', async () => {
    stubGraphQL({
      Programs: () => ({ data: { programs: programs.slice(0, 1) } }),
      Issues: () => ({ data: { issues: connection(['HX-1']) } }),
    });
    renderPage();

    await screen.findByRole('table', { name: 'Issues in HX – Heavy Lift Helicopter' });
    expect(screen.queryByLabelText('Program')).not.toBeInTheDocument();
  });

  it('says when only the first page is shown', async () => {
    stubGraphQL({
      Programs: () => ({ data: { programs } }),
      Issues: () => ({ data: { issues: connection(['HX-1', 'HX-2'], 250) } }),
    });
    renderPage();

    expect(await screen.findByText('Showing the first 2 of 250 issues.')).toBeInTheDocument();
  });

  it('shows the empty state when there are no issues', async () => {
    stubGraphQL({
      Programs: () => ({ data: { programs } }),
      Issues: () => ({ data: { issues: connection([]) } }),
    });
    renderPage();

    expect(await screen.findByText('No issues yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the error and loads again on request', async () => {
    let fail = true;
    stubGraphQL({
      Programs: () => ({ data: { programs } }),
      Issues: () =>
        fail
          ? gqlError('FORBIDDEN', 'You are not a member of this program.')
          : { data: { issues: connection(['HX-1']) } },
    });
    renderPage('/issues?program=HX');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the issues');
    expect(alert).toHaveTextContent('You are not a member of this program.');

    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('table', { name: 'Issues in HX – Heavy Lift Helicopter' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
