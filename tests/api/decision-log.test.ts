import { UsersService } from 'api/src/users/users.service';
import { TestApp, startTestApp } from '../support/app';
import { IssueBuilder } from '../support/builders';
import { ApiClient } from '../support/client';
import { testDatabase } from '../support/database';

const HOUR_MS = 3_600_000;

const DECISIONS = `
  query ($programKey: String, $first: Int, $after: String, $teamId: ID, $tier: Tier,
         $authorityId: ID, $decidedFrom: DateTime, $decidedTo: DateTime,
         $superseded: Boolean, $withDissent: Boolean) {
    decisions(programKey: $programKey, first: $first, after: $after, teamId: $teamId, tier: $tier,
              authorityId: $authorityId, decidedFrom: $decidedFrom, decidedTo: $decidedTo,
              superseded: $superseded, withDissent: $withDissent) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id decidedAt tier superseded dissentingDisciplines
          option { label }
          team { id name }
          decidedBy { id email }
          nonConcurrences { id }
          issue { key title }
        }
      }
    }
  }
`;

interface DecisionNode {
  id: string;
  decidedAt: string;
  tier: string;
  superseded: boolean;
  dissentingDisciplines: string[];
  option: { label: string };
  team: { id: string; name: string };
  decidedBy: { id: string; email: string };
  nonConcurrences: { id: string }[];
  issue: { key: string; title: string };
}

interface DecisionPage {
  decisions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: DecisionNode }[];
  };
}

type Filters = Record<string, unknown>;

