import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { decisionContentHash } from 'api/src/verification/decision-hash';
import { CREATE_PROGRAM, SET_PROGRAM_ROLE } from '../support/administration';
import { T0, TestApp, startTestApp } from '../support/app';
import type { ApiClient } from '../support/client';
import { type Row, type SqlParameter, testDatabase } from '../support/database';
import { ME } from '../support/operations';

/**
 * Verifying the record (ADR 0016): the real app on demo data, its database then altered behind
 * its back the way someone with database access could, and the `verifyRecord` query and
 * `npm run verify` (the built CLI, as an operator runs it) naming the break.
 */
const ROOT = join(__dirname, '../..');
const VERIFY_CLI = join(ROOT, 'apps/api/dist/cli/verify.js');

const VERIFY = `query ($programKey: String!) {
  verifyRecord(programKey: $programKey) {
    programKey verified chainIntact eventsChecked decisionsChecked chainEventsChecked checkedAt
    firstBreak { seq at issueKey eventType inThisProgram problem }
  }
}`;

interface Verification {
  programKey: string;
  verified: boolean;
  chainIntact: boolean;
  eventsChecked: number;
  decisionsChecked: number;
  chainEventsChecked: number;
  checkedAt: string;
  firstBreak: {
    seq: number | null;
    at: string | null;
    issueKey: string | null;
    eventType: string | null;
    inThisProgram: boolean;
    problem: string;
  } | null;
}

/** A decision row as stored. */
interface StoredDecision extends Row {
  id: string;
  issue_id: string;
  program_id: string;
  option_id: string;
  rationale: string;
  conditions: string;
  decided_by_id: string;
  team_id: string;
  tier: string;
  decided_at: string;
  ready_at: string | null;
  due_at: string | null;
  considered_recommendation_ids: string;
  dissenting_disciplines: string;
  supersedes_id: string | null;
  content_hash: string;
}

async function verify(client: ApiClient, programKey = 'HX'): Promise<Verification> {
  return (await client.ok<{ verifyRecord: Verification }>(VERIFY, { programKey })).verifyRecord;
}

