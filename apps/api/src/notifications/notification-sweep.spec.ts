import { programTime } from './notification-texts';

describe(programTime.name, () => {
  it('shows an instant on the program’s wall clock, with its zone', () => {
    const instant = new Date('2026-03-04T02:00:00.000Z');
    expect(programTime(instant, 'America/New_York')).toBe('3 Mar 2026, 21:00 EST');
    expect(programTime(instant, 'UTC')).toBe('4 Mar 2026, 02:00 UTC');
  });
});
