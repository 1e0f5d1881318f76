import { ConfigError } from '../config/config';
import { sweepIntervalMs } from './notification-sweep.service';
import { programTime } from './notification-texts';

describe(sweepIntervalMs.name, () => {
  it('sweeps every minute by default, as set, or never (0, or under Jest)', () => {
    expect(sweepIntervalMs({ NODE_ENV: 'production' })).toBe(60_000);
    expect(sweepIntervalMs({ NOTIFICATION_SWEEP_SECONDS: '15' })).toBe(15_000);
    expect(sweepIntervalMs({ NOTIFICATION_SWEEP_SECONDS: '0' })).toBeNull();
    expect(sweepIntervalMs({ NODE_ENV: 'test', NOTIFICATION_SWEEP_SECONDS: '15' })).toBeNull();
  });

  it('stops the app on a bad value, naming the variable', () => {
    expect(() => sweepIntervalMs({ NOTIFICATION_SWEEP_SECONDS: 'often' })).toThrow(ConfigError);
    expect(() => sweepIntervalMs({ NOTIFICATION_SWEEP_SECONDS: '-5' })).toThrow(
      'Invalid configuration: NOTIFICATION_SWEEP_SECONDS',
    );
  });
});

describe(programTime.name, () => {
  it('shows an instant on the program’s wall clock, with its zone', () => {
    const instant = new Date('2026-03-04T02:00:00.000Z');
    expect(programTime(instant, 'America/New_York')).toBe('Tue, Mar 3, 2026, 21:00 EST');
    expect(programTime(instant, 'UTC')).toBe('Wed, Mar 4, 2026, 02:00 UTC');
  });
});
