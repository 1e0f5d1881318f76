import { DEFAULT_TIMELINESS_POLICY, isCalendarDay, policyProblems } from './policy';

describe('holidays', () => {
  it.each(['2026-12-25', '2028-02-29', '2000-02-29', '0001-01-01'])('takes the day %s', (day) => {
    expect(isCalendarDay(day)).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-04-31',
    '0000-01-01',
    '2026-3-1',
    '',
    'Christmas',
  ])('refuses %j, which no calendar has', (day) => {
    expect(isCalendarDay(day)).toBe(false);
    expect(policyProblems({ ...DEFAULT_TIMELINESS_POLICY, holidays: ['2026-12-25', day] })).toEqual(
      [{ field: 'holidays.1', message: `"${day}" is not a date (YYYY-MM-DD).` }],
    );
  });
});
