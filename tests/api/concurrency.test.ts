import { IssueCommands } from 'api/src/issues/commands';
import { UserEntity } from 'api/src/users/user.entity';
import { DatabaseService } from 'api/src/database/database.service';
import { TestApp, startTestApp } from '../support/app';
import {
  ADD_OPTION,
  Cast,
  HARDWARE_WIPT,
  ISSUE,
  IssueView,
  RAISE,
  anIssueInReview,
  signInCast,
  teamId,
} from '../support/operations';
import { firstBrokenEvent, testDatabase } from '../support/database';

/**
 * Many mutations in flight at once, a third of them failing inside their transaction. Every
 * acknowledged write must be stored, and no failed one may leave a trace (ADR 4: overlapping
 * TypeORM transactions on better-sqlite3 lose committed writes unless writes are serialized).
 */
describe('concurrent writes', () => {
  let app: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    app = await startTestApp();
    cast = await signInCast(app.as);
  });
  afterAll(() => app.stop());

  it('stores every acknowledged write and nothing from the failed ones', async () => {
    const host = await anIssueInReview(cast, app.clock.now().toISOString());
    const team = await teamId(cast.engineering, HARDWARE_WIPT);
    const count = async (sql: string) => (await testDatabase(app).query<{ n: number }>(sql))[0]!.n;
    const eventsBefore = await count('SELECT COUNT(*) AS n FROM events');

    const raise = (n: number, teamId: string) =>
      cast.engineering.request<{ raiseIssue: IssueView }>(RAISE, {
        input: {
          programKey: 'HX',
          teamId,
          title: `Concurrent issue ${n}`,
          conditionStatement: 'Raised in a burst.',
          impactArea: 'COST',
        },
      });
    // All with the same version: exactly one can win, the rest fail on the version check.
    const addOption = (n: number) =>
      cast.engineering.request<{ addOption: IssueView }>(ADD_OPTION, {
        input: { issueKey: host.key, version: host.version, title: `Racing option ${n}` },
      });
    const attempts = Array.from({ length: 60 }, (_, n) =>
      n % 3 === 0
        ? addOption(n)
        : n % 3 === 1
          ? raise(n, team)
          : raise(n, n % 2 ? team : 'no-such-team'),
    );
    const results = await Promise.all(attempts);

    const raised = results.flatMap((r) =>
      r.data && 'raiseIssue' in r.data ? [r.data.raiseIssue] : [],
    );
    const optionWins = results.filter((r) => r.data && 'addOption' in r.data);
    const failures = results.filter((r) => r.errors);
    expect(optionWins).toHaveLength(1);
    expect(failures.map((f) => f.errors![0]!.extensions.code).sort()).toEqual(
      expect.arrayContaining(['BAD_USER_INPUT', 'CONFLICT']),
    );
    expect(raised.length + optionWins.length + failures.length).toBe(60);

    // Every acknowledged issue is there, with its event, under a distinct number.
    for (const issue of raised) {
      const stored = (await cast.pm.ok<{ issue: IssueView }>(ISSUE, { key: issue.key })).issue;
      expect(stored).toMatchObject({ title: issue.title, status: 'OPEN', version: 1 });
      expect(stored.timeline.map((e) => e.type)).toEqual(['ISSUE_RAISED']);
    }
    expect(new Set(raised.map((i) => i.key)).size).toBe(raised.length);

    // The failed ones left nothing: one extra option, and exactly one event per acknowledged write.
    const hostAfter = (await cast.pm.ok<{ issue: IssueView }>(ISSUE, { key: host.key })).issue;
    expect(hostAfter.options).toHaveLength(host.options.length + 1);
    expect(hostAfter.version).toBe(host.version + 1);
    const counts = {
      events: await count('SELECT COUNT(*) AS n FROM events'),
      issues: await count("SELECT COUNT(*) AS n FROM issues WHERE title LIKE 'Concurrent issue %'"),
      options: await count("SELECT COUNT(*) AS n FROM options WHERE title LIKE 'Racing option %'"),
    };
    expect(counts).toEqual({
      events: eventsBefore + raised.length + 1,
      issues: raised.length,
      options: 1,
    });

    // And the hash chain over the whole history is unbroken.
    expect(await firstBrokenEvent(app)).toBeNull();
  });

  it('keeps transactions that start in the same tick apart (in-process burst, no HTTP in between)', async () => {
    // HTTP parsing spaces requests out; calling the service directly starts every transaction at
    // once, so without serialization they would nest as savepoints of one transaction.
    const issues = app.running.app.get(IssueCommands);
    const db = app.running.app.get(DatabaseService);
    const engineer = await db.reader.findOneByOrFail(UserEntity, {
      email: 'engineering@example.com',
    });
    const host = await anIssueInReview(cast, app.clock.now().toISOString());
    const team = await teamId(cast.engineering, HARDWARE_WIPT);
    const at = app.clock.now();

    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, n) =>
        n % 2 === 0
          ? issues.raise(
              { user: engineer, at },
              {
                programKey: 'HX',
                teamId: team,
                title: `Burst ${n}`,
                conditionStatement: 'c',
                impactArea: 'COST',
              },
            )
          : issues.addOption(
              { user: engineer, at },
              { issueKey: host.key, version: host.version - 1, title: `Stale ${n}` },
            ),
      ),
    );
    const stored = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(stored).toHaveLength(20);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(20);
    const rows = await testDatabase(app).query<{ key: string }>(
      "SELECT key FROM issues WHERE title LIKE 'Burst %' ORDER BY key",
    );
    expect(rows.map((r) => r.key).sort()).toEqual(stored.map((i) => i.key).sort());
    expect(
      (
        await testDatabase(app).query(
          "SELECT COUNT(*) AS n FROM options WHERE title LIKE 'Stale %'",
        )
      )[0],
    ).toEqual({ n: 0 });
    expect(await firstBrokenEvent(app)).toBeNull();
  });
});
