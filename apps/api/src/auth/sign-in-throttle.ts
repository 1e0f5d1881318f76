import { isIPv6 } from 'node:net';
import { DomainError, ErrorCode } from '@ipt/domain';
import { EntityManager, In, LessThanOrEqual } from 'typeorm';
import { SignInThrottleEntity } from './sign-in-throttle.entity';

/**
 * How many failures in a row a subject may have before it must wait, and after how many it is
 * locked. An address gets more room than an account: several people may share one (an office
 * behind one proxy), and it stops one machine guessing across many accounts.
 */
export interface ThrottlePolicy {
  readonly freeFailures: number;
  readonly lockAfter: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, lockAfter: 10 };
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20, lockAfter: 30 };

/** How long a lock lasts; also how long a failure is remembered after the next one. */
export const LOCK_MS = 15 * 60_000;
const FIRST_DELAY_MS = 1_000;

export interface ThrottleSubject {
  readonly subject: string;
  readonly policy: ThrottlePolicy;
}

export function accountSubject(email: string): ThrottleSubject {
  return { subject: `account:${email}`, policy: ACCOUNT_POLICY };
}

/**
 * The client address as throttled: IPv4 as is; IPv6 by its /64, since one machine is handed a
 * whole /64 and could otherwise change address at every attempt.
 */
export function addressSubject(ip: string): ThrottleSubject {
  const plain = ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return {
    subject: `address:${isIPv6(plain) ? ipv6Prefix(plain) : plain}`,
    policy: ADDRESS_POLICY,
  };
}

function ipv6Prefix(ip: string): string {
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Failures that still count at `at`: none once the last is a lock's length in the past. */
function recentFailures(row: SignInThrottleEntity | undefined, at: Date): number {
  if (!row || at.getTime() - row.lastFailureAt.getTime() >= LOCK_MS) return 0;
  return row.failures;
}

/**
 * Until when a subject with `failures` recent failures, the last at `last`, must wait; null when
 * it may try at once. The wait doubles from one second with every failure past the free ones, up
 * to a lock of LOCK_MS.
 */
export function blockedUntil(policy: ThrottlePolicy, failures: number, last: Date): Date | null {
  if (failures < policy.freeFailures) return null;
  const wait =
    failures >= policy.lockAfter
      ? LOCK_MS
      : Math.min(LOCK_MS, FIRST_DELAY_MS * 2 ** (failures - policy.freeFailures));
  return new Date(last.getTime() + wait);
}

/**
 * Claims one attempt for every subject, inside a write transaction: refuses if any of them must
 * still wait, and otherwise counts the attempt as a failure until it proves otherwise
 * (`forgiveAttempt`). Counting before the password is checked, in the same serialized write that
 * checks the count, means parallel attempts (on one instance or several) cannot slip past the
 * limit together.
 */
export async function claimAttempt(
  manager: EntityManager,
  subjects: readonly ThrottleSubject[],
  at: Date,
): Promise<void> {
  const rows = await manager.findBy(SignInThrottleEntity, {
    subject: In(subjects.map((s) => s.subject)),
  });
  const bySubject = new Map(rows.map((row) => [row.subject, row]));
  let until: Date | null = null;
  for (const { subject, policy } of subjects) {
    const row = bySubject.get(subject);
    const blocked = row ? blockedUntil(policy, recentFailures(row, at), row.lastFailureAt) : null;
    if (blocked && blocked > at && (!until || blocked > until)) until = blocked;
  }
  if (until) throw tooManyFailures(until, at);
  // Spent rows (no failure for a lock's length) count for nothing: drop them here, so that a spray
  // of guesses across many accounts leaves at most fifteen minutes' worth of rows behind.
  await manager.delete(SignInThrottleEntity, {
    lastFailureAt: LessThanOrEqual(new Date(at.getTime() - LOCK_MS)),
  });
  for (const { subject } of subjects) {
    const failures = recentFailures(bySubject.get(subject), at) + 1;
    await manager.save(SignInThrottleEntity, { subject, failures, lastFailureAt: at });
  }
}

/**
 * After a successful sign-in: the account starts afresh; the address only gets this attempt
 * back, so that signing in to one's own account between guesses at others resets nothing.
 */
export async function forgiveAttempt(
  manager: EntityManager,
  account: ThrottleSubject,
  address: ThrottleSubject,
): Promise<void> {
  await manager.delete(SignInThrottleEntity, { subject: account.subject });
  const row = await manager.findOneBy(SignInThrottleEntity, { subject: address.subject });
  if (!row) return;
  if (row.failures <= 1) await manager.delete(SignInThrottleEntity, { subject: address.subject });
  else
    await manager.update(
      SignInThrottleEntity,
      { subject: address.subject },
      { failures: row.failures - 1 },
    );
}

/** Ends the throttling of these subjects; whether any had failures on record. */
export async function liftThrottles(
  manager: EntityManager,
  subjects: readonly ThrottleSubject[],
): Promise<boolean> {
  const result = await manager.delete(SignInThrottleEntity, {
    subject: In(subjects.map((s) => s.subject)),
  });
  return (result.affected ?? 0) > 0;
}

/**
 * UNAUTHENTICATED, like a wrong password, with when to try again: as `retryAfterSeconds` and
 * `retryAt` for programs, and in words for people. The same for unknown and known accounts.
 */
export function tooManyFailures(until: Date, at: Date): DomainError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 1000));
  let when: string;
  if (seconds < 120) {
    when = `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  } else {
    // Rounded up to the minute, so that trying at the time said works.
    const shown = new Date(Math.ceil(until.getTime() / 60_000) * 60_000);
    const clock = shown.toISOString().slice(11, 16);
    when = `at ${clock} UTC (in ${Math.ceil(seconds / 60)} minutes)`;
  }
  return new DomainError(
    ErrorCode.UNAUTHENTICATED,
    `Too many failed sign-ins; try again ${when}.`,
    {
      retryAfterSeconds: seconds,
      retryAt: until.toISOString(),
    },
  );
}
