import {
  compareDue,
  dayInZone,
  describeDue,
  durationText,
  endOfDayInZone,
  formatDateTime,
  formatDay,
  formatLocalDate,
  zoneNote,
} from './dates';

const NOW = new Date('2026-03-02T14:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('durationText', () => {
  it.each([
    [0, 'less than a minute'],
    [59_999, 'less than a minute'],
    [MINUTE, '1 minute'],
    [25 * MINUTE, '25 minutes'],
    [HOUR, '1 hour'],
    [36 * HOUR, '36 hours'],
    [2 * DAY - 1, '47 hours'],
    [2 * DAY, '2 days'],
    [9 * DAY + 23 * HOUR, '9 days'],
    [-3 * DAY, '3 days'],
  ])('says %d ms as "%s"', (ms, text) => {
    expect(durationText(ms)).toBe(text);
  });
});

describe('describeDue', () => {
  it('counts down to a due date ahead', () => {
    expect(describeDue(at(3 * DAY), NOW)).toEqual({ overdue: false, relative: 'in 3 days' });
    expect(describeDue(at(90 * MINUTE), NOW)).toEqual({ overdue: false, relative: 'in 1 hour' });
  });

  it('is due, not overdue, at the very instant', () => {
    expect(describeDue(at(0), NOW)).toEqual({
      overdue: false,
      relative: 'in less than a minute',
    });
  });

  it('says "overdue" in words from the instant a due date is missed', () => {
    expect(describeDue(at(-1), NOW)).toEqual({
      overdue: true,
      relative: 'overdue by less than a minute',
    });
    expect(describeDue(at(-5 * DAY), NOW)).toEqual({
      overdue: true,
      relative: 'overdue by 5 days',
    });
  });

  it('handles issues without a due date', () => {
    expect(describeDue(null, NOW)).toEqual({ overdue: false, relative: 'no due date' });
    expect(describeDue('not a date', NOW)).toEqual({ overdue: false, relative: 'no due date' });
  });
});

describe('compareDue', () => {
  it('puts the soonest first and the undated last', () => {
    const dues = [at(2 * DAY), null, at(-DAY), at(DAY), null];
    expect([...dues].sort(compareDue)).toEqual([at(-DAY), at(DAY), at(2 * DAY), null, null]);
  });
});

describe('dates in the program’s zone, written one way', () => {
  // 02:30 UTC on 3 December is still 2 December in Los Angeles and New York.
  const instant = '2026-12-03T02:30:00.000Z';

  it('writes the program’s day and time, naming the zone, whatever the reader’s zone', () => {
    expect(formatDateTime(instant, 'America/New_York')).toBe('2 Dec 2026, 21:30 EST');
    expect(formatDateTime(instant, 'America/Los_Angeles')).toBe('2 Dec 2026, 18:30 PST');
    expect(formatDateTime(instant, 'UTC')).toBe('3 Dec 2026, 02:30 UTC');
    expect(formatDay(instant, 'America/New_York')).toBe('2 Dec 2026');
    expect(formatDay(instant, 'Asia/Tokyo')).toBe('3 Dec 2026');
    expect(formatDateTime('2026-07-01T16:00:00.000Z', 'America/New_York')).toBe(
      '1 Jul 2026, 12:00 EDT',
    );
  });

  it('writes a local date without a zone to shift it', () => {
    expect(formatLocalDate('2026-03-01')).toBe('1 Mar 2026');
    expect(formatLocalDate('2026-02-30')).toBe('2026-02-30');
  });

  it('turns a picked day into the end of that day in the program’s zone, and back', () => {
    expect(endOfDayInZone('2026-03-12', 'America/New_York')).toBe('2026-03-13T03:59:59.999Z');
    expect(endOfDayInZone('2026-03-07', 'America/New_York')).toBe('2026-03-08T04:59:59.999Z');
    expect(endOfDayInZone('2026-02-30', 'UTC')).toBeNull();
    expect(dayInZone('2026-03-13T03:59:59.999Z', 'America/New_York')).toBe('2026-03-12');
    expect(dayInZone('not a date', 'UTC')).toBe('');
  });

  it('names the zone a screen’s dates are in', () => {
    expect(zoneNote('America/New_York')).toBe('Dates are in the program’s zone, America/New York.');
  });
});
