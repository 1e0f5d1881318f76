import { DatabaseService } from 'api/src/database/database.service';
import { ActionItemEntity } from 'api/src/issues/action-item.entity';
import { IssueEntity } from 'api/src/issues/issue.entity';
import { IssueCommands } from 'api/src/issues/commands';
import { loadIssueFacts } from 'api/src/timeliness/facts';
import { IssueFactsEntity } from 'api/src/timeliness/issue-facts.entity';
import {
  decodeIssueFacts,
  OPEN_FOREVER,
  refreshIssueFacts,
} from 'api/src/timeliness/issue-facts.rollup';
import { T0, TestApp, startTestApp } from '../support/app';
import { DAY_MS, IssueBuilder } from '../support/builders';
import { createTestDatabase } from '../support/database';
import { rollupAndTables } from '../support/rollup';

/**
 * The roll-up of issue facts the dashboard's current view reads (ADR 0013) against the tables it
 * rolls up: after every kind of change, after a change that is refused, and for a database from
 * before the roll-up. (Every system test's app also compares the two when it stops.)
 */
describe('the roll-up of issue facts', () => {
  let app: TestApp;
  let build: IssueBuilder;
  let db: DatabaseService;
  let issues: IssueCommands;

  beforeAll(async () => {
    app = await startTestApp();
    build = await IssueBuilder.create(app);
    db = app.running.app.get(DatabaseService);
    issues = app.running.app.get(IssueCommands);
  });
  afterAll(() => app.stop());

  const later = (days: number) => app.clock.advance(days * DAY_MS);

  /** The issue's row, checked against its facts read from the tables now. */
  async function expectRowAsTables(issue: IssueEntity): Promise<IssueFactsEntity> {
    const row = await db.reader.findOneByOrFail(IssueFactsEntity, { issueId: issue.id });
    const tables = await loadIssueFacts(db.reader, [issue.id]);
    expect(tables.issues).toHaveLength(1);
    expect(decodeIssueFacts(row.facts)).toEqual({
      issue: tables.issues[0],
      recommendations: tables.recommendations,
      escalations: tables.escalations,
      actionItems: tables.actionItems,
    });
    expect(row.programId).toBe(issue.programId);
    return row;
  }

  it('holds every issue of the demo program as the tables give it', async () => {
    const { rollup, tables } = await rollupAndTables(db.reader, app.clock.now().getTime());
    expect(rollup).toEqual(tables);
    const [hx] = Object.values(tables);
    expect(hx?.issues.length).toBeGreaterThan(10);
    expect(hx?.recommendations.length).toBeGreaterThan(10);
    expect(await db.reader.count(IssueFactsEntity)).toBe(hx?.issues.length);
  });

  it('follows an issue through every change it can go through', async () => {
    let issue = await build.raise('Roll-up: connector corrosion');
    expect((await expectRowAsTables(issue)).countsUntil).toBe(OPEN_FOREVER);
    later(1);
    issue = await build.triage(issue, { disciplines: ['engineering', 'cost', 'test'] });
    await expectRowAsTables(issue);
    issue = await build.addOptions(issue, 2);
    issue = await build.recommend(issue, 'engineering', 'A');
    let row = await expectRowAsTables(issue);
    expect(decodeIssueFacts(row.facts)).toMatchObject({
      issue: { pendingDisciplines: ['cost', 'test'] },
      recommendations: [{ discipline: 'engineering' }],
    });
    later(1);
    // A second recommendation from the same discipline supersedes the first; both stay facts.
    issue = await build.recommend(issue, 'engineering', 'B');
    issue = await build.waive(issue, 'cost');
    issue = await build.recommend(issue, 'test', 'B');
    row = await expectRowAsTables(issue);
    expect(decodeIssueFacts(row.facts)).toMatchObject({ issue: { pendingDisciplines: [] } });
    expect(decodeIssueFacts(row.facts).recommendations).toHaveLength(3);
    later(1);
    issue = await build.decide(issue, 'B', { actionItemFor: 'engineering' });
    row = await expectRowAsTables(issue);
    expect(decodeIssueFacts(row.facts).actionItems).toEqual([
      expect.objectContaining({ title: 'Carry out option B', doneAt: null }),
    ]);
    later(2);
    const item = await db.reader.findOneByOrFail(ActionItemEntity, { issueId: issue.id });
    issue = await issues.completeActionItem(build.caller('engineering'), {
      issueKey: issue.key,
      version: issue.version,
      actionItemId: item.id,
    });
    row = await expectRowAsTables(issue);
    expect(decodeIssueFacts(row.facts).actionItems[0]?.doneAt).toBe(app.clock.now().getTime());
    later(1);
    issue = await issues.resolve(build.caller('pm'), {
      issueKey: issue.key,
      version: issue.version,
    });
    // Resolved: no longer open, so it counts until its last move so far.
    expect((await expectRowAsTables(issue)).countsUntil).toBe(issue.resolvedAt?.toISOString());
    later(1);
    issue = await issues.close(build.caller('pm'), { issueKey: issue.key, version: issue.version });
    row = await expectRowAsTables(issue);
    // Closed: a report reaching back past the closing no longer needs it.
    expect(row.countsUntil).toBe(issue.closedAt?.toISOString());
  });

  it('follows an escalation and a withdrawal', async () => {
    let issue = await build.inReview('Roll-up: antenna mast', ['engineering']);
    later(1);
    issue = await issues.escalate(build.caller('pm'), {
      issueKey: issue.key,
      version: issue.version,
      reason: 'Needs the IIPT.',
    });
    const row = await expectRowAsTables(issue);
    expect(decodeIssueFacts(row.facts)).toMatchObject({
      issue: { tier: 'IIPT' },
      escalations: [{ fromTier: 'WIPT', toTier: 'IIPT', source: 'PERSON' }],
    });
    later(1);
    issue = await build.withdraw(issue);
    expect((await expectRowAsTables(issue)).countsUntil).toBe(issue.withdrawnAt?.toISOString());
  });

  it('leaves the row as it was when a change is refused', async () => {
    const issue = await build.raise('Roll-up: refused change');
    const before = await db.reader.findOneByOrFail(IssueFactsEntity, { issueId: issue.id });
    // Resolving an issue that was never decided is not a move the lifecycle allows.
    await expect(
      issues.resolve(build.caller('pm'), { issueKey: issue.key, version: issue.version }),
    ).rejects.toThrow('Cannot resolve: the issue is OPEN');
    const row = () => db.reader.findOneByOrFail(IssueFactsEntity, { issueId: issue.id });
    expect(await row()).toEqual(before);
    // A write that changed the issue and its row, then failed: both are rolled back together.
    await expect(
      db.write({ actorId: null, at: app.clock.now() }, async (tx) => {
        await tx.manager.update(IssueEntity, { id: issue.id }, { title: 'Never committed' });
        await refreshIssueFacts(tx.manager, issue.programId, [issue.id]);
        expect(
          decodeIssueFacts(
            (await tx.manager.findOneByOrFail(IssueFactsEntity, { issueId: issue.id })).facts,
          ).issue.title,
        ).toBe('Never committed');
        throw new Error('refused after writing');
      }),
    ).rejects.toThrow('refused after writing');
    expect(await row()).toEqual(before);
  });
});

