import fc from 'fast-check';
import { instantAtLocal, localDateOf, zoneOffsetMinutes } from './calendar';

/** The zone's rules read afresh for every instant: what calendar.ts did before its caches. */
function offsetFromRules(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

function dateFromRules(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe', // a half-hour daylight-saving shift
  'Asia/Kathmandu', // +05:45
  'America/St_Johns', // -03:30, with daylight saving
  'Pacific/Apia', // skipped a whole day in 2011
];

describe('offsets and local dates kept per zone and hour (ADR 23)', () => {
  it('agree with the zone rules read afresh, around every change of offset', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({
          min: Date.parse('2010-01-01T00:00:00Z'),
          max: Date.parse('2031-01-01T00:00:00Z'),
        }),
        (zone, at) => {
          // Each instant is also read first and last in its hour, so the cache is exercised.
          for (const t of [at, at + 1, at - 1_800_000, at + 1_799_999]) {
            const instant = new Date(t);
            expect(zoneOffsetMinutes(instant, zone)).toBe(offsetFromRules(instant, zone));
            expect(localDateOf(instant, zone)).toBe(dateFromRules(instant, zone));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agree at the seconds around a daylight-saving change', () => {
    // 2026-03-08 02:00 in New York and 2026-04-05 02:00 (to 01:30) at Lord Howe.
    for (const [zone, change] of [
      ['America/New_York', Date.parse('2026-03-08T07:00:00Z')],
      ['Australia/Lord_Howe', Date.parse('2026-04-04T15:00:00Z')],
    ] as const) {
      for (let t = change - 5_000; t <= change + 5_000; t += 500) {
        const instant = new Date(t);
        expect(zoneOffsetMinutes(instant, zone)).toBe(offsetFromRules(instant, zone));
        expect(localDateOf(instant, zone)).toBe(dateFromRules(instant, zone));
      }
    }
    expect(instantAtLocal('2026-03-08', 3 * 3_600_000, 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('refuses an unknown zone as the rules do', () => {
    expect(() => zoneOffsetMinutes(new Date(0), 'Nowhere/Special')).toThrow(RangeError);
    expect(() => localDateOf(new Date(0), 'Nowhere/Special')).toThrow(RangeError);
  });
});
