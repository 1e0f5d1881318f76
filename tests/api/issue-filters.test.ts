import { IssueEntity } from 'api/src/issues/issue.entity';
import { IssueCommands } from 'api/src/issues/commands';
import { TestApp, startTestApp } from '../support/app';
import { DAY_MS, IssueBuilder } from '../support/builders';
import { ApiClient } from '../support/client';

const HOUR_MS = 3_600_000;

const ISSUES = `
  query ($programKey: String, $first: Int, $after: String, $status: [IssueStatus!], $teamId: ID,
         $tier: Tier, $consequence: [Int!], $ownerId: ID, $pendingDiscipline: String,
         $overdue: Boolean, $text: String, $raisedFrom: DateTime, $raisedTo: DateTime,
         $endedFrom: DateTime, $endedTo: DateTime) {
    issues(programKey: $programKey, first: $first, after: $after, status: $status, teamId: $teamId,
           tier: $tier, consequence: $consequence, ownerId: $ownerId,
           pendingDiscipline: $pendingDiscipline, overdue: $overdue, text: $text,
           raisedFrom: $raisedFrom, raisedTo: $raisedTo, endedFrom: $endedFrom, endedTo: $endedTo) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id key title status tier consequence raisedAt currentStage currentStageDueAt
          resolvedAt closedAt withdrawnAt pendingDisciplines
          owner { id } currentTeam { id }
        }
      }
    }
  }
`;

interface IssueNode {
  id: string;
  key: string;
  title: string;
  status: string;
  tier: string;
  consequence: number | null;
  raisedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  withdrawnAt: string | null;
  currentStage: string | null;
  currentStageDueAt: string | null;
  pendingDisciplines: string[];
  owner: { id: string } | null;
  currentTeam: { id: string };
}

interface IssuePage {
  issues: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: IssueNode }[];
  };
}

type Filters = Record<string, unknown>;

/** The titles of this suite's issues start with this, so `text` can isolate them. */
const PREFIX = 'Filters:';