describe('a database from before the roll-up', () => {
  const REPORT = `query { timeliness(programKey: "HX") {
    headline { open { value previous } overdue { value previous } medianResolutionDays { value } }
    aging { count } resolution { count p50Days p90Days }
    recommendationLatency { discipline count p50Days onTimeRate pending }
    decisionLatencyByAuthority { teamName count p50Days pending } weekly { opened closed overdue }
    forecasts { issueKey basis p50At }
  } }`;

  it('gets its rows when the API starts, and the same figures as before', async () => {
    const database = await createTestDatabase();
    try {
      const first = await startTestApp({ database });
      const figures = await (await first.as('pm@example.com')).ok(REPORT);
      await first.stop();

      const issueCount = (await database.query<{ n: number }>('SELECT count(*) n FROM issues'))[0]!
        .n;
      await database.execute('DELETE FROM issue_facts');

      const second = await startTestApp({ database, clock: first.clock });
      try {
        const db = second.running.app.get(DatabaseService);
        expect(await db.reader.count(IssueFactsEntity)).toBe(issueCount);
        const { rollup, tables } = await rollupAndTables(db.reader, Date.parse(T0));
        expect(rollup).toEqual(tables);
        expect(await (await second.as('pm@example.com')).ok(REPORT)).toEqual(figures);
      } finally {
        await second.stop();
      }
    } finally {
      await database.drop();
    }
  });
});
