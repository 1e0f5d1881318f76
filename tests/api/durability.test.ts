import type { QueryRunner } from 'typeorm';
import { DatabaseService } from 'api/src/database/database.service';
import { startTestApp, type TestApp } from '../support/app';
import type { ApiClient } from '../support/client';
import { firstBrokenEvent, testDatabase, testDialect } from '../support/database';
import { ADD_OPTION, COMMENT, type IssueView, RAISE, raiseOn, teamId } from '../support/operations';

/**
 * Faults are features: a write either commits and is acknowledged, or fails with a code and
 * changes nothing, and the app goes on taking writes afterwards (ADR 0014). The failures are
 * injected at COMMIT itself, where a full disk, an I/O error or a lost connection strike: on
 * SQLite the transaction is left open, as a failed COMMIT leaves it; on PostgreSQL the server
 * really drops the connection in the middle of the transaction.
 */
describe('writes that fail', () => {
  let app: TestApp;
  let pm: ApiClient;
  /** How many of the next COMMITs fail. */
  let failNext = 0;

  async function failCommit(runner: QueryRunner): Promise<void> {
    if (failNext === 0) return;
    failNext--;
    if (testDialect() === 'postgres') {
      const [row] = (await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      await testDatabase(app).query('SELECT pg_terminate_backend(?)', [row!.pid]);
      return; // COMMIT now fails for real: the connection is gone.
    }
    throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
  }

  const health = async () => {
    const response = await fetch(`${app.url}/health`);
    return {
      status: response.status,
      body: (await response.json()) as {
        status: string;
        problems: { writes?: { reason: string } };
      },
    };
  };

  beforeAll(async () => {
    app = await startTestApp({ faults: { atCommit: (runner) => failCommit(runner) } });
    pm = await app.as('pm@example.com');
  });
  afterAll(() => app.stop());
  afterEach(() => {
    failNext = 0;
  });

  it('answers UNAVAILABLE, keeps nothing of the change, reports 503, then takes the retry', async () => {
    const issue = await raiseOn(pm, 'Radio Hardware WIPT', 'Connector corrosion after salt fog');
    failNext = 1;

    const error = await pm.fails(ADD_OPTION, {
      input: { issueKey: issue.key, version: issue.version, title: 'Gold-plated contacts' },
    });

    expect(error.extensions.code).toBe('UNAVAILABLE');
    expect(error.message).toBe('The change was not saved; try again.');
    const failing = await health();
    expect(failing.status).toBe(503);
    expect(failing.body.status).toBe('failing');
    expect(failing.body.problems.writes?.reason).toEqual(expect.any(String));
    const options = await testDatabase(app).query(
      'SELECT o.title FROM options o JOIN issues i ON i.id = o.issue_id WHERE i.key = ?',
      [issue.key],
    );
    expect(options).toEqual([]);
    // The writer was left clean: another connection can take the write lock at once.
    await expect(
      testDatabase(app).execute('UPDATE write_probe SET probed_at = NULL WHERE id = 1'),
    ).resolves.toBe(1);

    const retried = await pm.ok<{ addOption: IssueView }>(ADD_OPTION, {
      input: { issueKey: issue.key, version: issue.version, title: 'Gold-plated contacts' },
    });

    expect(retried.addOption.version).toBe(issue.version + 1);
    expect((await health()).status).toBe(200);
    const after = await testDatabase(app).query(
      'SELECT o.title FROM options o JOIN issues i ON i.id = o.issue_id WHERE i.key = ?',
      [issue.key],
    );
    expect(after).toEqual([{ title: 'Gold-plated contacts' }]);
    expect(await firstBrokenEvent(app)).toBeNull();
  });

  it('loses no acknowledged write and keeps no failed one in a burst with failures among it', async () => {
    const issue = await raiseOn(pm, 'Radio Hardware WIPT', 'EMI margin below 6 dB at 30 MHz');
    const bodies = Array.from({ length: 30 }, (_, n) => `Measurement ${n} attached.`);
    const answers = await Promise.all(
      bodies.map(async (body, n) => {
        // Every fifth write finds its COMMIT failing.
        if (n % 5 === 0) failNext++;
        const result = await pm.request(COMMENT, { input: { issueKey: issue.key, body } });
        return { body, code: result.errors?.[0]?.extensions.code ?? 'OK' };
      }),
    );

    const acknowledged = answers.filter((a) => a.code === 'OK').map((a) => a.body);
    const refused = answers.filter((a) => a.code !== 'OK');
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map((a) => a.code))).toEqual(new Set(['UNAVAILABLE']));
    const stored = await testDatabase(app).query<{ body: string }>(
      'SELECT c.body FROM comments c JOIN issues i ON i.id = c.issue_id WHERE i.key = ?',
      [issue.key],
    );
    expect(stored.map((row) => row.body).sort()).toEqual([...acknowledged].sort());
    expect(await firstBrokenEvent(app)).toBeNull();
    // The next write succeeds, and with it health comes back.
    failNext = 0;
    await pm.ok(COMMENT, { input: { issueKey: issue.key, body: 'All measurements in.' } });
    expect((await health()).status).toBe(200);
  });

  it('never hands a failed raise an issue number: the next raise takes it', async () => {
    const before = await raiseOn(pm, 'Radio Hardware WIPT', 'Battery latch too stiff');
    failNext = 1;
    const input = {
      programKey: 'HX',
      teamId: await teamId(pm, 'Radio Hardware WIPT'),
      title: 'Display unreadable in sunlight',
      conditionStatement: 'Contrast falls below 3:1 above 80 klx in the field trial.',
      impactArea: 'PERFORMANCE',
    };
    expect((await pm.fails(RAISE, { input })).extensions.code).toBe('UNAVAILABLE');

    const raised = await pm.ok<{ raiseIssue: IssueView }>(RAISE, { input });

    const number = (key: string) => Number(key.split('-')[1]);
    expect(number(raised.raiseIssue.key)).toBe(number(before.key) + 1);
  });
});

