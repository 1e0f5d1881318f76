import { render, screen, within } from '@testing-library/react';
import type { IssueListItem } from '../api/types';
import { IssuesTable } from './IssuesTable';

function issue(overrides: Partial<IssueListItem> = {}): IssueListItem {
  return {
    id: 'i1',
    key: 'HX-1',
    title: 'Hydraulic pump exceeds weight allocation',
    status: 'AWAITING_DECISION',
    consequence: 4,
    impactArea: 'PERFORMANCE',
    raisedAt: '2026-03-14T09:30:00.000Z',
    owner: { id: 'u1', name: 'Ada Lovelace' },
    currentTeam: { id: 't1', name: 'Airframe', tier: 'WIPT' },
    ...overrides,
  };
}

describe('IssuesTable', () => {
  it('renders one row per issue under captioned column headers', () => {
    render(
      <IssuesTable
        caption="Issues in all programs"
        issues={[
          issue(),
          issue({
            id: 'i2',
            key: 'HX-2',
            title: 'Avionics software slips a quarter',
            status: 'OPEN',
            consequence: 5,
            owner: null,
            currentTeam: { id: 't2', name: 'Program office', tier: 'OIPT' },
          }),
        ]}
      />,
    );

    const table = screen.getByRole('table', { name: 'Issues in all programs' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual(['Key', 'Title', 'Status', 'Consequence', 'Owner', 'Team', 'Raised']);

    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByRole('rowheader')).toHaveTextContent('HX-1');
    expect(first).toHaveTextContent('Hydraulic pump exceeds weight allocation');
    expect(first).toHaveTextContent('Awaiting decision');
    expect(first).toHaveTextContent('4 – Significant');
    expect(first).toHaveTextContent('Ada Lovelace');
    expect(first).toHaveTextContent('Airframe WIPT');
    expect(within(first!).getByTitle('Working-level IPT')).toHaveTextContent('WIPT');
    expect(first!.querySelector('time')).toHaveAttribute('datetime', '2026-03-14T09:30:00.000Z');

    expect(within(second!).getByRole('rowheader')).toHaveTextContent('HX-2');
    expect(second).toHaveTextContent('Open');
    expect(second).toHaveTextContent('5 – Critical');
    expect(second).toHaveTextContent('Unassigned');
    expect(second).toHaveTextContent('Program office OIPT');
  });

  it('says an untriaged issue is not rated yet', () => {
    render(
      <IssuesTable caption="Issues" issues={[issue({ status: 'OPEN', consequence: null })]} />,
    );

    expect(screen.getAllByRole('row')[1]).toHaveTextContent('Not rated');
  });

  it('shows the raised date as a date, not the raw timestamp', () => {
    render(<IssuesTable caption="Issues" issues={[issue()]} />);

    const raised = screen.getByRole('table').querySelector('time')!;
    expect(raised.textContent).not.toContain('T09:30');
    expect(raised.textContent).toMatch(/2026/);
  });

  it('says there are no issues yet instead of rendering an empty table', () => {
    render(<IssuesTable caption="Issues in all programs" issues={[]} />);

    expect(screen.getByText('No issues yet')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
