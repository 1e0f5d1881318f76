import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { TrackerIssue } from '../api/get-issues';
import { DEFAULT_SORT, type TrackerSort } from '../filters';
import { IssuesTable } from './IssuesTable';

/** jsdom lays nothing out; give the scroll box a height so the virtualizer has a window. */
const VIEWPORT = 800;
let clientHeight: PropertyDescriptor | undefined;
beforeAll(() => {
  clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => VIEWPORT,
  });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
});

function issue(n: number, overrides: Partial<TrackerIssue> = {}): TrackerIssue {
  return {
    id: `i${n}`,
    key: `HX-${n}`,
    number: n,
    title: `Issue number ${n}`,
    status: 'AWAITING_DECISION',
    consequence: 4,
    raisedAt: '2026-03-14T09:30:00.000Z',
    currentStage: 'DECISION',
    currentStageDueAt: '2026-03-20T17:00:00.000Z',
    currentStageOverdue: false,
    owner: { id: 'u1', name: 'Ada Lovelace' },
    currentTeam: { id: 't1', name: 'Radio Hardware WIPT', tier: 'WIPT' },
    ...overrides,
  };
}

function renderTable(issues: TrackerIssue[], sort: TrackerSort = DEFAULT_SORT, onSort = jest.fn()) {
  render(
    <MemoryRouter>
      <IssuesTable
        caption="Issues in HX"
        rowCount={issues.length}
        rowAt={(index) => issues[index]}
        timeZone="America/New_York"
        sort={sort}
        onSort={onSort}
      />
    </MemoryRouter>,
  );
  return { grid: screen.getByRole('grid', { name: 'Issues in HX' }), onSort };
}

const dataRows = (grid: HTMLElement) => within(grid).getAllByRole('row').slice(1);

describe('IssuesTable', () => {
  it('is a grid of rows and cells whose key cell links to the issue', () => {
    const { grid } = renderTable([
      issue(1),
      issue(2, {
        status: 'OPEN',
        consequence: null,
        owner: null,
        currentStage: 'TRIAGE',
        currentStageDueAt: '2026-03-01T00:00:00.000Z',
        currentStageOverdue: true,
        currentTeam: { id: 't2', name: 'HX Overarching IPT', tier: 'OIPT' },
      }),
      issue(3, { status: 'CLOSED', currentStage: null, currentStageDueAt: null }),
    ]);

    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent?.replace(/[▲▼↕]/g, '')),
    ).toEqual([
      'Key',
      'Title',
      'Status',
      'Consequence',
      'Owner',
      'Team',
      'Raised',
      'Current stage due',
    ]);
    expect(grid).toHaveAttribute('aria-rowcount', '4');

    const [first, second, third] = dataRows(grid);
    expect(first).toHaveAttribute('aria-rowindex', '2');
    expect(within(first!).getByRole('link', { name: 'HX-1' })).toHaveAttribute(
      'href',
      '/issues/HX-1',
    );
    expect(within(first!).getAllByRole('gridcell')).toHaveLength(7);
    expect(first).toHaveTextContent('Issue number 1');
    expect(first).toHaveTextContent('Awaiting decision');
    expect(first).toHaveTextContent('4 – Significant');
    expect(first).toHaveTextContent('Ada Lovelace');
    expect(within(first!).getByTitle('Working-level IPT')).toHaveTextContent('WIPT');
    expect(first).toHaveTextContent('Decision');
    expect(first).not.toHaveTextContent('Overdue');

    expect(second).toHaveTextContent('Not rated');
    expect(second).toHaveTextContent('Unassigned');
    expect(second).toHaveTextContent('Triage');
    expect(within(second!).getByText('Overdue')).toBeInTheDocument();

    expect(third).toHaveTextContent('No stage running');
  });

  it('shows dates as dates, with the instant kept in datetime', () => {
    const { grid } = renderTable([issue(1)]);
    const [raised, due] = Array.from(dataRows(grid)[0]!.querySelectorAll('time'));
    expect(raised).toHaveAttribute('datetime', '2026-03-14T09:30:00.000Z');
    // The program's day, written the one way every screen writes days.
    expect(raised!.textContent).toBe('14 Mar 2026');
    expect(raised!.textContent).not.toContain('T09:30');
    expect(due).toHaveAttribute('datetime', '2026-03-20T17:00:00.000Z');
  });

  it('puts only the rows near the window in the page, yet announces them all', () => {
    const issues = Array.from({ length: 5000 }, (_, n) => issue(n + 1));
    const { grid } = renderTable(issues);

    expect(grid).toHaveAttribute('aria-rowcount', '5001');
    const rows = dataRows(grid);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]).toHaveAttribute('aria-rowindex', '2');
    expect(within(grid).queryByRole('link', { name: 'HX-5000' })).not.toBeInTheDocument();
  });

  it('marks the sorted column with aria-sort and asks for a new sort on a header click', () => {
    const { grid, onSort } = renderTable([issue(1), issue(2)], {
      column: 'due',
      direction: 'ascending',
    });

    const due = within(grid).getByRole('columnheader', { name: /Current stage due/ });
    expect(due).toHaveAttribute('aria-sort', 'ascending');
    expect(within(grid).getByRole('columnheader', { name: /Raised/ })).not.toHaveAttribute(
      'aria-sort',
    );

    fireEvent.click(within(grid).getByRole('button', { name: 'Title' }));
    expect(onSort).toHaveBeenCalledWith('title');
  });

  it('keeps one row link in the tab order and moves between rows with the keyboard', () => {
    const issues = Array.from({ length: 300 }, (_, n) => issue(n + 1));
    const { grid } = renderTable(issues);

    const firstLink = within(grid).getByRole('link', { name: 'HX-1' });
    expect(firstLink).toHaveAttribute('tabindex', '0');
    expect(within(grid).getByRole('link', { name: 'HX-2' })).toHaveAttribute('tabindex', '-1');

    act(() => firstLink.focus());
    fireEvent.keyDown(firstLink, { key: 'ArrowDown' });
    const second = within(grid).getByRole('link', { name: 'HX-2' });
    expect(second).toHaveFocus();
    expect(second).toHaveAttribute('tabindex', '0');

    fireEvent.keyDown(second, { key: 'Home' });
    expect(firstLink).toHaveFocus();
    fireEvent.keyDown(firstLink, { key: 'ArrowUp' });
    expect(firstLink).toHaveFocus();
  });
});
