import { randomUUID } from 'node:crypto';
import { requestClaims } from 'api/src/idempotency/idempotency.service';
import { startTestApp, type TestApp } from '../support/app';
import type { ApiClient } from '../support/client';
import { testDatabase } from '../support/database';
import { type IssueView, RAISE, teamId } from '../support/operations';

/** A retry never duplicates: mutations sent with an Idempotency-Key apply once (ADR 0018). */
describe('Idempotency-Key on mutations', () => {
  let app: TestApp;
  let pm: ApiClient;
  let failNextCommit = false;

  beforeAll(async () => {
    app = await startTestApp({
      faults: {
        // Only the request's own change fails, not the claim of its key before it.
        atCommit: () => {
          if (!failNextCommit || !requestClaims.getStore()) return;
          failNextCommit = false;
          throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
        },
      },
    });
    pm = await app.as('pm@example.com');
  });
  afterAll(() => app.stop());

  const raiseInput = async (title: string) => ({
    input: {
      programKey: 'HX',
      teamId: await teamId(pm, 'Radio Hardware WIPT'),
      title,
      conditionStatement: 'The connector backshell cracks when torqued to the drawing value.',
      impactArea: 'PERFORMANCE',
    },
  });
  const issuesTitled = async (title: string) =>
    testDatabase(app).query<{ key: string }>('SELECT key FROM issues WHERE title = ?', [title]);

  it('makes one issue of the same raise sent twice at once and once more later, with one answer', async () => {
    const key = randomUUID();
    const variables = await raiseInput('Backshell cracks at drawing torque');
    const headers = { 'Idempotency-Key': key };

    const [first, second] = await Promise.all([
      pm.request<{ raiseIssue: IssueView }>(RAISE, variables, headers),
      pm.request<{ raiseIssue: IssueView }>(RAISE, variables, headers),
    ]);
    app.clock.advance(60 * 60 * 1000);
    const later = await pm.request<{ raiseIssue: IssueView }>(RAISE, variables, headers);

    expect(await issuesTitled('Backshell cracks at drawing torque')).toHaveLength(1);
    const keys = [first, second, later].map((answer) => answer.data?.raiseIssue.key);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^HX-\d+$/);
    const replays = [first, second, later].filter(
      (answer) => answer.headers.get('idempotent-replayed') === 'true',
    );
    expect(replays).toHaveLength(2);
  });

  it('applies a retry of a request that failed, once', async () => {
    const key = randomUUID();
    const variables = await raiseInput('Seal swells in hydraulic fluid');
    failNextCommit = true;

    const failed = await pm.request(RAISE, variables, { 'Idempotency-Key': key });
    const retried = await pm.request<{ raiseIssue: IssueView }>(RAISE, variables, {
      'Idempotency-Key': key,
    });
    const again = await pm.request<{ raiseIssue: IssueView }>(RAISE, variables, {
      'Idempotency-Key': key,
    });

    expect(failed.errors?.[0]?.extensions.code).toBe('UNAVAILABLE');
    expect(retried.errors).toBeUndefined();
    expect(again.data?.raiseIssue.key).toBe(retried.data?.raiseIssue.key);
    expect(await issuesTitled('Seal swells in hydraulic fluid')).toHaveLength(1);
  });

  it('refuses a key reused for a different request, and a malformed key', async () => {
    const key = randomUUID();
    await pm.ok(RAISE, await raiseInput('Fan bearing noise above spec'), {
      'Idempotency-Key': key,
    });

    const reused = await pm.request(RAISE, await raiseInput('A different issue altogether'), {
      'Idempotency-Key': key,
    });
    const malformed = await pm.request(RAISE, await raiseInput('Short key'), {
      'Idempotency-Key': 'abc',
    });

    expect(reused.status).toBe(422);
    expect(reused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'Idempotency-Key',
    });
    expect(reused.errors?.[0]?.message).toMatch(/already used for a different request/);
    expect(malformed.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(await issuesTitled('A different issue altogether')).toHaveLength(0);
    expect(await issuesTitled('Short key')).toHaveLength(0);
  });

  it('keeps keys apart per person and lets a key go after a day', async () => {
    const key = randomUUID();
    const engineer = await app.as('engineering@example.com');
    const variables = await raiseInput('Keypad legend wears off');

    await pm.ok(RAISE, variables, { 'Idempotency-Key': key });
    await engineer.ok(RAISE, variables, { 'Idempotency-Key': key });
    app.clock.advance(24 * 60 * 60 * 1000 + 1);
    await pm.ok(RAISE, variables, { 'Idempotency-Key': key });

    expect(await issuesTitled('Keypad legend wears off')).toHaveLength(3);
  });
});
