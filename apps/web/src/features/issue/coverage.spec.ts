import { coverageLateness, coverageRows } from './coverage';
import { NOW, awaitingDecision } from './testing/fixtures';

describe('discipline coverage', () => {
  const due = '2026-03-05T04:59:59.999Z';

  it('says who covered each discipline, when, with which option, and whether late', () => {
    const issue = awaitingDecision();
    const rows = coverageRows(issue.coverage, issue.dueDates.recommendations, NOW);

    expect(rows.map((row) => [row.discipline, row.stateLabel, row.who?.name, row.when])).toEqual([
      ['engineering', 'Recommended', 'Erin Engineer', '2026-03-02T14:00:00.000Z'],
      ['test', 'Recommended', 'Terry Tester', '2026-03-06T14:00:00.000Z'],
      ['cost', 'Waived', 'Pat Morgan', '2026-03-03T14:00:00.000Z'],
    ]);
    expect(rows.map((row) => row.favouredOption?.label ?? null)).toEqual(['A', 'B', null]);
    expect(rows.map((row) => row.lateness)).toEqual([
      { kind: 'on-time', text: 'On time' },
      { kind: 'late', text: 'Late by 33 hours' },
      { kind: 'not-applicable', text: 'Not needed' },
    ]);
  });

  it('counts a pending discipline late once the due date has passed', () => {
    const pending = { state: 'PENDING' as const, recommendation: null };
    expect(coverageLateness(pending, due, new Date('2026-03-07T05:00:00.000Z'))).toEqual({
      kind: 'late',
      text: 'Late: overdue by 2 days',
    });
    expect(coverageLateness(pending, due, new Date('2026-03-04T04:59:59.999Z'))).toEqual({
      kind: 'not-due',
      text: 'Due: 24 hours left',
    });
  });

  it('judges nothing without a due date', () => {
    expect(coverageLateness({ state: 'PENDING', recommendation: null }, null, NOW)).toEqual({
      kind: 'no-due-date',
      text: 'No due date',
    });
  });
});