/**
 * SQLite's own failure modes, brought about for real on the app's writer connection (PostgreSQL
 * has its own above: the connection dropped mid-transaction).
 */
if (testDialect() === 'sqlite') describeSqliteRefusals();

function describeSqliteRefusals(): void {
  describe('SQLite storage that refuses writes', () => {
    let app: TestApp;
    let pm: ApiClient;

    beforeAll(async () => {
      app = await startTestApp();
      pm = await app.as('pm@example.com');
    });
    afterAll(() => app.stop());

    /** Runs a statement on the app's own writer connection (a pragma is per connection). */
    const onWriter = (sql: string) =>
      app.running.app
        .get(DatabaseService)
        .write({ actorId: null, at: app.clock.now() }, (tx) => tx.manager.query(sql));

    it('answers a full disk with UNAVAILABLE and 503, and recovers once there is room again', async () => {
      const issue = await raiseOn(pm, 'Radio Hardware WIPT', 'Antenna detuned by the new radome');
      const [{ page_count: pages }] = (await onWriter('PRAGMA page_count')) as [
        { page_count: number },
      ];
      await onWriter(`PRAGMA max_page_count = ${pages}`);
      const long = 'x'.repeat(9_000);
      const answers: string[] = [];
      for (let n = 0; n < 40; n++) {
        const result = await pm.request(COMMENT, {
          input: { issueKey: issue.key, body: `${n} ${long}` },
        });
        answers.push(result.errors?.[0]?.extensions.code ?? 'OK');
        if (answers.at(-1) !== 'OK') break;
      }
      expect(answers.at(-1)).toBe('UNAVAILABLE');
      const failing = await fetch(`${app.url}/health`);
      expect(failing.status).toBe(503);
      expect(JSON.stringify(await failing.json())).toContain('the disk is full');

      await onWriter('PRAGMA max_page_count = 1073741823');
      await pm.ok(COMMENT, { input: { issueKey: issue.key, body: 'Room again.' } });

      expect((await fetch(`${app.url}/health`)).status).toBe(200);
      const stored = await testDatabase(app).query<{ n: number }>(
        'SELECT COUNT(*) AS n FROM comments c JOIN issues i ON i.id = c.issue_id WHERE i.key = ?',
        [issue.key],
      );
      expect(stored[0]!.n).toBe(answers.filter((a) => a === 'OK').length + 1);
      expect(await firstBrokenEvent(app)).toBeNull();
    });

    it('syncs every commit to disk by default (synchronous = FULL)', async () => {
      const [row] = (await onWriter('PRAGMA synchronous')) as [{ synchronous: number }];
      expect(row.synchronous).toBe(2);
    });
  });
}
