import {
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_LABELS,
  dueNotificationKind,
  dueNotificationStaleness,
  endOfNextLocalDay,
} from './notifications';

describe('endOfNextLocalDay', () => {
  it('is the midnight starting the day after tomorrow in the program’s zone', () => {
    // 20:00 in New York on 2 March is already 3 March in UTC.
    const now = new Date('2026-03-03T01:00:00.000Z');
    expect(endOfNextLocalDay(now, 'America/New_York').toISOString()).toBe(
      '2026-03-04T05:00:00.000Z',
    );
    expect(endOfNextLocalDay(now, 'UTC').toISOString()).toBe('2026-03-05T00:00:00.000Z');
  });

  it('follows a daylight-saving change (New York springs forward on 8 March 2026)', () => {
    const now = new Date('2026-03-07T15:00:00.000Z');
    // Local midnight of 9 March is already in daylight time (UTC-4).
    expect(endOfNextLocalDay(now, 'America/New_York').toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
  });
});

describe('dueNotificationKind', () => {
  const now = new Date('2026-03-02T14:00:00.000Z'); // 09:00 in New York

  it('is OVERDUE once the due instant has passed, not at it', () => {
    expect(dueNotificationKind(new Date('2026-03-02T13:59:59.999Z'), now, 'UTC')).toBe('OVERDUE');
    expect(dueNotificationKind(now, now, 'UTC')).toBe('DUE_SOON');
  });

  it('is DUE_SOON up to the end of the next local day, and nothing after', () => {
    const zone = 'America/New_York';
    expect(dueNotificationKind(new Date('2026-03-04T04:59:59.999Z'), now, zone)).toBe('DUE_SOON');
    expect(dueNotificationKind(new Date('2026-03-04T05:00:00.000Z'), now, zone)).toBeNull();
  });

  it('lets the zone decide: tomorrow in New York is the day after tomorrow in UTC', () => {
    // 21:00 on 3 March in New York is 02:00 on 4 March in UTC (and 11:00 on 4 March in Tokyo).
    const due = new Date('2026-03-04T02:00:00.000Z');
    expect(dueNotificationKind(due, now, 'America/New_York')).toBe('DUE_SOON');
    expect(dueNotificationKind(due, now, 'UTC')).toBeNull();
    expect(dueNotificationKind(due, now, 'Asia/Tokyo')).toBeNull();
  });
});

describe('NOTIFICATION_KIND_LABELS', () => {
  it('names every kind', () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(NOTIFICATION_KIND_LABELS[kind].label.length).toBeGreaterThan(0);
    }
  });
});

describe('dueNotificationStaleness', () => {
  const zone = 'America/New_York';
  const now = new Date('2026-03-03T14:00:00.000Z');
  const overdue = { kind: 'OVERDUE' as const, dueAt: new Date('2026-03-02T22:00:00.000Z') };

  it('holds while the same work waits on the person at the same due date', () => {
    expect(dueNotificationStaleness(overdue, { dueAt: overdue.dueAt }, now, zone)).toBeNull();
  });

  it('is stale once the work no longer waits on them (done, decided, escalated away, closed)', () => {
    expect(dueNotificationStaleness(overdue, null, now, zone)).toBe('NO_LONGER_OWED');
  });

  it('is stale once the work was re-dated, later or earlier', () => {
    expect(
      dueNotificationStaleness(overdue, { dueAt: new Date('2026-03-10T22:00:00.000Z') }, now, zone),
    ).toBe('REDATED');
    expect(
      dueNotificationStaleness(overdue, { dueAt: new Date('2026-03-01T22:00:00.000Z') }, now, zone),
    ).toBe('REDATED');
  });

  it('is stale when "due soon" has become overdue', () => {
    const dueSoon = { kind: 'DUE_SOON' as const, dueAt: new Date('2026-03-03T15:00:00.000Z') };
    expect(dueNotificationStaleness(dueSoon, { dueAt: dueSoon.dueAt }, now, zone)).toBeNull();
    const later = new Date('2026-03-03T15:00:00.001Z');
    expect(dueNotificationStaleness(dueSoon, { dueAt: dueSoon.dueAt }, later, zone)).toBe(
      'NOW_OVERDUE',
    );
  });
});
