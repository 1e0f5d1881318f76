import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_TIMELINESS_POLICY,
  policyDueAt,
  timelinessReport,
  type ProgramFacts,
  type WorkCalendar,
} from '@ipt/domain';
import { generateProgram, type GenerateSummary } from 'api/src/cli/generate';
import { openDatabases } from 'api/src/database/data-source';
import { loadFactsFromTables } from 'api/src/timeliness/facts';
import {
  canonicalFacts,
  loadRolledUpFacts,
  OPEN_FOREVER,
} from 'api/src/timeliness/issue-facts.rollup';
import { replayFacts } from 'api/src/timeliness/replay';
import { firstBrokenEvent, sqliteFileDatabase, type TestDatabase } from '../support/database';

const NOW = new Date('2026-11-30T17:00:00.000Z');
const CALENDAR: WorkCalendar = { timeZone: 'America/New_York', holidays: new Set() };

describe('the data generator', () => {
  let dir: string;
  let file: string;
  /** The generated file, read the way an auditor would. */
  let generated: TestDatabase;
  let summary: GenerateSummary;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ipt-generator-'));
    file = join(dir, 'generated.sqlite');
    // A short span, so 300 issues make a busy program with work still open at "now".
    summary = await generateProgram({
      issues: 300,
      database: file,
      seed: 7,
      now: NOW,
      spanDays: 120,
    });
    generated = sqliteFileDatabase(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes an event log whose hash chain verifies, with sound foreign keys', async () => {
    expect(await firstBrokenEvent(generated)).toBeNull();
    expect(await generated.query('PRAGMA foreign_key_check')).toEqual([]);
    expect(await generated.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(summary.counts['issues']).toBe(300);
    expect(summary.counts['events']).toBeGreaterThan(300 * 8);
  });

  it('is deterministic for a seed', async () => {
    const again = join(dir, 'again.sqlite');
    await generateProgram({ issues: 300, database: again, seed: 7, now: NOW, spanDays: 120 });
    const lastHash = (path: string) =>
      sqliteFileDatabase(path).query('SELECT hash FROM events ORDER BY seq DESC LIMIT 1');
    expect(await lastHash(again)).toEqual(await lastHash(file));
  });

  it('refuses to overwrite a file unless forced', async () => {
    await expect(generateProgram({ issues: 1, database: file, now: NOW })).rejects.toThrow(
      /already exists/,
    );
  });

  it('keeps the counts consistent: decisions, resolutions, every status present', async () => {
    const count = async (sql: string) => (await generated.query<{ n: number }>(sql))[0]!.n;
    expect(
      await count(`SELECT count(*) n FROM issues i WHERE decided_at IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.issue_id = i.id)`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) n FROM issues i WHERE status IN ('DECIDED','RESOLVED','CLOSED')
               AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.issue_id = i.id AND d.superseded_at IS NULL)`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) n FROM issues WHERE status = 'CLOSED' AND resolved_at IS NULL`),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) n FROM issues WHERE status = 'WITHDRAWN' AND withdrawn_at IS NULL`,
      ),
    ).toBe(0);
    // No issue is resolved with work outstanding on the decision in force.
    expect(
      await count(`SELECT count(*) n FROM issues i JOIN action_items a ON a.issue_id = i.id
               JOIN decisions d ON d.id = a.decision_id AND d.superseded_at IS NULL
               WHERE i.status IN ('RESOLVED','CLOSED') AND (a.done_at IS NULL OR a.done_at > i.resolved_at)`),
    ).toBe(0);
    // One current recommendation per issue and discipline at most.
    expect(
      await count(`SELECT count(*) n FROM (SELECT issue_id, discipline FROM recommendations
               WHERE superseded_at IS NULL GROUP BY issue_id, discipline HAVING count(*) > 1)`),
    ).toBe(0);
    const statuses = (
      await generated.query<{ status: string }>('SELECT DISTINCT status FROM issues')
    ).map((r) => r.status);
    expect(statuses).toEqual(
      expect.arrayContaining(['OPEN', 'IN_REVIEW', 'AWAITING_DECISION', 'DECIDED', 'CLOSED']),
    );
    expect(
      await count(`SELECT count(*) n FROM escalations WHERE source = 'PERSON'`),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) n FROM escalations WHERE source = 'POLICY'`),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) n FROM decisions WHERE dissenting_disciplines <> '[]'`),
    ).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*) n FROM action_items WHERE done_at IS NULL AND due_at < '${NOW.toISOString()}'`,
      ),
    ).toBeGreaterThan(0);
    expect(await count(`SELECT max(raised_at) > '2026-11-20' n FROM issues`)).toBe(1);
    expect(await count(`SELECT count(*) n FROM events WHERE at > '${NOW.toISOString()}'`)).toBe(0);
  });

  it('sets due dates by the program policy (the domain policyDueAt), also after escalation', async () => {
    const policy = DEFAULT_TIMELINESS_POLICY;
    const issues = await generated.query<Record<string, string | number | null>>(
      `SELECT id, consequence, raised_at, triaged_at, tier_entered_at, ready_at, decided_at,
                  triage_due_at, recommendations_due_at, decision_due_at, resolution_due_at, status
           FROM issues ORDER BY number`,
    );
    let checked = 0;
    for (const issue of issues) {
      const at = (column: string) => Date.parse(issue[column] as string);
      // The triage clock started at raise, before the issue was rated unless rated at raise.
      expect(issue['triage_due_at']).not.toBeNull();
      if (issue['triaged_at'] && issue['status'] === 'IN_REVIEW') {
        const start = Math.max(at('triaged_at'), at('tier_entered_at'));
        expect(issue['recommendations_due_at']).toBe(
          new Date(
            policyDueAt('RECOMMENDATIONS', start, issue['consequence'] as 3, policy, CALENDAR),
          ).toISOString(),
        );
        checked++;
      }
      if (issue['ready_at'] && issue['status'] === 'AWAITING_DECISION') {
        expect(issue['decision_due_at']).toBe(
          new Date(
            policyDueAt('DECISION', at('ready_at'), issue['consequence'] as 3, policy, CALENDAR),
          ).toISOString(),
        );
        checked++;
      }
      if (issue['decided_at'] && issue['status'] !== 'WITHDRAWN') {
        expect(issue['resolution_due_at']).toBe(
          new Date(
            policyDueAt(
              'RESOLUTION',
              at('decided_at'),
              issue['consequence'] as 3,
              policy,
              CALENDAR,
            ),
          ).toISOString(),
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
    // Recommendations made after an escalation were asked at the escalation instant.
    const [escalated] = await generated.query<{ n: number }>(
      `SELECT count(*) n FROM recommendations r JOIN escalations e ON e.issue_id = r.issue_id
           AND r.team_id = e.to_team_id WHERE r.requested_at <> e.escalated_at`,
    );
    expect(escalated!.n).toBe(0);
  });

  it('replays a past instant the same when unchanged issues come from their roll-up', async () => {
    const databases = await openDatabases({ kind: 'sqlite', path: file, synchronous: 'FULL' });
    try {
      const manager = databases.reader.manager;
      const programId = summary.programId;
      for (const daysBack of [10, 45, 90]) {
        const asOf = NOW.getTime() - daysBack * 86_400_000;
        const window = { asOf, from: asOf - 28 * 86_400_000, to: asOf, timeZone: 'UTC' };
        const since = window.from - 28 * 86_400_000;
        const everyIssue = await replayFacts(manager, programId, asOf, since, {
          fromRollup: false,
        });
        const hybrid = await replayFacts(manager, programId, asOf, since);
        // The same figures, to the last one.
        expect(timelinessReport(hybrid, window)).toEqual(timelinessReport(everyIssue, window));
        // The same facts for every issue the shortcut keeps (it leaves out only issues whose
        // last move came before the window, which no figure counts).
        const kept = new Set(hybrid.issues.map((i) => i.id));
        const only = (facts: ProgramFacts) => ({
          ...facts,
          issues: facts.issues.filter((i) => kept.has(i.id)),
          recommendations: facts.recommendations.filter((r) => kept.has(r.issueId)),
          escalations: facts.escalations.filter((e) => kept.has(e.issueId)),
          actionItems: facts.actionItems.filter((a) => kept.has(a.issueId)),
        });
        expect(canonicalFacts(hybrid)).toEqual(canonicalFacts(only(everyIssue)));
        expect(hybrid.issues.length).toBeGreaterThan(20);
      }
    } finally {
      await databases.close();
    }
  });

  it('writes facts that the event log replays exactly', async () => {
    const databases = await openDatabases({ kind: 'sqlite', path: file, synchronous: 'FULL' });
    try {
      const programId = summary.programId;
      const fromTables = await loadFactsFromTables(databases.reader.manager, {
        programId,
        since: 0,
        asOf: NOW.getTime(),
      });
      const replayed = await replayFacts(
        databases.reader.manager,
        programId,
        NOW.getTime(),
        -Infinity,
        { fromRollup: false },
      );
      expect(canonicalFacts(replayed)).toEqual(canonicalFacts(fromTables));
      expect(fromTables.issues).toHaveLength(300);
      // The roll-up the current view reads, written by the API's own code, equals both.
      const rolledUp = await loadRolledUpFacts(databases.reader.manager, {
        programId,
        since: 0,
        asOf: NOW.getTime(),
      });
      expect(canonicalFacts(rolledUp)).toEqual(canonicalFacts(fromTables));
      // And a recent window reads fewer issues, the same ones the tables' window reads.
      const since = NOW.getTime() - 60 * 86_400_000;
      const recent = await loadRolledUpFacts(databases.reader.manager, {
        programId,
        since,
        asOf: NOW.getTime(),
      });
      const tablesRecent = await loadFactsFromTables(databases.reader.manager, {
        programId,
        since,
        asOf: NOW.getTime(),
      });
      expect(recent.issues.length).toBeLessThan(300);
      expect(recent.issues.length).toBeGreaterThan(0);
      expect(canonicalFacts(recent)).toEqual(canonicalFacts(tablesRecent));
      const open = await databases.reader.manager.query(
        `SELECT count(*) n FROM issue_facts WHERE counts_until = ?`,
        [OPEN_FOREVER],
      );
      expect(Number(open[0].n)).toBeGreaterThan(0);
    } finally {
      await databases.close();
    }
  });
});