describe('issue filters', () => {
  let app: TestApp;
  let build: IssueBuilder;
  let pm: ApiClient;
  let start: Date;
  /** This suite's issues by role. */
  const made: Record<string, IssueEntity> = {};

  async function everything(filters: Filters = {}, first = 100): Promise<IssueNode[]> {
    const nodes: IssueNode[] = [];
    let after: string | null = null;
    let totalCount: number | null = null;
    for (;;) {
      const page: IssuePage = await pm.ok<IssuePage>(ISSUES, { ...filters, first, after });
      totalCount ??= page.issues.totalCount;
      expect(page.issues.totalCount).toBe(totalCount);
      nodes.push(...page.issues.edges.map((e) => e.node));
      if (!page.issues.pageInfo.hasNextPage) break;
      after = page.issues.pageInfo.endCursor;
    }
    expect(nodes).toHaveLength(totalCount ?? 0);
    return nodes;
  }

  const keys = (nodes: readonly IssueNode[]) => nodes.map((n) => n.key);
  const keyOf = (name: string) => made[name]!.key;

  /**
   * The filtered list equals the unfiltered one filtered here (same order, paged in small pages),
   * includes and excludes the named issues, and narrows something.
   */
  async function expectFilter(
    filters: Filters,
    matches: (n: IssueNode) => boolean,
    include: string[],
    exclude: string[],
  ) {
    const [found, all] = await Promise.all([everything(filters, 3), everything()]);
    expect(keys(found)).toEqual(keys(all.filter(matches)));
    for (const name of include) expect(keys(found)).toContain(keyOf(name));
    for (const name of exclude) expect(keys(found)).not.toContain(keyOf(name));
    expect(found.length).toBeLessThan(all.length);
    return found;
  }

  async function exactly(filters: Filters, names: string[]) {
    const found = await everything({ ...filters, text: PREFIX }, 2);
    expect(keys(found).sort()).toEqual(names.map(keyOf).sort());
  }

  beforeAll(async () => {
    // The overdue checks move the clock a month on; the session must outlive that.
    app = await startTestApp({ env: { SESSION_TTL_HOURS: String(24 * 90) } });
    build = await IssueBuilder.create(app);
    pm = await app.as('pm@example.com');
    app.clock.advance(DAY_MS);
    start = app.clock.now();
    const next = () => app.clock.advance(60_000);

    // OPEN, triage due in 12 hours; and OPEN with no due date at all.
    made['open'] = await build.triageDueIn(
      await build.raise(`${PREFIX} open with a triage date`, { by: 'pm' }),
      0.5,
    );
    next();
    made['openNoDue'] = await build.raise(`${PREFIX} open without dates`, { by: 'engineering' });
    next();

    // IN_REVIEW on the hardware WIPT: test recommended, engineering pending; owned by engineering.
    made['engineeringPending'] = await build.recommend(
      await build.inReview(`${PREFIX} engineering pending`, ['engineering', 'test'], {
        consequence: 4,
        owner: 'engineering',
      }),
      'test',
      'A',
    );
    next();

    // IN_REVIEW: test waived, engineering pending.
    made['testWaived'] = await build.waive(
      await build.inReview(`${PREFIX} test waived`, ['engineering', 'test'], { consequence: 2 }),
      'test',
    );
    next();

    // IN_REVIEW: engineering recommended twice (the first superseded), test pending.
    let issue = await build.inReview(`${PREFIX} engineering changed its mind`, [
      'engineering',
      'test',
    ]);
    issue = await build.recommend(issue, 'engineering', 'A');
    next();
    made['testPending'] = await build.recommend(issue, 'engineering', 'B');
    next();

    // AWAITING_DECISION on the sustainment WIPT, consequence 5.
    made['awaiting'] = await build.awaitingDecision(
      `${PREFIX} awaiting decision`,
      { test: 'A' },
      { team: 'sustainment', consequence: 5 },
    );
    next();

    // DECIDED, consequence 1.
    made['decided'] = await build.decide(
      await build.awaitingDecision(`${PREFIX} decided`, { engineering: 'A' }, { consequence: 1 }),
      'A',
    );
    next();

    // WITHDRAWN while engineering was still pending (no longer waiting on anyone).
    made['withdrawn'] = await build.withdraw(
      await build.inReview(`${PREFIX} withdrawn`, ['engineering']),
    );
    next();

    // IN_REVIEW at the OIPT, engineering pending, consequence 5.
    made['oipt'] = await build.inReview(`${PREFIX} at the top`, ['engineering'], {
      team: 'oipt',
      consequence: 5,
    });
    next();
  });
  afterAll(() => app.stop());

  it('sees the suite’s issues in the states intended', async () => {
    const found = await everything({ text: PREFIX });
    const byName = (name: string) => found.find((n) => n.key === keyOf(name));
    expect(byName('open')).toMatchObject({ status: 'OPEN', currentStage: 'TRIAGE' });
    expect(byName('engineeringPending')).toMatchObject({
      status: 'IN_REVIEW',
      pendingDisciplines: ['engineering'],
    });
    expect(byName('testWaived')).toMatchObject({ pendingDisciplines: ['engineering'] });
    expect(byName('testPending')).toMatchObject({ pendingDisciplines: ['test'] });
    expect(byName('awaiting')).toMatchObject({ status: 'AWAITING_DECISION', tier: 'WIPT' });
    expect(byName('decided')).toMatchObject({ status: 'DECIDED' });
    expect(byName('withdrawn')).toMatchObject({
      status: 'WITHDRAWN',
      pendingDisciplines: ['engineering'],
    });
    expect(byName('oipt')).toMatchObject({ status: 'IN_REVIEW', tier: 'OIPT' });
    expect(found).toHaveLength(Object.keys(made).length);
  });

  describe('each filter alone', () => {
    it('teamId', async () => {
      const team = build.team('sustainment').id;
      await expectFilter(
        { teamId: team },
        (n) => n.currentTeam.id === team,
        ['awaiting'],
        ['engineeringPending', 'oipt'],
      );
    });

    it('tier', async () => {
      await expectFilter({ tier: 'OIPT' }, (n) => n.tier === 'OIPT', ['oipt'], ['awaiting']);
      await expectFilter({ tier: 'WIPT' }, (n) => n.tier === 'WIPT', ['awaiting'], ['oipt']);
    });

    it('status (any of a list)', async () => {
      await expectFilter(
        { status: ['IN_REVIEW'] },
        (n) => n.status === 'IN_REVIEW',
        ['engineeringPending', 'oipt'],
        ['open', 'awaiting', 'withdrawn'],
      );
      await expectFilter(
        { status: ['OPEN', 'DECIDED'] },
        (n) => n.status === 'OPEN' || n.status === 'DECIDED',
        ['open', 'openNoDue', 'decided'],
        ['engineeringPending', 'awaiting'],
      );
    });

    it('consequence (any of a list)', async () => {
      await expectFilter(
        { consequence: [5] },
        (n) => n.consequence === 5,
        ['awaiting', 'oipt'],
        ['engineeringPending', 'open'],
      );
      await expectFilter(
        { consequence: [1, 2] },
        (n) => n.consequence === 1 || n.consequence === 2,
        ['decided', 'testWaived'],
        ['awaiting', 'openNoDue'],
      );
    });

    it('ownerId', async () => {
      const engineering = build.user('engineering').id;
      await expectFilter(
        { ownerId: engineering },
        (n) => n.owner?.id === engineering,
        ['engineeringPending'],
        ['testWaived', 'open'],
      );
    });

    it('pendingDiscipline: required, neither a current recommendation nor a waiver, still gathering', async () => {
      const pending = (discipline: string) => (n: IssueNode) =>
        (n.status === 'IN_REVIEW' || n.status === 'AWAITING_DECISION') &&
        n.pendingDisciplines.includes(discipline);
      await expectFilter(
        { pendingDiscipline: 'engineering' },
        pending('engineering'),
        ['engineeringPending', 'testWaived', 'oipt'],
        // recommended (a superseded one does not count against it), decided, withdrawn
        ['testPending', 'decided', 'withdrawn', 'awaiting', 'open'],
      );
      await expectFilter(
        { pendingDiscipline: 'test' },
        pending('test'),
        ['testPending'],
        // recommended, waived, not required
        ['engineeringPending', 'testWaived', 'oipt'],
      );
      expect(await everything({ pendingDiscipline: 'no-such-discipline' })).toEqual([]);
    });

    it('overdue: the current stage is past its due date as of now (per the clock)', async () => {
      const overdue = (now: Date) => (n: IssueNode) =>
        n.currentStageDueAt !== null && n.currentStageDueAt < now.toISOString();
      const check = async (now: Date, late: string[], onTime: string[]) => {
        app.clock.set(now);
        await expectFilter({ overdue: true }, overdue(now), late, onTime);
        await expectFilter({ overdue: false }, (n) => !overdue(now)(n), onTime, late);
      };
      try {
        const triageDue = made['open']!.triageDueAt!;
        // Due at that instant is not yet overdue; a millisecond later it is.
        app.clock.set(triageDue);
        expect(keys(await everything({ overdue: true, text: PREFIX }))).toEqual([]);
        await check(
          new Date(triageDue.getTime() + 1),
          ['open'],
          ['openNoDue', 'engineeringPending', 'awaiting', 'decided', 'withdrawn'],
        );
        await check(
          new Date(start.getTime() + 5 * DAY_MS + HOUR_MS),
          ['open', 'engineeringPending', 'testWaived', 'oipt'],
          ['openNoDue', 'awaiting', 'decided', 'withdrawn'],
        );
        // Without a date set by hand, the policy gave triage 5 business days (unrated: level 3).
        await check(
          new Date(start.getTime() + 10 * DAY_MS + HOUR_MS),
          ['engineeringPending', 'awaiting', 'openNoDue'],
          ['decided', 'withdrawn'],
        );
        await check(
          new Date(start.getTime() + 30 * DAY_MS + HOUR_MS),
          ['awaiting', 'decided', 'openNoDue'],
          ['withdrawn'],
        );
      } finally {
        app.clock.set(start);
      }
    });

    it('raisedFrom (inclusive) and raisedTo (exclusive)', async () => {
      const from = made['testWaived']!.raisedAt;
      const to = made['decided']!.raisedAt;
      const within = (n: IssueNode) => new Date(n.raisedAt) >= from && new Date(n.raisedAt) < to;
      await expectFilter(
        { raisedFrom: from.toISOString(), raisedTo: to.toISOString() },
        within,
        ['testWaived', 'testPending', 'awaiting'],
        ['engineeringPending', 'decided', 'oipt'],
      );
      await exactly({ raisedFrom: made['oipt']!.raisedAt.toISOString() }, ['oipt']);
      await exactly({ raisedTo: made['openNoDue']!.raisedAt.toISOString() }, ['open']);
      // Counted by status under the same period.
      const counts = await pm.ok<{ issueCounts: { status: string; count: number }[] }>(
        `query ($from: DateTime, $to: DateTime, $text: String) {
           issueCounts(raisedFrom: $from, raisedTo: $to, text: $text) { status count }
         }`,
        { from: from.toISOString(), to: to.toISOString(), text: PREFIX },
      );
      const counted = Object.fromEntries(counts.issueCounts.map((c) => [c.status, c.count]));
      expect(counted).toMatchObject({ IN_REVIEW: 2, AWAITING_DECISION: 1, DECIDED: 0 });
    });

    it('refuses a period that ends before it starts', async () => {
      const error = await pm.fails(ISSUES, {
        raisedFrom: '2026-03-10T00:00:00.000Z',
        raisedTo: '2026-03-09T00:00:00.000Z',
      });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'raisedTo' });
      expect(error.message).toContain('raisedTo must not be before raisedFrom');
    });

    it('text', async () => {
      await expectFilter(
        { text: 'changed its MIND' },
        (n) => n.title.toLowerCase().includes('changed its mind'),
        ['testPending'],
        ['engineeringPending'],
      );
    });
  });

  describe('filters combined', () => {
    it('narrow to the intersection, counted across pages', async () => {
      const hardware = build.team('hardware').id;
      await exactly({ pendingDiscipline: 'engineering', tier: 'WIPT' }, [
        'engineeringPending',
        'testWaived',
      ]);
      await exactly({ pendingDiscipline: 'engineering', consequence: [4, 5] }, [
        'engineeringPending',
        'oipt',
      ]);
      await exactly({ status: ['IN_REVIEW', 'AWAITING_DECISION'], teamId: hardware }, [
        'engineeringPending',
        'testWaived',
        'testPending',
      ]);
      await exactly({ ownerId: build.user('engineering').id, pendingDiscipline: 'engineering' }, [
        'engineeringPending',
      ]);
      await exactly({ status: ['OPEN'], pendingDiscipline: 'engineering' }, []);
      await exactly({ consequence: [5], tier: 'OIPT', programKey: 'HX' }, ['oipt']);
    });

    it('combine overdue with the others', async () => {
      try {
        app.clock.set(new Date(start.getTime() + 5 * DAY_MS + HOUR_MS));
        await exactly({ overdue: true, pendingDiscipline: 'engineering' }, [
          'engineeringPending',
          'testWaived',
          'oipt',
        ]);
        await exactly({ overdue: true, tier: 'WIPT', status: ['OPEN', 'IN_REVIEW'] }, [
          'open',
          'engineeringPending',
          'testWaived',
          'testPending',
        ]);
        await exactly({ overdue: false, consequence: [5] }, ['awaiting']);
        const page = (
          await pm.ok<IssuePage>(ISSUES, { overdue: true, text: PREFIX, tier: 'WIPT', first: 2 })
        ).issues;
        expect(page.totalCount).toBe(4);
        expect(page.edges).toHaveLength(2);
        expect(page.pageInfo.hasNextPage).toBe(true);
      } finally {
        app.clock.set(start);
      }
    });
  });

  /**
   * endedFrom/endedTo select the issues a dashboard week counts as "closed": those whose end, the
   * earliest of resolved, closed and withdrawn, falls in the period. These issues are built last
   * (after every test above has put the clock back), two weeks on, at known instants.
   */
  describe('the ended period', () => {
    const ENDED = 'Ended:';
    const ended: Record<string, IssueEntity> = {};
    /** The week looked at: [week, week + 7 days). */
    let week: Date;
    const plus = (base: Date, ms: number) => new Date(base.getTime() + ms);
    const iso = (instant: Date) => instant.toISOString();

    async function endedExactly(filters: Filters, names: string[]) {
      const found = await everything({ ...filters, text: ENDED }, 2);
      expect(keys(found).sort()).toEqual(names.map((name) => ended[name]!.key).sort());
    }

    /** The report's `issueEndedAt`, from what the API shows of the issue. */
    const endedAt = (n: IssueNode) =>
      [n.resolvedAt, n.closedAt, n.withdrawnAt]
        .filter((at): at is string => at !== null)
        .map((at) => Date.parse(at))
        .reduce<number | null>((first, at) => (first === null || at < first ? at : first), null);

    beforeAll(async () => {
      const service = app.running.app.get(IssueCommands);
      const pmAt = () => build.caller('pm');
      const resolve = (issue: IssueEntity) =>
        service.resolve(pmAt(), { issueKey: issue.key, version: issue.version });
      const close = (issue: IssueEntity) =>
        service.close(pmAt(), { issueKey: issue.key, version: issue.version });
      const decided = async (title: string) =>
        build.decide(await build.awaitingDecision(`${ENDED} ${title}`, { test: 'A' }), 'A');

      week = plus(start, 14 * DAY_MS);
      app.clock.set(plus(week, -3 * DAY_MS));
      const toResolveAtStart = await decided('resolved as the week starts');
      const toResolveThenClose = await decided('resolved this week, closed the next');
      const toClose = await decided('closed this week without being resolved first');
      const toResolveNextWeek = await decided('resolved as the next week starts');
      const toWithdrawBefore = await build.inReview(`${ENDED} withdrawn the week before`, ['test']);
      const toWithdraw = await build.inReview(`${ENDED} withdrawn this week`, ['test']);
      const toDecide = await build.awaitingDecision(`${ENDED} decided this week, still open`, {
        test: 'A',
      });

      app.clock.set(plus(week, -1));
      ended['withdrawnBefore'] = await build.withdraw(toWithdrawBefore);
      app.clock.set(week);
      ended['resolvedAtStart'] = await resolve(toResolveAtStart);
      app.clock.set(plus(week, DAY_MS));
      ended['resolvedThenClosed'] = await resolve(toResolveThenClose);
      app.clock.set(plus(week, 2 * DAY_MS));
      ended['closed'] = await close(toClose);
      app.clock.set(plus(week, 3 * DAY_MS));
      ended['withdrawn'] = await build.withdraw(toWithdraw);
      ended['decided'] = await build.decide(toDecide, 'A');
      ended['raised'] = await build.raise(`${ENDED} raised this week, still open`);
      app.clock.set(plus(week, 7 * DAY_MS));
      ended['resolvedNextWeek'] = await resolve(toResolveNextWeek);
      app.clock.set(plus(week, 8 * DAY_MS));
      ended['resolvedThenClosed'] = await close(ended['resolvedThenClosed']);
    });

    it('built the issues as intended', async () => {
      const found = await everything({ text: ENDED });
      const byName = (name: string) => found.find((n) => n.key === ended[name]!.key);
      expect(byName('resolvedThenClosed')).toMatchObject({
        status: 'CLOSED',
        resolvedAt: iso(plus(week, DAY_MS)),
        closedAt: iso(plus(week, 8 * DAY_MS)),
      });
      // Closing a decided issue resolves it at the same instant.
      expect(byName('closed')).toMatchObject({
        status: 'CLOSED',
        resolvedAt: iso(plus(week, 2 * DAY_MS)),
        closedAt: iso(plus(week, 2 * DAY_MS)),
      });
      expect(byName('withdrawn')).toMatchObject({
        status: 'WITHDRAWN',
        resolvedAt: null,
        closedAt: null,
        withdrawnAt: iso(plus(week, 3 * DAY_MS)),
      });
      expect(byName('resolvedAtStart')).toMatchObject({ status: 'RESOLVED', closedAt: null });
      expect(byName('decided')).toMatchObject({ status: 'DECIDED', resolvedAt: null });
      expect(found).toHaveLength(Object.keys(ended).length);
    });

    it('endedFrom (inclusive) and endedTo (exclusive): the first of resolved, closed, withdrawn', async () => {
      const thisWeek = { endedFrom: iso(week), endedTo: iso(plus(week, 7 * DAY_MS)) };
      // Resolved in this week and closed in the next: counted in this week only.
      await endedExactly(thisWeek, [
        'resolvedAtStart',
        'resolvedThenClosed',
        'closed',
        'withdrawn',
      ]);
      await endedExactly(
        { endedFrom: iso(plus(week, 7 * DAY_MS)), endedTo: iso(plus(week, 14 * DAY_MS)) },
        ['resolvedNextWeek'],
      );
      // Each bound alone.
      await endedExactly({ endedTo: iso(week) }, ['withdrawnBefore']);
      await endedExactly({ endedFrom: iso(plus(week, DAY_MS)) }, [
        'resolvedThenClosed',
        'closed',
        'withdrawn',
        'resolvedNextWeek',
      ]);
      // A period of no length holds nothing; nor does one with no issue ending in it.
      await endedExactly({ endedFrom: iso(week), endedTo: iso(week) }, []);
      await endedExactly({ endedFrom: iso(plus(week, 4 * DAY_MS)), endedTo: thisWeek.endedTo }, []);
    });

    it('agrees with the end worked out from each issue’s instants, over every issue seen', async () => {
      // The demo program's history too: two months of issues ended every which way.
      const from = plus(start, -60 * DAY_MS);
      const to = plus(week, 2 * DAY_MS);
      const [found, all] = await Promise.all([
        everything({ endedFrom: iso(from), endedTo: iso(to) }),
        everything(),
      ]);
      const expected = all.filter((n) => {
        const at = endedAt(n);
        return at !== null && at >= from.getTime() && at < to.getTime();
      });
      expect(keys(found)).toEqual(keys(expected));
      expect(found.length).toBeGreaterThan(4);
      // Never an issue that has not ended.
      expect(found.every((n) => endedAt(n) !== null)).toBe(true);
    });

    it('combines with the other filters, and is counted by status', async () => {
      const thisWeek = { endedFrom: iso(week), endedTo: iso(plus(week, 7 * DAY_MS)) };
      await endedExactly({ ...thisWeek, status: ['CLOSED'] }, ['resolvedThenClosed', 'closed']);
      await endedExactly({ ...thisWeek, raisedFrom: iso(plus(week, -3 * DAY_MS)) }, [
        'resolvedAtStart',
        'resolvedThenClosed',
        'closed',
        'withdrawn',
      ]);
      const counts = await pm.ok<{ issueCounts: { status: string; count: number }[] }>(
        `query ($from: DateTime, $to: DateTime, $text: String) {
           issueCounts(endedFrom: $from, endedTo: $to, text: $text) { status count }
         }`,
        { from: thisWeek.endedFrom, to: thisWeek.endedTo, text: ENDED },
      );
      const counted = Object.fromEntries(counts.issueCounts.map((c) => [c.status, c.count]));
      expect(counted).toMatchObject({ DECIDED: 0, RESOLVED: 1, CLOSED: 2, WITHDRAWN: 1 });
    });

    it('refuses an ended period that ends before it starts, naming the field', async () => {
      for (const query of [
        ISSUES,
        `query ($endedFrom: DateTime, $endedTo: DateTime) {
        issueCounts(endedFrom: $endedFrom, endedTo: $endedTo) { status count }
      }`,
      ]) {
        const error = await pm.fails(query, {
          endedFrom: '2026-03-10T00:00:00.000Z',
          endedTo: '2026-03-09T23:59:59.999Z',
        });
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endedTo' });
        expect(error.message).toContain('endedTo must not be before endedFrom');
      }
    });
  });
});