describe('the decision log', () => {
  let app: TestApp;
  let build: IssueBuilder;
  let pm: ApiClient;
  let outsider: ApiClient;
  /** Every decision, as the program manager sees the unfiltered log. */
  let all: DecisionNode[];
  /** The decisions this suite made, by role. */
  const made: Record<string, DecisionNode> = {};
  const at: Record<string, string> = {};
  const keys: Record<string, string> = {};

  /** Follows endCursor to the end, checking that every page agrees on totalCount. */
  async function everything(client: ApiClient, filters: Filters = {}, first = 100) {
    const nodes: DecisionNode[] = [];
    let after: string | null = null;
    let totalCount: number | null = null;
    for (;;) {
      const page: DecisionPage = await client.ok<DecisionPage>(DECISIONS, {
        ...filters,
        first,
        after,
      });
      totalCount ??= page.decisions.totalCount;
      expect(page.decisions.totalCount).toBe(totalCount);
      nodes.push(...page.decisions.edges.map((e) => e.node));
      if (!page.decisions.pageInfo.hasNextPage) break;
      after = page.decisions.pageInfo.endCursor;
    }
    expect(nodes).toHaveLength(totalCount ?? 0);
    return nodes;
  }

  const ids = (nodes: readonly DecisionNode[]) => nodes.map((n) => n.id);

  beforeAll(async () => {
    app = await startTestApp();
    build = await IssueBuilder.create(app);
    const tick = () => app.clock.advance(HOUR_MS);
    const stamp = (name: string) => {
      at[name] = app.clock.now().toISOString();
    };
    app.clock.advance(24 * HOUR_MS);

    // d1: WIPT, test favoured B, A chosen -> dissent by discipline.
    let issue = await build.awaitingDecision('Log: split recommendation', {
      engineering: 'A',
      test: 'B',
    });
    tick();
    stamp('split');
    issue = await build.decide(issue, 'A');
    keys['split'] = issue.key;

    // d2: WIPT, unanimous, but manufacturing files a non-concurrence -> dissent by NC only.
    tick();
    issue = await build.awaitingDecision('Log: non-concurrence', { engineering: 'A', test: 'A' });
    tick();
    stamp('nonConcurrence');
    issue = await build.decide(issue, 'A');
    tick();
    await build.nonConcur(issue, 'manufacturing');
    keys['nonConcurrence'] = issue.key;

    // d3 then d4 on the sustainment WIPT: d3 unanimous and later superseded by d4, which
    // goes against test's recommendation.
    tick();
    issue = await build.awaitingDecision('Log: superseded', { test: 'A' }, { team: 'sustainment' });
    tick();
    stamp('superseded');
    issue = await build.decide(issue, 'A');
    tick();
    stamp('superseding');
    issue = await build.decide(issue, 'B');
    keys['superseded'] = issue.key;

    // d5: OIPT, decided by the PEO.
    tick();
    issue = await build.awaitingDecision('Log: at the top', { engineering: 'A' }, { team: 'oipt' });
    tick();
    stamp('oipt');
    issue = await build.decide(issue, 'A', { by: 'lead' });
    keys['oipt'] = issue.key;

    // d6, d7: two decisions in the same instant (ordered by id).
    tick();
    const first = await build.awaitingDecision('Log: tie one', { engineering: 'A' });
    const second = await build.awaitingDecision('Log: tie two', { engineering: 'A' });
    tick();
    stamp('tie');
    await build.decide(first, 'A');
    await build.decide(second, 'A');
    keys['tieOne'] = first.key;
    keys['tieTwo'] = second.key;

    pm = await app.as('pm@example.com');
    all = await everything(pm);
    const byKey = (key: string) => all.filter((n) => n.issue.key === key);
    made['split'] = byKey(keys['split']!)[0]!;
    made['nonConcurrence'] = byKey(keys['nonConcurrence']!)[0]!;
    made['superseded'] = byKey(keys['superseded']!).find((n) => n.superseded)!;
    made['superseding'] = byKey(keys['superseded']!).find((n) => !n.superseded)!;
    made['oipt'] = byKey(keys['oipt']!)[0]!;
    made['tieOne'] = byKey(keys['tieOne']!)[0]!;
    made['tieTwo'] = byKey(keys['tieTwo']!)[0]!;

    await app.running.app
      .get(UsersService)
      .create(
        { actorId: null, at: app.clock.now() },
        { email: 'outsider@example.org', name: 'Olive Outsider', password: 'outsider-pass-1' },
      );
    outsider = app.client();
    await outsider.login('outsider@example.org', 'outsider-pass-1');
  });
  afterAll(() => app.stop());

  it('lists every decision, superseded ones included, newest first (id breaks ties)', async () => {
    const stored = (
      await testDatabase(app).query<{ n: number }>('SELECT COUNT(*) AS n FROM decisions')
    )[0]!.n;
    expect(all).toHaveLength(stored);
    expect(all.length).toBeGreaterThan(7); // the demo's decisions are there too
    const sorted = [...all].sort((a, b) =>
      a.decidedAt !== b.decidedAt
        ? b.decidedAt.localeCompare(a.decidedAt)
        : b.id.localeCompare(a.id),
    );
    expect(ids(all)).toEqual(ids(sorted));

    // This suite's decisions are the newest, in the order made, the tie ordered by id.
    const tie = [made['tieOne']!, made['tieTwo']!].sort((a, b) => b.id.localeCompare(a.id));
    expect(ids(all.slice(0, 7))).toEqual([
      ...ids(tie),
      made['oipt']!.id,
      made['superseding']!.id,
      made['superseded']!.id,
      made['nonConcurrence']!.id,
      made['split']!.id,
    ]);
    expect(tie[0]!.decidedAt).toBe(at['tie']);
    expect(tie[1]!.decidedAt).toBe(at['tie']);
  });

  it('links each decision to its issue and records what was decided', () => {
    expect(made['split']).toMatchObject({
      decidedAt: at['split'],
      tier: 'WIPT',
      superseded: false,
      dissentingDisciplines: ['test'],
      option: { label: 'A' },
      team: { name: 'Radio Hardware WIPT' },
      decidedBy: { email: 'pm@example.com' },
      nonConcurrences: [],
      issue: { key: keys['split'], title: 'Log: split recommendation' },
    });
    expect(made['superseded']).toMatchObject({ superseded: true, option: { label: 'A' } });
    expect(made['superseding']).toMatchObject({
      superseded: false,
      option: { label: 'B' },
      dissentingDisciplines: ['test'],
    });
    expect(made['nonConcurrence']!.nonConcurrences).toHaveLength(1);
    expect(made['oipt']).toMatchObject({ tier: 'OIPT', decidedBy: { email: 'lead@example.com' } });
    for (const node of all) expect(node.issue.key).toMatch(/^HX-\d+$/);
  });

  it('pages with opaque cursors, the same totalCount on every page', async () => {
    for (const size of [1, 3]) {
      expect(ids(await everything(pm, {}, size))).toEqual(ids(all));
    }
    const firstPage = (await pm.ok<DecisionPage>(DECISIONS, { first: 3 })).decisions;
    expect(firstPage).toMatchObject({ totalCount: all.length, pageInfo: { hasNextPage: true } });
    expect(firstPage.pageInfo.endCursor).toBe(firstPage.edges[2]!.cursor);
    const secondPage = (
      await pm.ok<DecisionPage>(DECISIONS, { first: 3, after: firstPage.edges[0]!.cursor })
    ).decisions;
    expect(ids(secondPage.edges.map((e) => e.node))).toEqual(ids(all.slice(1, 4)));

    const lastPage = (
      await pm.ok<DecisionPage>(DECISIONS, { first: 100, after: firstPage.pageInfo.endCursor })
    ).decisions;
    expect(lastPage.pageInfo).toEqual({
      hasNextPage: false,
      endCursor: lastPage.edges.at(-1)!.cursor,
    });
    const beyond = (await pm.ok<DecisionPage>(DECISIONS, { after: lastPage.pageInfo.endCursor }))
      .decisions;
    expect(beyond).toEqual({
      totalCount: all.length,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
  });

  it('refuses a bad page size, a foreign cursor and a backwards period, naming the field', async () => {
    for (const [variables, field] of [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ after: Buffer.from('[1,2]').toString('base64url') }, 'after'],
      [{ decidedFrom: at['oipt'], decidedTo: at['split'] }, 'decidedTo'],
    ] as const) {
      const error = await pm.fails(DECISIONS, variables);
      expect({ variables, code: error.extensions.code, field: error.extensions['field'] }).toEqual({
        variables,
        code: 'BAD_USER_INPUT',
        field,
      });
    }
    // A program one is not in is FORBIDDEN whether or not it exists (ADR 7).
    expect((await pm.fails(DECISIONS, { programKey: 'NOPE' })).extensions.code).toBe('FORBIDDEN');
  });

  describe('filters', () => {
    const dissent = (n: DecisionNode) =>
      n.dissentingDisciplines.length > 0 || n.nonConcurrences.length > 0;

    /** The server's answer equals the unfiltered log filtered here, and includes/excludes what it should. */
    async function expectFilter(
      filters: Filters,
      matches: (n: DecisionNode) => boolean,
      include: string[],
      exclude: string[],
    ) {
      const found = await everything(pm, filters, 4);
      expect(ids(found)).toEqual(ids(all.filter(matches)));
      for (const name of include) expect(ids(found)).toContain(made[name]!.id);
      for (const name of exclude) expect(ids(found)).not.toContain(made[name]!.id);
      expect(found.length).toBeLessThan(all.length);
    }

    it('teamId: decisions taken at that team', async () => {
      const team = build.team('sustainment').id;
      await expectFilter(
        { teamId: team },
        (n) => n.team.id === team,
        ['superseded', 'superseding'],
        ['split', 'oipt'],
      );
    });

    it('tier: decisions taken at that tier', async () => {
      await expectFilter({ tier: 'OIPT' }, (n) => n.tier === 'OIPT', ['oipt'], ['split']);
      await expectFilter({ tier: 'WIPT' }, (n) => n.tier === 'WIPT', ['split'], ['oipt']);
    });

    it('authorityId: decisions taken by that person', async () => {
      const lead = build.user('lead').id;
      await expectFilter(
        { authorityId: lead },
        (n) => n.decidedBy.id === lead,
        ['oipt'],
        ['split'],
      );
      const pmId = build.user('pm').id;
      await expectFilter(
        { authorityId: pmId },
        (n) => n.decidedBy.id === pmId,
        ['split', 'superseded'],
        ['oipt'],
      );
    });

    it('decidedFrom / decidedTo: a period that includes its start and excludes its end', async () => {
      const from = at['nonConcurrence']!;
      const to = at['superseding']!;
      await expectFilter(
        { decidedFrom: from, decidedTo: to },
        (n) => n.decidedAt >= from && n.decidedAt < to,
        ['nonConcurrence', 'superseded'],
        ['split', 'superseding'],
      );
      await expectFilter(
        { decidedFrom: at['oipt'] },
        (n) => n.decidedAt >= at['oipt']!,
        ['oipt', 'tieOne', 'tieTwo'],
        ['superseding'],
      );
      await expectFilter(
        { decidedTo: at['split'] },
        (n) => n.decidedAt < at['split']!,
        [],
        ['split', 'tieOne'],
      );
    });

    it('superseded: true for replaced decisions only, false for those in force', async () => {
      await expectFilter(
        { superseded: true },
        (n) => n.superseded,
        ['superseded'],
        ['superseding'],
      );
      await expectFilter(
        { superseded: false },
        (n) => !n.superseded,
        ['superseding', 'split'],
        ['superseded'],
      );
    });

    it('withDissent: a discipline favouring another option, or a non-concurrence', async () => {
      await expectFilter(
        { withDissent: true },
        dissent,
        ['split', 'nonConcurrence', 'superseding'],
        ['superseded', 'oipt', 'tieOne'],
      );
      await expectFilter(
        { withDissent: false },
        (n) => !dissent(n),
        ['superseded', 'oipt', 'tieOne', 'tieTwo'],
        ['split', 'nonConcurrence', 'superseding'],
      );
    });

    it('combines filters, with a totalCount that counts only the matches', async () => {
      const hardware = build.team('hardware').id;
      const page = (
        await pm.ok<DecisionPage>(DECISIONS, {
          programKey: 'HX',
          teamId: hardware,
          withDissent: true,
          decidedFrom: at['split'],
          first: 1,
        })
      ).decisions;
      expect(page.totalCount).toBe(2);
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(ids(page.edges.map((e) => e.node))).toEqual([made['nonConcurrence']!.id]);
      const rest = (
        await pm.ok<DecisionPage>(DECISIONS, {
          programKey: 'HX',
          teamId: hardware,
          withDissent: true,
          decidedFrom: at['split'],
          after: page.pageInfo.endCursor,
        })
      ).decisions;
      expect(rest.totalCount).toBe(2);
      expect(ids(rest.edges.map((e) => e.node))).toEqual([made['split']!.id]);

      await expectFilter(
        { superseded: false, withDissent: false, tier: 'WIPT', decidedFrom: at['split'] },
        (n) => !n.superseded && !dissent(n) && n.tier === 'WIPT' && n.decidedAt >= at['split']!,
        ['tieOne', 'tieTwo'],
        ['superseded', 'oipt', 'split'],
      );
    });
  });

  describe('visibility', () => {
    it('shows a member of the program every decision in it, and an admin everything', async () => {
      const cost = await app.as('cost@example.com');
      expect(ids(await everything(cost))).toEqual(ids(all));
      expect(ids(await everything(cost, { programKey: 'HX' }))).toEqual(ids(all));
      const admin = await app.as('admin@example.com');
      expect(ids(await everything(admin))).toEqual(ids(all));
    });

    it('shows an outsider nothing, and refuses them a named program', async () => {
      expect(await outsider.ok(`{ decisions { totalCount edges { node { id } } } }`)).toEqual({
        decisions: { totalCount: 0, edges: [] },
      });
      const error = await outsider.fails(DECISIONS, { programKey: 'HX' });
      expect(error.extensions.code).toBe('FORBIDDEN');
      expect(error.message).toMatch(/not a member of this program/);
    });

    it('refuses a caller without a session', async () => {
      const error = await app.client().fails(`{ decisions { totalCount } }`);
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
    });
  });
});