/** `npm run verify` on the app's database, as an operator runs it (built by `^build`). */
function runCli(app: TestApp) {
  const run = spawnSync(process.execPath, [VERIFY_CLI], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: testDatabase(app).url },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Changes exactly one row straight in the database, as someone with database access could, not
 * through the app: on the shared dual-dialect helper, so it runs on SQLite and PostgreSQL alike.
 */
async function alterBehindTheAppsBack(
  app: TestApp,
  sql: string,
  params: readonly SqlParameter[],
): Promise<void> {
  const changed = await testDatabase(app).execute(sql, params);
  if (changed !== 1) throw new Error(`Expected to alter one row, altered ${changed}: ${sql}`);
}

async function issueKeyOf(app: TestApp, issueId: string): Promise<string> {
  const [row] = await testDatabase(app).query<{ key: string }>(
    'SELECT key FROM issues WHERE id = ?',
    [issueId],
  );
  if (!row) throw new Error(`No issue ${issueId}`);
  return row.key;
}

describe('verifying the record', () => {
  let app: TestApp;
  let admin: ApiClient;
  let pm: ApiClient;
  let lead: ApiClient;

  beforeAll(async () => {
    if (!existsSync(VERIFY_CLI)) {
      throw new Error(`${VERIFY_CLI} is missing: build the API first (nx run api:build).`);
    }
    app = await startTestApp();
    [admin, pm, lead] = await Promise.all([
      app.as('admin@example.com'),
      app.as('pm@example.com'),
      app.as('lead@example.com'),
    ]);
  });
  afterAll(() => app.stop());

  it('verifies the intact demo record for leadership and admins, and the CLI agrees', async () => {
    const events = await testDatabase(app).query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM events WHERE program_id = (SELECT id FROM programs WHERE key = 'HX')",
    );
    const decisions = await testDatabase(app).query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM decisions',
    );
    for (const client of [pm, lead, admin]) {
      const result = await verify(client);
      expect(result).toEqual({
        programKey: 'HX',
        verified: true,
        chainIntact: true,
        eventsChecked: events[0]!.n,
        decisionsChecked: decisions[0]!.n,
        chainEventsChecked: expect.any(Number),
        checkedAt: T0,
        firstBreak: null,
      });
      expect(result.eventsChecked).toBeGreaterThan(0);
      expect(result.decisionsChecked).toBeGreaterThan(0);
      // Account events (the demo's people) belong to no program but are on the one chain.
      expect(result.chainEventsChecked).toBeGreaterThan(result.eventsChecked);
    }

    const cli = runCli(app);
    expect(cli.stdout).toContain(`${events[0]!.n} events, ${decisions[0]!.n} decisions, intact`);
    expect(cli.stdout).toContain('VERIFIED');
    expect(cli.status).toBe(0);
  });

  it('refuses representatives, and people outside the program, with FORBIDDEN', async () => {
    const engineering = await app.as('engineering@example.com');
    const refused = await engineering.fails(VERIFY, { programKey: 'HX' });
    expect(refused.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredRole: 'PROGRAM_MANAGER, decision authority in the program, or system admin',
    });
    expect(refused.message).toBe(
      'Only program managers, members with decision authority in this program and system admins may verify its record.',
    );
    const unknown = await pm.fails(VERIFY, { programKey: 'NOPE' });
    expect(unknown.extensions.code).toBe('FORBIDDEN');
    expect((await app.client().fails(VERIFY, { programKey: 'HX' })).extensions.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('names the event whose `after` was altered, then verifies again once it is put back', async () => {
    const db = testDatabase(app);
    const [event] = await db.query<{ seq: number; after: string; issue_id: string }>(
      "SELECT seq, after, issue_id FROM events WHERE type = 'ISSUE_RAISED' ORDER BY seq DESC LIMIT 1",
    );
    if (!event) throw new Error('The demo raised no issue');
    const issueKey = await issueKeyOf(app, event.issue_id);
    const [stored] = await db.query<{ at: string }>('SELECT at FROM events WHERE seq = ?', [
      event.seq,
    ]);
    const altered = JSON.stringify({ ...JSON.parse(event.after), title: 'Nothing to see here' });
    await alterBehindTheAppsBack(app, 'UPDATE events SET after = ? WHERE seq = ?', [
      altered,
      event.seq,
    ]);
    try {
      const result = await verify(pm);
      expect(result).toMatchObject({ verified: false, chainIntact: false });
      expect(result.firstBreak).toEqual({
        seq: event.seq,
        at: stored!.at,
        issueKey,
        eventType: 'ISSUE_RAISED',
        inThisProgram: true,
        problem:
          'The event’s content no longer matches its hash: it was altered after it was recorded.',
      });

      const cli = runCli(app);
      expect(cli.stdout).toContain(
        `BROKEN: 1 break; the first at event #${event.seq} ISSUE_RAISED issue ${issueKey}`,
      );
      expect(cli.stdout).toContain('CHAIN BROKEN');
      expect(cli.status).toBe(1);
    } finally {
      await alterBehindTheAppsBack(app, 'UPDATE events SET after = ? WHERE seq = ?', [
        event.after,
        event.seq,
      ]);
    }
    expect((await verify(pm)).verified).toBe(true);
  });

  it('names the decision whose rationale was altered, and one altered with its hash recomputed', async () => {
    const db = testDatabase(app);
    const [decision] = await db.query<{ id: string; rationale: string; issue_id: string }>(
      'SELECT id, rationale, issue_id FROM decisions ORDER BY decided_at DESC, id LIMIT 1',
    );
    if (!decision) throw new Error('The demo recorded no decision');
    const [recorded] = await db.query<{ seq: number; type: string; at: string }>(
      "SELECT seq, type, at FROM events WHERE entity_type = 'Decision' AND entity_id = ?",
      [decision.id],
    );
    const issueKey = await issueKeyOf(app, decision.issue_id);
    const expected = {
      seq: recorded!.seq,
      at: recorded!.at,
      issueKey,
      eventType: recorded!.type,
      inThisProgram: true,
    };

    await alterBehindTheAppsBack(app, 'UPDATE decisions SET rationale = ? WHERE id = ?', [
      'Decided on a whim.',
      decision.id,
    ]);
    try {
      const result = await verify(lead);
      // The chain itself is whole; the decision row is not.
      expect(result).toMatchObject({ verified: false, chainIntact: true });
      expect(result.firstBreak).toEqual({
        ...expected,
        problem: `Decision ${decision.id} no longer matches its content hash: the decision was altered after it was recorded.`,
      });
      const cli = runCli(app);
      expect(cli.stdout).toContain(
        `BROKEN: 1 break; the first at event #${recorded!.seq} ${recorded!.type} issue ${issueKey}`,
      );
      expect(cli.status).toBe(1);

      // Someone who knows the hash recomputes it too: the event that recorded it still disagrees.
      const [row] = await db.query<StoredDecision>('SELECT * FROM decisions WHERE id = ?', [
        decision.id,
      ]);
      const rehashed = decisionContentHash({
        id: row!.id,
        issueId: row!.issue_id,
        programId: row!.program_id,
        optionId: row!.option_id,
        rationale: row!.rationale,
        conditions: row!.conditions,
        decidedById: row!.decided_by_id,
        teamId: row!.team_id,
        tier: row!.tier,
        decidedAt: new Date(row!.decided_at),
        readyAt: row!.ready_at === null ? null : new Date(row!.ready_at),
        dueAt: row!.due_at === null ? null : new Date(row!.due_at),
        consideredRecommendationIds: JSON.parse(row!.considered_recommendation_ids) as string[],
        dissentingDisciplines: JSON.parse(row!.dissenting_disciplines) as string[],
        supersedesId: row!.supersedes_id,
      });
      await alterBehindTheAppsBack(app, 'UPDATE decisions SET content_hash = ? WHERE id = ?', [
        rehashed,
        decision.id,
      ]);
      expect((await verify(lead)).firstBreak).toEqual({
        ...expected,
        problem: `Decision ${decision.id} and its content hash differ from the hash its event recorded: both were altered after it was recorded.`,
      });
      await alterBehindTheAppsBack(app, 'UPDATE decisions SET content_hash = ? WHERE id = ?', [
        row!.content_hash,
        decision.id,
      ]);
    } finally {
      await alterBehindTheAppsBack(app, 'UPDATE decisions SET rationale = ? WHERE id = ?', [
        decision.rationale,
        decision.id,
      ]);
    }
    expect((await verify(lead)).verified).toBe(true);
  });

  it('tells another program’s leadership the shared chain broke, naming the issue only to admins', async () => {
    await admin.ok(CREATE_PROGRAM, {
      input: { key: 'NV', name: 'Naval Sensor', phase: 'Production', timeZone: 'UTC' },
    });
    const pmId = (await pm.ok<{ me: { id: string } }>(ME)).me.id;
    await admin.ok(SET_PROGRAM_ROLE, {
      input: { programKey: 'NV', userId: pmId, role: 'PROGRAM_MANAGER' },
    });
    const db = testDatabase(app);
    const [nv] = await db.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM events WHERE program_id = (SELECT id FROM programs WHERE key = 'NV')",
    );
    expect(await verify(pm, 'NV')).toMatchObject({
      verified: true,
      eventsChecked: nv!.n,
      decisionsChecked: 0,
    });

    const [event] = await db.query<{ seq: number; after: string; issue_id: string }>(
      "SELECT seq, after, issue_id FROM events WHERE type = 'COMMENT_ADDED' ORDER BY seq LIMIT 1",
    );
    if (!event) throw new Error('The demo has no comment');
    await alterBehindTheAppsBack(app, 'UPDATE events SET after = ? WHERE seq = ?', [
      JSON.stringify({ ...JSON.parse(event.after), body: 'Rewritten' }),
      event.seq,
    ]);
    try {
      const outside = await verify(pm, 'NV');
      expect(outside).toMatchObject({
        verified: false,
        chainIntact: false,
        eventsChecked: nv!.n,
      });
      expect(outside.firstBreak).toMatchObject({
        seq: event.seq,
        issueKey: null,
        eventType: null,
        inThisProgram: false,
      });
      expect(outside.firstBreak?.problem).toContain('outside this program');
      expect((await verify(admin, 'NV')).firstBreak).toMatchObject({
        seq: event.seq,
        issueKey: await issueKeyOf(app, event.issue_id),
        eventType: 'COMMENT_ADDED',
        inThisProgram: false,
      });
    } finally {
      await alterBehindTheAppsBack(app, 'UPDATE events SET after = ? WHERE seq = ?', [
        event.after,
        event.seq,
      ]);
    }
  });
});
