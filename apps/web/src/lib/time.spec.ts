import { compareDue, describeDue, durationText } from './time';

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
