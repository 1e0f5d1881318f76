import { currentStageDue, formatDuration, timeLeft } from './due';

const now = new Date('2026-03-10T12:00:00.000Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
  it.each([
    [0, 'less than a minute'],
    [59_999, 'less than a minute'],
    [MINUTE, '1 minute'],
    [45 * MINUTE, '45 minutes'],
    [HOUR, '1 hour'],
    [36 * HOUR, '36 hours'],
    [2 * DAY - 1, '47 hours'],
    [2 * DAY, '2 days'],
    [9 * DAY + 23 * HOUR, '9 days'],
  ])('says %i ms as "%s"', (ms, words) => {
    expect(formatDuration(ms)).toBe(words);
    expect(formatDuration(-ms)).toBe(words);
  });
});

describe('timeLeft', () => {
  it('gives the time left before the due instant', () => {
    expect(timeLeft(at(3 * DAY + 2 * HOUR), now)).toEqual({ overdue: false, text: '3 days left' });
    expect(timeLeft(at(5 * HOUR), now)).toEqual({ overdue: false, text: '5 hours left' });
    expect(timeLeft(at(30 * 1000), now)).toEqual({
      overdue: false,
      text: 'less than a minute left',
    });
  });

  it('is overdue from the due instant itself', () => {
    expect(timeLeft(at(0), now)).toEqual({
      overdue: true,
      text: 'overdue by less than a minute',
    });
  });

  it('says how long overdue', () => {
    expect(timeLeft(at(-2 * DAY - HOUR), now)).toEqual({
      overdue: true,
      text: 'overdue by 2 days',
    });
    expect(timeLeft(new Date(now.getTime() - 20 * MINUTE), now)).toEqual({
      overdue: true,
      text: 'overdue by 20 minutes',
    });
  });
});

describe('currentStageDue', () => {
  it('names the stage whose clock runs and its time left', () => {
    expect(
      currentStageDue({ currentStage: 'RECOMMENDATIONS', currentStageDueAt: at(4 * DAY) }, now),
    ).toEqual({
      stage: 'RECOMMENDATIONS',
      label: 'Recommendations due',
      dueAt: at(4 * DAY),
      overdue: false,
      text: '4 days left',
    });
    expect(
      currentStageDue({ currentStage: 'DECISION', currentStageDueAt: at(-HOUR) }, now),
    ).toMatchObject({ label: 'Decision due', overdue: true, text: 'overdue by 1 hour' });
  });

  it('has nothing to say when no stage runs or none is due', () => {
    expect(currentStageDue({ currentStage: null, currentStageDueAt: null }, now)).toBeNull();
    expect(currentStageDue({ currentStage: 'TRIAGE', currentStageDueAt: null }, now)).toBeNull();
  });
});
