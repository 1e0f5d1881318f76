import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Databases, openDatabases } from '../database/data-source';
import { type EventInput, WriteTransaction } from '../events/write.service';
import { type DecisionContent, decisionContentHash } from './decision-hash';
import { verifyRecord } from './record-verifier';

/**
 * The checker on a real (SQLite) database, with events written the way the app writes them and
 * then altered by hand: every kind of break, found where it shows, across batch boundaries.
 * (The system test does the same through the API and the CLI, on both databases.)
 */
describe('verifying the record', () => {
  let folder: string;
  let db: Databases;
  const at = new Date('2026-03-02T14:00:00.000Z');

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'ipt-verify-'));
    db = await openDatabases({
      kind: 'sqlite',
      path: join(folder, 'db.sqlite'),
      synchronous: 'FULL',
    });
    // Decisions and events here name programs, issues and options that need not exist.
    await db.writer.query('PRAGMA foreign_keys = OFF');
  });
  afterEach(async () => {
    await db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function record(...inputs: EventInput[]): Promise<void> {
    await db.writer.transaction(async (manager) => {
      const tx = new WriteTransaction(manager, { actorId: 'u-1', at }, 'sqlite');
      for (const input of inputs) await tx.record(input);
    });
  }

  const event = (n: number, programId: string | null): EventInput => ({
    type: 'COMMENT_ADDED',
    entityType: 'Comment',
    entityId: `c-${n}`,
    programId,
    issueId: programId ? `i-${programId}` : null,
    after: { body: `Comment ${n}` },
  });

  function decision(id: string, programId = 'p-a'): DecisionContent {
    // An issue each: the database holds one decision in force per issue.
    return {
      id,
      issueId: `i-${id}`,
      programId,
      optionId: 'o-1',
      rationale: 'The gusset fixes the stress riser.',
      conditions: '',
      decidedById: 'u-1',
      teamId: 't-1',
      tier: 'WIPT',
      decidedAt: at,
      readyAt: null,
      dueAt: null,
      consideredRecommendationIds: ['r-1'],
      dissentingDisciplines: ['test'],
      supersedesId: null,
    };
  }

  async function insertDecision(content: DecisionContent, contentHash: string): Promise<void> {
    await db.writer.query(
      `INSERT INTO decisions (id, issue_id, program_id, option_id, rationale, conditions, decided_by_id,
        team_id, tier, decided_at, ready_at, due_at, considered_recommendation_ids,
        dissenting_disciplines, supersedes_id, content_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, NULL, ?)`,
      [
        content.id,
        content.issueId,
        content.programId,
        content.optionId,
        content.rationale,
        content.conditions,
        content.decidedById,
        content.teamId,
        content.tier,
        content.decidedAt.toISOString(),
        JSON.stringify(content.consideredRecommendationIds),
        JSON.stringify(content.dissentingDisciplines),
        contentHash,
      ],
    );
  }

  /** A decision and the event that recorded it; `hashInEvent` false as before decisions were hashed. */
  async function decide(id: string, hashInEvent = true): Promise<void> {
    const content = decision(id);
    const hash = decisionContentHash(content);
    await insertDecision(content, hash);
    await record({
      type: 'DECISION_RECORDED',
      entityType: 'Decision',
      entityId: id,
      programId: content.programId,
      issueId: content.issueId,
      after: { rationale: content.rationale, ...(hashInEvent ? { contentHash: hash } : {}) },
    });
  }

  const check = () => verifyRecord(db.reader.manager, { batchSize: 3 });

  it('verifies an empty record', async () => {
    expect(await check()).toMatchObject({
      events: 0,
      decisions: 0,
      chainIntact: true,
      firstBreak: null,
      programs: [],
    });
  });

  it('verifies an intact record in batches, counting per program, and reports progress', async () => {
    await record(event(1, null), event(2, 'p-a'), event(3, 'p-b'));
    await record(event(4, 'p-a'), event(5, 'p-a'));
    await decide('d-1');
    await decide('d-old', false);
    const progress: number[] = [];
    let total = 0;
    const report = await verifyRecord(db.reader.manager, {
      batchSize: 3,
      onStart: (events) => (total = events),
      onProgress: (events) => progress.push(events),
    });
    expect({ total, progress }).toEqual({ total: 7, progress: [3, 6, 7] });
    expect(report).toMatchObject({
      events: 7,
      decisions: 2,
      firstSeq: 1,
      lastSeq: 7,
      breaks: 0,
      chainIntact: true,
      firstBreak: null,
    });
    expect(report.programs).toEqual([
      { programId: null, events: 1, decisions: 0, firstBreak: null },
      { programId: 'p-a', events: 5, decisions: 2, firstBreak: null },
      { programId: 'p-b', events: 1, decisions: 0, firstBreak: null },
    ]);
  });

  it('finds each altered event by itself, the first one first, also after a break', async () => {
    await record(...[1, 2, 3, 4, 5, 6, 7].map((n) => event(n, n % 2 ? 'p-a' : 'p-b')));
    await db.writer.query(`UPDATE events SET after = '{"body":"Rewritten"}' WHERE seq IN (4, 7)`);
    await db.writer.query(`UPDATE events SET before = 'not json' WHERE seq = 5`);
    const report = await check();
    expect(report).toMatchObject({ events: 7, breaks: 3, chainIntact: false });
    expect(report.firstBreak).toMatchObject({
      kind: 'EVENT_ALTERED',
      seq: 4,
      at,
      programId: 'p-b',
      eventType: 'COMMENT_ADDED',
    });
    expect(
      report.programs.map((p) => [p.programId, p.firstBreak?.seq, p.firstBreak?.kind]),
    ).toEqual([
      ['p-a', 5, 'EVENT_UNREADABLE'],
      ['p-b', 4, 'EVENT_ALTERED'],
    ]);
  });

  it('finds a deleted event at the one after it, and a deleted start of the chain', async () => {
    await record(...[1, 2, 3, 4, 5].map((n) => event(n, 'p-a')));
    await db.writer.query('DELETE FROM events WHERE seq = 3');
    expect((await check()).firstBreak).toMatchObject({
      kind: 'CHAIN_LINK',
      seq: 4,
      problem: expect.stringContaining('does not follow event #2'),
    });
    await db.writer.query('DELETE FROM events WHERE seq IN (1, 4)');
    const report = await check();
    expect(report.firstBreak).toMatchObject({
      kind: 'CHAIN_LINK',
      seq: 2,
      problem: expect.stringContaining('The first event does not start the chain'),
    });
    expect(report.breaks).toBe(2);
  });

  it('finds a decision altered, altered with its hash, deleted, or never recorded', async () => {
    await record(event(1, 'p-a'));
    await decide('d-altered');
    await decide('d-rehashed');
    await decide('d-deleted');
    await decide('d-old', false);
    await db.writer.query(`UPDATE decisions SET rationale = 'On a whim.' WHERE id = 'd-altered'`);
    const rehashed = { ...decision('d-rehashed'), rationale: 'On a whim.' };
    await db.writer.query(`UPDATE decisions SET rationale = ?, content_hash = ? WHERE id = ?`, [
      rehashed.rationale,
      decisionContentHash(rehashed),
      rehashed.id,
    ]);
    await db.writer.query(`DELETE FROM decisions WHERE id = 'd-deleted'`);
    const unrecorded = decision('d-unrecorded', 'p-b');
    await insertDecision(unrecorded, decisionContentHash(unrecorded));

    const report = await verifyRecord(db.reader.manager, { batchSize: 2 });
    expect(report).toMatchObject({ events: 5, decisions: 4, breaks: 4, chainIntact: true });
    expect(report.firstBreak).toMatchObject({
      kind: 'DECISION_ALTERED',
      seq: 2,
      decisionId: 'd-altered',
      eventType: 'DECISION_RECORDED',
    });
    expect(report.programs).toEqual([
      expect.objectContaining({ programId: 'p-a', events: 5, decisions: 3 }),
      expect.objectContaining({
        programId: 'p-b',
        events: 0,
        decisions: 1,
        firstBreak: expect.objectContaining({
          kind: 'DECISION_UNRECORDED',
          seq: null,
          at,
          decisionId: 'd-unrecorded',
        }),
      }),
    ]);

    // Each of the others, once the earlier ones are put right.
    await db.writer.query(`UPDATE decisions SET rationale = ? WHERE id = 'd-altered'`, [
      decision('d-altered').rationale,
    ]);
    expect((await check()).firstBreak).toMatchObject({
      kind: 'DECISION_HASH_MISMATCH',
      seq: 3,
    });
    await db.writer.query(`UPDATE decisions SET rationale = ?, content_hash = ? WHERE id = ?`, [
      decision('d-rehashed').rationale,
      decisionContentHash(decision('d-rehashed')),
      'd-rehashed',
    ]);
    expect((await check()).firstBreak).toMatchObject({ kind: 'DECISION_MISSING', seq: 4 });
  });

  it('reports a decision moved to another issue once, where it was recorded', async () => {
    await decide('d-moved');
    await db.writer.query(`UPDATE decisions SET issue_id = 'i-elsewhere' WHERE id = 'd-moved'`);
    expect(await check()).toMatchObject({
      decisions: 1,
      breaks: 1,
      firstBreak: { kind: 'DECISION_ALTERED', seq: 1, decisionId: 'd-moved' },
    });
  });

  it('compares a decision recorded before decisions were hashed with its column only', async () => {
    await decide('d-old', false);
    await db.writer.query(`UPDATE decisions SET rationale = 'On a whim.' WHERE id = 'd-old'`);
    expect((await check()).firstBreak).toMatchObject({ kind: 'DECISION_ALTERED', seq: 1 });
    const rehashed = { ...decision('d-old'), rationale: 'On a whim.' };
    await db.writer.query(`UPDATE decisions SET content_hash = ? WHERE id = 'd-old'`, [
      decisionContentHash(rehashed),
    ]);
    // Its event carries no hash to hold it to (ADR 0016, what it cannot detect).
    expect((await check()).firstBreak).toBeNull();
  });
});
