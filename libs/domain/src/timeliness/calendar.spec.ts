import fc from 'fast-check';
import {
  localDateTimeOf,
  addBusinessDays,
  addCalendarDays,
  dueAfter,
  dueDateAfter,
  endOfLocalDay,
  instantAtLocal,
  isBusinessDay,
  localDateOf,
} from './calendar';
import { usFederalHolidaysBetween } from './holidays';

/** The oracle: step one day at a time, counting business days. */
function businessDaysByStepping(
  start: string,
  days: number,
  holidays: ReadonlySet<string>,
): string {
  let date = start;
  let counted = 0;
  while (counted < days) {
    date = addCalendarDays(date, 1);
    if (isBusinessDay(date, { holidays })) counted++;
  }
  return date;
}

const localDate = fc
  .date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe(addBusinessDays.name, () => {
  it('agrees with stepping day by day, holidays included', () => {
    fc.assert(
      fc.property(
        localDate,
        fc.nat({ max: 400 }),
        fc.array(fc.nat({ max: 500 }), { maxLength: 30 }),
        (start, days, offsets) => {
          const holidays = new Set(offsets.map((o) => addCalendarDays(start, o)));
          expect(addBusinessDays(start, days, { holidays })).toBe(
            businessDaysByStepping(start, days, holidays),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('skips the weekend and a holiday', () => {
    // Friday 2026-07-03 is a US federal holiday (observed); Thursday + 2 business days -> Tuesday.
    expect(addBusinessDays('2026-07-02', 2, { holidays: new Set(['2026-07-03']) })).toBe(
      '2026-07-07',
    );
  });
});

describe(dueAfter.name, () => {
  const calendar = { timeZone: 'America/New_York', holidays: new Set<string>() };

  it('falls at the end of the due day, across a daylight-saving change', () => {
    // 2026-03-06 09:00 EST + 3 calendar days -> Monday 2026-03-09 23:59:59.999 EDT (03:59:59.999Z).
    expect(dueAfter(new Date('2026-03-06T14:00:00Z'), 3, 'CALENDAR', calendar).toISOString()).toBe(
      '2026-03-10T03:59:59.999Z',
    );
  });

  it('uses the program’s day boundaries for business days', () => {
    // Friday 22:00 in New York is already Saturday in UTC; one business day later is Monday.
    expect(dueAfter(new Date('2026-03-07T03:00:00Z'), 1, 'BUSINESS', calendar).toISOString()).toBe(
      '2026-03-10T03:59:59.999Z',
    );
  });

  it('counts calendar days as they come, and business days around weekends and holidays', () => {
    const withChristmas = { ...calendar, holidays: new Set(['2026-12-25']) };
    // Tuesday 22 December + 3 calendar days is Christmas itself: the program chose calendar days.
    expect(
      dueAfter(new Date('2026-12-22T15:00:00Z'), 3, 'CALENDAR', withChristmas).toISOString(),
    ).toBe('2026-12-26T04:59:59.999Z');
    // 3 business days skip Christmas and the weekend: Monday 28 December.
    expect(dueDateAfter('2026-12-22', 3, 'BUSINESS', withChristmas)).toBe('2026-12-28');
    expect(dueDateAfter('2026-12-26', 0, 'BUSINESS', withChristmas)).toBe('2026-12-28');
  });

  it('never falls on a weekend or a holiday when business days are counted', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2028-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.nat({ max: 60 }),
        (start, days) => {
          const holidays = new Set(usFederalHolidaysBetween(2024, 2029));
          const due = dueAfter(start, days, 'BUSINESS', { ...calendar, holidays });
          const dueDate = localDateOf(due, calendar.timeZone);
          expect(isBusinessDay(dueDate, { holidays })).toBe(true);
          expect(due.getTime()).toBe(endOfLocalDay(dueDate, calendar.timeZone).getTime());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never runs backwards: a due date is never before its start', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2028-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.nat({ max: 60 }),
        fc.constantFrom('CALENDAR', 'BUSINESS') as fc.Arbitrary<'CALENDAR' | 'BUSINESS'>,
        fc.constantFrom(
          'UTC',
          'America/New_York',
          'Europe/London',
          'Asia/Kolkata',
          'Pacific/Auckland',
        ),
        (start, days, kind, timeZone) => {
          const due = dueAfter(start, days, kind, { timeZone, holidays: new Set() });
          expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime() - 3_600_000);
          expect(
            localDateOf(
              instantAtLocal(localDateOf(due, timeZone), 12 * 3_600_000, timeZone),
              timeZone,
            ),
          ).toBe(localDateOf(due, timeZone));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe(localDateTimeOf.name, () => {
  it('writes the wall-clock time of the zone with its offset, across daylight saving', () => {
    expect(localDateTimeOf(new Date('2026-03-02T14:00:00Z'), 'America/New_York')).toBe(
      '2026-03-02T09:00:00-05:00',
    );
    expect(localDateTimeOf(new Date('2026-07-01T14:00:00Z'), 'America/New_York')).toBe(
      '2026-07-01T10:00:00-04:00',
    );
    expect(localDateTimeOf(new Date('2026-03-02T14:00:00Z'), 'Asia/Kolkata')).toBe(
      '2026-03-02T19:30:00+05:30',
    );
    expect(localDateTimeOf(new Date('2026-03-02T14:00:00Z'), 'UTC')).toBe(
      '2026-03-02T14:00:00+00:00',
    );
  });

  it('names the same instant it was given, in any zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.constantFrom(
          'America/New_York',
          'Europe/Berlin',
          'Asia/Kolkata',
          'Australia/Lord_Howe',
          'UTC',
        ),
        (instant, zone) => {
          const whole = new Date(Math.floor(instant.getTime() / 1000) * 1000);
          expect(new Date(localDateTimeOf(instant, zone)).getTime()).toBe(whole.getTime());
        },
      ),
    );
  });
});
