import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  LOCK_MS,
  addressSubject,
  blockedUntil,
  tooManyFailures,
} from './sign-in-throttle';

describe('sign-in throttle', () => {
  const last = new Date('2026-03-02T14:00:00.000Z');
  const waitAfter = (policy: typeof ACCOUNT_POLICY, failures: number) => {
    const until = blockedUntil(policy, failures, last);
    return until === null ? 0 : until.getTime() - last.getTime();
  };

  it('waits nothing for the free failures, then doubles from a second, then locks', () => {
    expect([0, 4, 5, 6, 7, 8, 9, 10, 25].map((n) => waitAfter(ACCOUNT_POLICY, n))).toEqual([
      0,
      0,
      1_000,
      2_000,
      4_000,
      8_000,
      16_000,
      LOCK_MS,
      LOCK_MS,
    ]);
    // An address gets 20 free failures and waits up to 512 s before its lock.
    expect(waitAfter(ADDRESS_POLICY, 29)).toBe(512_000);
    expect(waitAfter(ADDRESS_POLICY, 30)).toBe(LOCK_MS);
    expect(waitAfter(ADDRESS_POLICY, 19)).toBe(0);
  });

  it('throttles IPv4 by address and IPv6 by its /64', () => {
    expect(addressSubject('203.0.113.9').subject).toBe('address:203.0.113.9');
    expect(addressSubject('::ffff:203.0.113.9').subject).toBe('address:203.0.113.9');
    expect(addressSubject('2001:db8:0:1::7').subject).toBe('address:2001:db8:0:1::/64');
    expect(addressSubject('2001:0db8:0000:0001:aaaa:bbbb:cccc:dddd').subject).toBe(
      'address:2001:db8:0:1::/64',
    );
    expect(addressSubject('::1').subject).toBe('address:0:0:0:0::/64');
  });

  it('says when to try again, in seconds or as a UTC time rounded up to the minute', () => {
    const at = new Date('2026-03-02T14:00:00.000Z');
    expect(tooManyFailures(new Date(at.getTime() + 1_000), at).message).toBe(
      'Too many failed sign-ins; try again in 1 second.',
    );
    const locked = tooManyFailures(new Date('2026-03-02T14:15:31.000Z'), at);
    expect(locked.message).toBe(
      'Too many failed sign-ins; try again at 14:16 UTC (in 16 minutes).',
    );
    expect(locked.details).toEqual({ retryAfterSeconds: 931, retryAt: '2026-03-02T14:15:31.000Z' });
    expect(locked.code).toBe('UNAUTHENTICATED');
  });
});
