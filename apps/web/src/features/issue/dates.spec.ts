import { dayInZone, endOfDayInZone } from '../../lib/dates';

describe('due dates picked as days', () => {
  it("means the end of that day in the program's time zone", () => {
    // New York is UTC-5 in winter and UTC-4 in summer.
    expect(endOfDayInZone('2026-01-15', 'America/New_York')).toBe('2026-01-16T04:59:59.999Z');
    expect(endOfDayInZone('2026-07-15', 'America/New_York')).toBe('2026-07-16T03:59:59.999Z');
    expect(endOfDayInZone('2026-07-15', 'UTC')).toBe('2026-07-15T23:59:59.999Z');
    expect(endOfDayInZone('2026-07-15', 'Asia/Kolkata')).toBe('2026-07-15T18:29:59.999Z');
  });

  it('handles the days clocks change', () => {
    // 8 March 2026: New York springs forward; the day ends at UTC-4.
    expect(endOfDayInZone('2026-03-08', 'America/New_York')).toBe('2026-03-09T03:59:59.999Z');
    // 1 November 2026: it falls back; the day ends at UTC-5.
    expect(endOfDayInZone('2026-11-01', 'America/New_York')).toBe('2026-11-02T04:59:59.999Z');
  });

  it('refuses what is not a day', () => {
    expect(endOfDayInZone('', 'UTC')).toBeNull();
    expect(endOfDayInZone('15/01/2026', 'UTC')).toBeNull();
  });

  it('reads an instant back as the day it falls on there', () => {
    expect(dayInZone('2026-01-16T04:59:59.999Z', 'America/New_York')).toBe('2026-01-15');
    expect(dayInZone('2026-01-16T05:00:00.000Z', 'America/New_York')).toBe('2026-01-16');
    expect(dayInZone('not a date', 'UTC')).toBe('');
    for (const day of ['2026-03-08', '2026-11-01', '2026-12-31']) {
      expect(dayInZone(endOfDayInZone(day, 'Europe/Berlin')!, 'Europe/Berlin')).toBe(day);
    }
  });
});
