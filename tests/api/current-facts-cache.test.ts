import { DatabaseService } from 'api/src/database/database.service';
import { ProgramEntity } from 'api/src/programs/program.entity';
import { CurrentFactsCache } from 'api/src/timeliness/current-facts.cache';
import { loadFactsFromTables, type FactsWindow } from 'api/src/timeliness/facts';
import { canonicalFacts } from 'api/src/timeliness/issue-facts.rollup';
import { TestApp, startTestApp } from '../support/app';
import { DAY_MS, IssueBuilder } from '../support/builders';
import { testDatabase } from '../support/database';

/**
 * The current view's facts kept in memory between requests (ADR 0013) against the tables read
 * from scratch: after changes made in this API, after changes made by another API process on the
 * same database, and as time passes with no change at all.
 */
describe('the current facts kept in memory', () => {
  let app: TestApp;
  let build: IssueBuilder;
  let cache: CurrentFactsCache;
  let db: DatabaseService;
  let programId: string;

  beforeAll(async () => {
    app = await startTestApp();
    build = await IssueBuilder.create(app);
    cache = app.running.app.get(CurrentFactsCache);
    db = app.running.app.get(DatabaseService);
    programId = (await db.reader.findOneByOrFail(ProgramEntity, { key: 'HX' })).id;
  });
  afterAll(() => app.stop());

  /** The dashboard's default window: two twelve-week periods back from now. */
  const window = (): FactsWindow => {
    const asOf = app.clock.now().getTime();
    return { programId, since: asOf - 168 * DAY_MS, asOf };
  };
  async function expectCacheAsTables(): Promise<number> {
    const cached = await cache.facts(window());
    const tables = await loadFactsFromTables(db.reader, window());
    expect(canonicalFacts(cached)).toEqual(canonicalFacts(tables));
    return cached.issues.length;
  }

  it('answers as the tables do, and follows every change made here', async () => {
    const before = await expectCacheAsTables();
    let issue = await build.awaitingDecision('Cache: harness chafing', { engineering: 'A' });
    expect(await expectCacheAsTables()).toBe(before + 1);
    app.clock.advance(DAY_MS);
    issue = await build.decide(issue, 'A', { actionItemFor: 'engineering' });
    await expectCacheAsTables();
    // A decision recorded again supersedes the first: the earlier one's facts change too.
    app.clock.advance(DAY_MS);
    const other = await build.inReview('Cache: antenna mast', ['engineering']);
    await build.withdraw(other);
    await expectCacheAsTables();
    const cached = await cache.facts(window());
    expect(cached.decisions.some((d) => d.issueId === issue.id)).toBe(true);
    expect(cached.issues.find((i) => i.id === other.id)?.status).toBe('WITHDRAWN');
  });

  it('sees changes another API process made to the same database', async () => {
    await expectCacheAsTables();
    const second = await startTestApp({ database: app.database, clock: app.clock });
    let raised: string;
    try {
      const elsewhere = await IssueBuilder.create(second);
      raised = (await elsewhere.raise('Cache: raised by the other process')).id;
    } finally {
      await second.stop();
    }
    await expectCacheAsTables();
    expect((await cache.facts(window())).issues.some((i) => i.id === raised)).toBe(true);
  });

  it('lets issues fall out of the window as time passes, with no change at all', async () => {
    const now = await expectCacheAsTables();
    app.clock.advance(150 * DAY_MS);
    const later = await expectCacheAsTables();
    // The demo's finished issues ended months ago; only open ones and the newest stay.
    expect(later).toBeLessThan(now);
    // And the cache lets go of the others: it holds a window's worth, not all it ever read.
    expect((await cache.held(programId))?.issues).toBe(later);
  });

  it('loads afresh when the event log goes backwards (a restore under a running API)', async () => {
    const raised = await build.raise('Cache: raised, then restored away');
    expect((await cache.facts(window())).issues.some((i) => i.id === raised.id)).toBe(true);
    // As if the database were restored from before that issue: its rows and events are gone.
    await testDatabase(app).execute('DELETE FROM events WHERE issue_id = ?', [raised.id]);
    await testDatabase(app).execute('DELETE FROM issues WHERE id = ?', [raised.id]);
    expect((await cache.facts(window())).issues.some((i) => i.id === raised.id)).toBe(false);
    await expectCacheAsTables();
  });

  it('is loaded at start for the largest program, unless turned off', async () => {
    const warm = await startTestApp({ database: app.database, clock: app.clock });
    try {
      // No request yet: the start loaded the demo program's window.
      expect(await warm.running.app.get(CurrentFactsCache).held(programId)).toMatchObject({
        issues: expect.any(Number),
      });
    } finally {
      await warm.stop();
    }
    const off = await startTestApp({
      database: app.database,
      clock: app.clock,
      env: { TIMELINESS_FACTS_CACHE_PROGRAMS: '0' },
    });
    try {
      const cold = off.running.app.get(CurrentFactsCache);
      expect(await cold.held(programId)).toBeNull();
      // Off, it reads the roll-up on every request, with the same facts.
      const offDb = off.running.app.get(DatabaseService);
      expect(canonicalFacts(await cold.facts(window()))).toEqual(
        canonicalFacts(await loadFactsFromTables(offDb.reader, window())),
      );
      expect(await cold.held(programId)).toBeNull();
    } finally {
      await off.stop();
    }
  });

  it('loads afresh for a window reaching back further than it holds', async () => {
    const asOf = app.clock.now().getTime();
    const wide = { programId, since: asOf - 380 * DAY_MS, asOf };
    expect(canonicalFacts(await cache.facts(wide))).toEqual(
      canonicalFacts(await loadFactsFromTables(db.reader, wide)),
    );
    await expectCacheAsTables();
  });
});
