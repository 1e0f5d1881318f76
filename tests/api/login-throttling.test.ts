import { TestApp, startTestApp } from '../support/app';
import { ApiClient, DEMO_PASSWORD, GraphQLResponse } from '../support/client';
import { testDatabase } from '../support/database';

/**
 * Sign-in throttling (ADR 0020): per account and per client address, counted in the database so
 * every instance sees the same failures, the same for unknown accounts as for known ones, on the
 * injected clock, and lifted by a system admin.
 */
const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { email } }`;
const LIFT = `mutation ($email: String!, $address: String) { liftSignInLock(email: $email, address: $address) }`;
const SECOND = 1_000;
const MINUTE = 60 * SECOND;

describe('sign-in throttling', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(() => app.stop());

  /** One sign-in attempt from `address` (the app trusts X-Forwarded-For from loopback only). */
  const attempt = (
    email: string,
    password = 'wrong-password',
    address = '198.51.100.1',
    client: ApiClient = app.client(),
  ): Promise<GraphQLResponse<{ login: { email: string } }>> =>
    client.request(LOGIN, { email, password }, { 'x-forwarded-for': address });

  const outcome = (response: GraphQLResponse<unknown>) => {
    const error = response.errors?.[0];
    return error
      ? { code: error.extensions.code, message: error.message }
      : { code: 'OK', message: '' };
  };

  const WRONG = { code: 'UNAUTHENTICATED', message: 'Email or password is not correct.' };
  const waitFor = (when: string) => ({
    code: 'UNAUTHENTICATED',
    message: `Too many failed sign-ins; try again ${when}.`,
  });

  it('lets 5 failures through, then doubles the wait from a second, then locks for 15 minutes', async () => {
    for (let i = 0; i < 5; i++) expect(outcome(await attempt('pm@example.com'))).toEqual(WRONG);

    // Even the right password waits: the password is not checked at all while throttled.
    const refused = await attempt('pm@example.com', DEMO_PASSWORD);
    expect(outcome(refused)).toEqual(waitFor('in 1 second'));
    expect(refused.errors![0]!.extensions).toMatchObject({
      retryAfterSeconds: 1,
      retryAt: '2026-03-02T14:00:01.000Z',
    });
    expect(refused.headers.get('retry-after')).toBe('1');

    for (const wait of [1, 2, 4, 8, 16]) {
      app.clock.advance(wait * SECOND - 1);
      expect(outcome(await attempt('pm@example.com'))).toEqual(waitFor(`in 1 second`));
      app.clock.advance(1);
      expect(outcome(await attempt('pm@example.com'))).toEqual(WRONG);
    }
    // Ten failures in a row: locked for 15 minutes from the last one (14:00:31).
    const locked = await attempt('pm@example.com', DEMO_PASSWORD);
    expect(outcome(locked)).toEqual(waitFor('at 14:16 UTC (in 15 minutes)'));
    expect(locked.errors![0]!.extensions).toMatchObject({
      retryAfterSeconds: 900,
      retryAt: '2026-03-02T14:15:31.000Z',
    });
    app.clock.advance(12 * MINUTE);
    expect(outcome(await attempt('pm@example.com', DEMO_PASSWORD))).toEqual(
      waitFor('at 14:16 UTC (in 3 minutes)'),
    );
    app.clock.advance(3 * MINUTE);
    const client = app.client();
    expect(outcome(await attempt('pm@example.com', DEMO_PASSWORD, undefined, client))).toEqual({
      code: 'OK',
      message: '',
    });
    expect(await client.ok('{ me { email } }')).toEqual({ me: { email: 'pm@example.com' } });

    // A success starts the account afresh: five more failures before any wait.
    for (let i = 0; i < 5; i++) expect(outcome(await attempt('pm@example.com'))).toEqual(WRONG);
    expect(outcome(await attempt('pm@example.com'))).toEqual(waitFor('in 1 second'));
  });

  it('forgets failures a quarter of an hour old', async () => {
    for (let i = 0; i < 4; i++) expect(outcome(await attempt('pm@example.com'))).toEqual(WRONG);
    app.clock.advance(15 * MINUTE);
    for (let i = 0; i < 5; i++) expect(outcome(await attempt('pm@example.com'))).toEqual(WRONG);
    expect(outcome(await attempt('pm@example.com'))).toEqual(waitFor('in 1 second'));
  });

  it('keeps no spent rows: a spray across many accounts leaves a quarter hour of them at most', async () => {
    for (let i = 0; i < 8; i++) await attempt(`guess${i}@example.com`, 'x', `203.0.113.${i}`);
    const subjects = async () =>
      (
        await testDatabase(app).query<{ subject: string }>(
          'SELECT subject FROM sign_in_throttles ORDER BY subject',
        )
      ).map((row) => row.subject);
    expect(await subjects()).toHaveLength(16);
    app.clock.advance(15 * MINUTE);
    await attempt('someone@example.com', 'x', '203.0.113.99');
    expect(await subjects()).toEqual(['account:someone@example.com', 'address:203.0.113.99']);
  });

  it('throttles an unknown account exactly as a known one: nothing tells them apart', async () => {
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 12; i++) {
      const [a, b] = await Promise.all([
        attempt('pm@example.com', 'wrong-password', '198.51.100.1'),
        attempt('nobody@example.com', 'wrong-password', '198.51.100.2'),
      ]);
      known.push({ ...outcome(a), extensions: a.errors?.[0]?.extensions });
      unknown.push({ ...outcome(b), extensions: b.errors?.[0]?.extensions });
      app.clock.advance(20 * SECOND);
    }
    expect(unknown).toEqual(known);
    // Five free failures, five more after doubling waits (all shorter than 20 s), then the lock.
    expect(known.map((o) => (o as { message: string }).message).slice(9)).toEqual([
      WRONG.message,
      'Too many failed sign-ins; try again at 14:18 UTC (in 15 minutes).',
      'Too many failed sign-ins; try again at 14:18 UTC (in 15 minutes).',
    ]);
  });

  it('throttles one address guessing across many accounts, and not the other addresses', async () => {
    for (let i = 0; i < 20; i++) {
      expect(outcome(await attempt(`guess-${i}@example.com`, 'x', '203.0.113.9'))).toEqual(WRONG);
    }
    // The account itself has no failures: the address is what waits.
    expect(outcome(await attempt('pm@example.com', DEMO_PASSWORD, '203.0.113.9'))).toEqual(
      waitFor('in 1 second'),
    );
    expect(outcome(await attempt('pm@example.com', DEMO_PASSWORD, '203.0.113.10'))).toEqual({
      code: 'OK',
      message: '',
    });
    // A sign-in of one's own does not wipe the address's record of guessing at others.
    app.clock.advance(SECOND);
    expect(outcome(await attempt('lead@example.com', DEMO_PASSWORD, '203.0.113.9'))).toEqual({
      code: 'OK',
      message: '',
    });
    app.clock.advance(SECOND);
    expect(outcome(await attempt('guess-x@example.com', 'x', '203.0.113.9'))).toEqual(WRONG);
    expect(outcome(await attempt('guess-y@example.com', 'x', '203.0.113.9'))).toEqual(
      waitFor('in 2 seconds'),
    );
  });

  it('counts the failures sent to every instance on the same database', async () => {
    const other = await startTestApp({ database: app.database, clock: app.clock });
    try {
      for (let i = 0; i < 5; i++) {
        const via = i % 2 === 0 ? app.client() : other.client();
        expect(outcome(await attempt('pm@example.com', 'wrong', '198.51.100.1', via))).toEqual(
          WRONG,
        );
      }
      expect(
        outcome(await attempt('pm@example.com', DEMO_PASSWORD, '198.51.100.1', other.client())),
      ).toEqual(waitFor('in 1 second'));
      const rows = await testDatabase(app).query<{ subject: string; failures: number }>(
        'SELECT subject, failures FROM sign_in_throttles ORDER BY subject',
      );
      expect(rows).toEqual([
        { subject: 'account:pm@example.com', failures: 5 },
        { subject: 'address:198.51.100.1', failures: 5 },
      ]);
    } finally {
      await other.running.close();
    }
  });

  it('counts parallel attempts one by one: a burst cannot slip past the limit', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, () => attempt('pm@example.com')));
    const outcomes = burst.map(outcome);
    expect(outcomes.filter((o) => o.message === WRONG.message)).toHaveLength(5);
    expect(outcomes.filter((o) => o.message.startsWith('Too many'))).toHaveLength(7);
  });

  it('lets a system admin lift a lock at once, account and address; nobody else', async () => {
    const admin = await app.as('admin@example.com');
    const pm = await app.as('pm@example.com');
    for (let i = 0; i < 10; i++) {
      app.clock.advance(MINUTE);
      expect(outcome(await attempt('lead@example.com'))).toEqual(WRONG);
    }
    expect(outcome(await attempt('lead@example.com', DEMO_PASSWORD))).toMatchObject({
      message: expect.stringMatching(/^Too many failed sign-ins; try again at 14:25 UTC/),
    });

    expect((await pm.fails(LIFT, { email: 'lead@example.com' })).extensions.code).toBe('FORBIDDEN');
    expect((await app.client().fails(LIFT, { email: 'lead@example.com' })).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const malformed = await admin.fails(LIFT, { email: 'lead' });
    expect(malformed.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });

    expect(await admin.ok(LIFT, { email: 'LEAD@example.com', address: '198.51.100.1' })).toEqual({
      liftSignInLock: true,
    });
    expect(outcome(await attempt('lead@example.com', DEMO_PASSWORD))).toEqual({
      code: 'OK',
      message: '',
    });
    const events = await testDatabase(app).query<{ type: string; after: string }>(
      "SELECT type, after FROM events WHERE type = 'SIGN_IN_LOCK_LIFTED'",
    );
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.after)).toEqual({
      email: 'lead@example.com',
      address: '198.51.100.1',
    });
    // Nothing left to lift: false, and nothing recorded.
    expect(await admin.ok(LIFT, { email: 'lead@example.com' })).toEqual({ liftSignInLock: false });
  });

  it('refuses a malformed e-mail as BAD_USER_INPUT on email, as createUser does, counting nothing', async () => {
    for (const email of ['not-an-email', '', 'a@b', 'two words@example.com']) {
      const error = (await attempt(email)).errors![0]!;
      expect({ email, code: error.extensions.code, field: error.extensions['field'] }).toEqual({
        email,
        code: 'BAD_USER_INPUT',
        field: 'email',
      });
      expect(error.message).toBe(`"${email}" is not an e-mail address.`);
    }
    expect(await testDatabase(app).query('SELECT subject FROM sign_in_throttles')).toEqual([]);
  });
});
