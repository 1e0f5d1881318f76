import { dateTimeInWords, dayInWords, dueDateOrderProblems, dueInPastProblem } from './due-dates';

describe('dueDateOrderProblems', () => {
  const all = new Set(['triage', 'recommendations', 'decision', 'resolution'] as const);

  it('finds nothing when the dates set by hand follow the lifecycle, equal days included', () => {
    const dates = {
      recommendations: new Date('2026-03-06T04:59:59.999Z'),
      decision: new Date('2026-03-06T04:59:59.999Z'),
      resolution: new Date('2026-03-20T03:59:59.999Z'),
    };
    expect(dueDateOrderProblems(dates, all, 'America/New_York')).toEqual([]);
  });

  it('reports every stage out of order at its field, against the latest day before it, in the zone', () => {
    const dates = {
      recommendations: new Date('2026-12-11T04:59:59.999Z'),
      decision: new Date('2026-12-09T04:59:59.999Z'),
      resolution: new Date('2026-12-10T04:59:59.999Z'),
    };
    expect(dueDateOrderProblems(dates, all, 'America/New_York')).toEqual([
      {
        field: 'dueDates.decision',
        message:
          'The decision is due before the recommendations are — pick a day on or after 10 Dec 2026.',
      },
      {
        field: 'dueDates.resolution',
        message:
          'The resolution is due before the recommendations are — pick a day on or after 10 Dec 2026.',
      },
    ]);
    // The same instant is the 11th in UTC: the day is the program's, not the server's.
    expect(dueDateOrderProblems(dates, all, 'UTC')[0]?.message).toContain('11 Dec 2026');
  });

  it('leaves policy dates out of the comparison', () => {
    const dates = {
      recommendations: new Date('2026-12-11T04:59:59.999Z'),
      decision: new Date('2026-12-09T04:59:59.999Z'),
    };
    expect(dueDateOrderProblems(dates, new Set(['decision'] as const), 'UTC')).toEqual([]);
  });
});

describe('dueInPastProblem', () => {
  it('refuses a date at or before now and names today in the zone', () => {
    const now = new Date('2026-03-02T03:00:00.000Z');
    expect(dueInPastProblem('recommendations', now, now, 'America/New_York')).toEqual({
      field: 'dueDates.recommendations',
      message: 'The recommendations are due in the past — pick 1 Mar 2026 or a later day.',
    });
    expect(
      dueInPastProblem('recommendations', new Date('2026-03-03T00:00:00Z'), now, 'UTC'),
    ).toBeNull();
  });
});

describe('dayInWords', () => {
  it('reads a local date as people write it', () => {
    expect(dayInWords('2026-01-05')).toBe('5 Jan 2026');
  });
});

describe('dateTimeInWords', () => {
  it('writes an instant on the program’s wall clock, one way, naming the zone', () => {
    const instant = new Date('2026-12-03T02:30:00.000Z');
    expect(dateTimeInWords(instant, 'America/New_York')).toBe('2 Dec 2026, 21:30 EST');
    expect(dateTimeInWords(instant, 'America/Los_Angeles')).toBe('2 Dec 2026, 18:30 PST');
    expect(dateTimeInWords(instant, 'UTC')).toBe('3 Dec 2026, 02:30 UTC');
    expect(dateTimeInWords(new Date('2026-07-01T04:00:00.000Z'), 'America/New_York')).toBe(
      '1 Jul 2026, 00:00 EDT',
    );
  });
});
