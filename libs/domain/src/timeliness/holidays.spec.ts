import { usFederalHolidays, usFederalHolidaysBetween } from './holidays';

describe(usFederalHolidays.name, () => {
  it('gives 2026 as OPM publishes it, Independence Day observed on Friday 3 July', () => {
    expect(usFederalHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('moves Saturday holidays to Friday and Sunday ones to Monday, New Year 2028 into 2027', () => {
    expect(usFederalHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18',
      '2027-07-05',
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24',
      '2027-12-31',
    ]);
    expect(usFederalHolidays(2028)[0]).toBe('2028-01-17');
  });

  it('has no Juneteenth before 2021', () => {
    expect(usFederalHolidays(2020).some((day) => day.endsWith('-06-19'))).toBe(false);
  });

  it('joins years in order without repeats', () => {
    const days = usFederalHolidaysBetween(2026, 2028);
    expect(days).toEqual([...new Set(days)].sort());
    expect(days).toHaveLength(11 + 12 + 10);
  });

  it('refuses a year it cannot count', () => {
    expect(() => usFederalHolidays(2026.5)).toThrow(RangeError);
  });
});
