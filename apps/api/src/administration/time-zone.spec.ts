import { canonicalTimeZone } from './time-zone';

describe(canonicalTimeZone.name, () => {
  it.each([
    ['America/New_York', 'America/New_York'],
    ['  Europe/Berlin ', 'Europe/Berlin'],
    ['utc', 'UTC'],
    ['america/new_york', 'America/New_York'],
    ['US/Eastern', 'America/New_York'],
  ])('accepts %j as %s', (zone, canonical) => {
    expect(canonicalTimeZone(zone)).toBe(canonical);
  });

  it.each(['', '   ', 'Mars/Olympus', '+01:00', 'Eastern Time'])('refuses %j', (zone) => {
    expect(canonicalTimeZone(zone)).toBeNull();
  });
});
