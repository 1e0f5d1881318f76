import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { gqlError, restoreFetch, stubGraphQL } from '../../../test/graphql-stub';
import { aReport } from '../testing';
import { OverdueLists } from './OverdueLists';

afterEach(restoreFetch);

const report = aReport();

function renderLists(props: { canNudge: boolean; viewerId?: string | null }) {
  return render(
    <MemoryRouter>
      <OverdueLists
        issues={report.overdueIssues}
        issueCount={report.overdueIssueCount}
        allIssuesUrl="/issues?overdue=true"
        actionItems={report.overdueActionItems}
        actionItemCount={report.overdueActionItemCount}
        timeZone={report.timeZone}
        {...props}
      />
    </MemoryRouter>,
  );
}

const overdueTable = () => screen.getByRole('table', { name: /Overdue issues/ });

describe('OverdueLists', () => {
  it('names who each overdue issue waits on, the viewer as "You"', () => {
    renderLists({ canNudge: false, viewerId: 'u-pm' });
    const row = within(overdueTable()).getByRole('row', { name: /HX-13/ });
    expect(within(row).getByText('Dana Lee')).toBeTruthy();
    expect(within(row).getByText('You')).toBeTruthy();
    expect(within(row).getAllByText('(decides)')).toHaveLength(2);
    // Not a program manager: no nudge offered.
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('lets a program manager nudge the others, and says who was nudged', async () => {
    const calls = stubGraphQL({
      NudgeHolders: () => ({
        data: {
          nudge: {
            issueKey: 'HX-13',
            nudged: [{ userId: 'u-lee', name: 'Dana Lee', notified: true }],
            alreadyNudged: [],
          },
        },
      }),
    });
    renderLists({ canNudge: true, viewerId: 'u-pm' });
    const button = within(overdueTable()).getByRole('button', {
      name: 'Nudge Dana Lee about HX-13',
    });
    fireEvent.click(button);
    expect(await screen.findByText('Nudged Dana Lee about HX-13.')).toBeTruthy();
    expect(calls.at(-1)?.variables).toEqual({ issueKey: 'HX-13' });
    const done = within(overdueTable()).getByRole('button', { name: /^Nudged/ });
    expect((done as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the API’s refusal when they were nudged already today', async () => {
    stubGraphQL({
      NudgeHolders: () =>
        gqlError(
          'CONFLICT',
          'Dana Lee was already nudged about HX-13 today — next possible at 3 Mar 2026, 00:00 EST.',
        ),
    });
    renderLists({ canNudge: true, viewerId: 'u-pm' });
    fireEvent.click(within(overdueTable()).getByRole('button', { name: /^Nudge / }));
    expect(
      await screen.findByText(/already nudged about HX-13 today — next possible at/),
    ).toBeTruthy();
  });

  it('offers no nudge when the issue waits on the viewer alone', () => {
    const mine = {
      ...report.overdueIssues[0]!,
      holders: [report.overdueIssues[0]!.holders[0]!],
    };
    render(
      <MemoryRouter>
        <OverdueLists
          issues={[mine]}
          issueCount={1}
          allIssuesUrl="/issues?overdue=true"
          actionItems={[]}
          actionItemCount={0}
          timeZone="UTC"
          canNudge
          viewerId="u-pm"
        />
      </MemoryRouter>,
    );
    expect(within(overdueTable()).queryByRole('button')).toBeNull();
  });
});
