import { ISSUE_STATUSES } from '@ipt/domain';
import { TestApp, startTestApp } from '../support/app';
import { LADDER, TeamView, createAccount, storedEvents } from '../support/administration';
import { ApiClient } from '../support/client';
import { firstBrokenEvent } from '../support/database';

const FILTER_VARIABLES = `$programKey: String, $status: [IssueStatus!], $teamId: ID, $tier: Tier,
  $consequence: [Int!], $ownerId: ID, $pendingDiscipline: String, $overdue: Boolean, $text: String`;
const FILTER_ARGS = `programKey: $programKey, status: $status, teamId: $teamId, tier: $tier,
  consequence: $consequence, ownerId: $ownerId, pendingDiscipline: $pendingDiscipline,
  overdue: $overdue, text: $text`;

const COUNTS = `query (${FILTER_VARIABLES}) { issueCounts(${FILTER_ARGS}) { status count } }`;
const ISSUES = `query (${FILTER_VARIABLES}, $first: Int, $after: String) {
  issues(${FILTER_ARGS}, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { key status currentStageDueAt currentStageOverdue owner { id } currentTeam { id } } }
  }
}`;

const VIEW_FIELDS = 'id name programKey query createdAt';
const SAVED_VIEWS = `{ savedViews { ${VIEW_FIELDS} } }`;
const SAVE_VIEW = `mutation ($input: SaveViewInput!) { saveView(input: $input) { ${VIEW_FIELDS} } }`;
const DELETE_VIEW = `mutation ($id: ID!) { deleteView(id: $id) { ${VIEW_FIELDS} } }`;
const RAISABLE = `query ($programKey: String!) { raisableTeams(programKey: $programKey) { id name tier } }`;

interface StatusCount {
  status: string;
  count: number;
}
interface IssueNode {
  key: string;
  status: string;
  currentStageDueAt: string | null;
  currentStageOverdue: boolean;
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
interface SavedView {
  id: string;
  name: string;
  programKey: string | null;
  query: string;
  createdAt: string;
}

type Filters = Record<string, unknown>;

describe('the issue tracker API', () => {
  let app: TestApp;
  let pm: ApiClient;
  let engineering: ApiClient;
  let outsider: ApiClient;
  let teams: TeamView[];

  beforeAll(async () => {
    app = await startTestApp();
    let admin: ApiClient;
    [admin, pm, engineering] = (await Promise.all(
      ['admin', 'pm', 'engineering'].map((name) => app.as(`${name}@example.com`)),
    )) as [ApiClient, ApiClient, ApiClient];
    const account = await createAccount(admin, 'stranger');
    outsider = app.client();
    await outsider.login(account.email, account.password);
    teams = (await pm.ok<{ teams: TeamView[] }>(LADDER, { programKey: 'HX' })).teams;
  });
  afterAll(() => app.stop());

  async function counts(client: ApiClient, filters: Filters): Promise<StatusCount[]> {
    return (await client.ok<{ issueCounts: StatusCount[] }>(COUNTS, filters)).issueCounts;
  }

  async function everyIssue(client: ApiClient, filters: Filters): Promise<IssueNode[]> {
    const nodes: IssueNode[] = [];
    let after: string | null = null;
    for (;;) {
      const page: IssuePage = await client.ok<IssuePage>(ISSUES, { ...filters, first: 100, after });
      nodes.push(...page.issues.edges.map((edge) => edge.node));
      if (!page.issues.pageInfo.hasNextPage) return nodes;
      after = page.issues.pageInfo.endCursor;
    }
  }

  /** What the counts must be: the issues list tallied by status. */
  function tally(nodes: readonly IssueNode[]): StatusCount[] {
    return ISSUE_STATUSES.map((status) => ({
      status,
      count: nodes.filter((node) => node.status === status).length,
    }));
  }

  describe('issueCounts', () => {
    it('counts every status of the program, in lifecycle order, zeros included', async () => {
      const all = await everyIssue(pm, { programKey: 'HX' });
      const result = await counts(pm, { programKey: 'HX' });

      expect(result.map((c) => c.status)).toEqual([...ISSUE_STATUSES]);
      expect(result).toEqual(tally(all));
      expect(result.reduce((sum, c) => sum + c.count, 0)).toBe(all.length);
      expect(all.length).toBeGreaterThan(0);
    });

    it.each<[string, (context: { teams: TeamView[]; ownerId: string }) => Filters]>([
      ['tier', () => ({ tier: 'WIPT' })],
      ['team', ({ teams: ladder }) => ({ teamId: ladder.find((t) => t.tier === 'IIPT')!.id })],
      ['consequence', () => ({ consequence: [4, 5] })],
      ['owner', ({ ownerId }) => ({ ownerId })],
      ['pending discipline', () => ({ pendingDiscipline: 'test' })],
      ['overdue', () => ({ overdue: true })],
      ['not overdue', () => ({ overdue: false })],
      ['text', () => ({ text: 'radio' })],
      ['status', () => ({ status: ['OPEN', 'IN_REVIEW'] })],
      ['several at once', () => ({ tier: 'WIPT', overdue: false, consequence: [1, 2, 3, 4, 5] })],
    ])('applies the %s filter exactly as the issue list does', async (_name, filtersOf) => {
      const owned = (await everyIssue(pm, { programKey: 'HX' })).find((node) => node.owner);
      const filters = { programKey: 'HX', ...filtersOf({ teams, ownerId: owned!.owner!.id }) };

      const matching = await everyIssue(pm, filters);
      expect(matching.length).toBeGreaterThan(0);
      expect(await counts(pm, filters)).toEqual(tally(matching));
    });

    it('counts across every program the person sees when no program is given', async () => {
      expect(await counts(pm, {})).toEqual(tally(await everyIssue(pm, {})));
      expect(await counts(outsider, {})).toEqual(
        ISSUE_STATUSES.map((status) => ({ status, count: 0 })),
      );
    });

    it('refuses a program the person is not in, an unknown program and a bad filter', async () => {
      expect((await outsider.fails(COUNTS, { programKey: 'HX' })).extensions.code).toBe(
        'FORBIDDEN',
      );
      expect((await pm.fails(COUNTS, { programKey: 'NOPE' })).extensions.code).toBe('FORBIDDEN');
      const tooLong = await pm.fails(COUNTS, {
        programKey: 'HX',
        pendingDiscipline: 'x'.repeat(41),
      });
      expect(tooLong.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'pendingDiscipline',
      });
      expect((await app.client().fails(COUNTS, { programKey: 'HX' })).extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  describe('currentStageOverdue', () => {
    it('agrees with the overdue filter on every issue', async () => {
      const overdue = await everyIssue(pm, { programKey: 'HX', overdue: true });
      const onTime = await everyIssue(pm, { programKey: 'HX', overdue: false });

      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.every((node) => node.currentStageOverdue)).toBe(true);
      expect(onTime.every((node) => !node.currentStageOverdue)).toBe(true);
      for (const node of overdue) {
        expect(node.currentStageDueAt! < app.clock.now().toISOString()).toBe(true);
      }
    });
  });

  describe('raisableTeams', () => {
    it('offers a program manager every active team, in ladder order', async () => {
      const raisable = (
        await pm.ok<{ raisableTeams: { id: string }[] }>(RAISABLE, {
          programKey: 'HX',
        })
      ).raisableTeams;
      expect(raisable.map((t) => t.id)).toEqual(teams.filter((t) => t.active).map((t) => t.id));
    });

    it('offers a representative only the teams they are on', async () => {
      const raisable = (
        await engineering.ok<{ raisableTeams: { id: string }[] }>(RAISABLE, {
          programKey: 'hx',
        })
      ).raisableTeams;
      const theirs = teams.filter(
        (t) => t.active && t.members.some((m) => m.user.email === 'engineering@example.com'),
      );
      expect(theirs.length).toBeGreaterThan(0);
      expect(theirs.length).toBeLessThan(teams.length);
      expect(raisable.map((t) => t.id)).toEqual(theirs.map((t) => t.id));
    });

    it('refuses outsiders', async () => {
      expect((await outsider.fails(RAISABLE, { programKey: 'HX' })).extensions.code).toBe(
        'FORBIDDEN',
      );
    });
  });

  describe('saved views', () => {
    const list = async (client: ApiClient) =>
      (await client.ok<{ savedViews: SavedView[] }>(SAVED_VIEWS)).savedViews;
    const save = async (client: ApiClient, input: Filters) =>
      (await client.ok<{ saveView: SavedView }>(SAVE_VIEW, { input })).saveView;

    it('keeps each person’s views to themselves, by name', async () => {
      const mine = await save(pm, {
        name: '  Overdue at WIPT ',
        programKey: 'hx',
        query: '{ "tier": "WIPT", "overdue": "true" }',
      });
      expect(mine).toEqual({
        id: expect.any(String),
        name: 'Overdue at WIPT',
        programKey: 'HX',
        query: '{"tier":"WIPT","overdue":"true"}',
        createdAt: app.clock.now().toISOString(),
      });
      await save(pm, { name: 'All critical', query: '{"consequence":"5"}' });
      const theirs = await save(engineering, { name: 'Overdue at WIPT', query: '{}' });

      expect((await list(pm)).map((v) => [v.name, v.programKey])).toEqual([
        ['All critical', null],
        ['Overdue at WIPT', 'HX'],
      ]);
      expect(await list(engineering)).toEqual([theirs]);
      expect(await list(outsider)).toEqual([]);
      expect((await app.client().fails(SAVED_VIEWS)).extensions.code).toBe('UNAUTHENTICATED');
    });

    it('replaces the person’s view of the same name, keeping its id', async () => {
      const first = await save(pm, { name: 'Replace me', programKey: 'HX', query: '{"a":1}' });
      app.clock.advance(60_000);
      const second = await save(pm, { name: 'Replace me', programKey: null, query: '{"b":2}' });

      expect(second).toEqual({ ...first, programKey: null, query: '{"b":2}' });
      expect((await list(pm)).filter((v) => v.name === 'Replace me')).toEqual([second]);

      const events = (await storedEvents(app, 'VIEW_SAVED', 'VIEW_REPLACED')).filter(
        (e) => e.entityId === first.id,
      );
      expect(events.map((e) => [e.type, e.before?.['query'] ?? null, e.after?.['query']])).toEqual([
        ['VIEW_SAVED', null, '{"a":1}'],
        ['VIEW_REPLACED', '{"a":1}', '{"b":2}'],
      ]);
      expect(events.every((e) => e.actorId !== null && e.programId === null)).toBe(true);
      expect(await firstBrokenEvent(app)).toBeNull();
    });

    it('deletes only the person’s own view', async () => {
      const view = await save(pm, { name: 'Short-lived', query: '{}' });

      const notTheirs = await engineering.fails(DELETE_VIEW, { id: view.id });
      expect(notTheirs.extensions.code).toBe('NOT_FOUND');
      expect((await list(pm)).map((v) => v.id)).toContain(view.id);

      const deleted = await pm.ok<{ deleteView: SavedView }>(DELETE_VIEW, { id: view.id });
      expect(deleted.deleteView).toEqual(view);
      expect((await list(pm)).map((v) => v.id)).not.toContain(view.id);
      expect((await storedEvents(app, 'VIEW_DELETED')).at(-1)).toMatchObject({
        entityId: view.id,
        before: { name: 'Short-lived', query: '{}' },
      });

      expect((await pm.fails(DELETE_VIEW, { id: view.id })).extensions.code).toBe('NOT_FOUND');
    });

    it('refuses bad input at its field and writes nothing', async () => {
      const before = (await storedEvents(app)).length;
      const refusal = async (client: ApiClient, input: Filters) =>
        (await client.fails(SAVE_VIEW, { input })).extensions;

      expect(await refusal(pm, { name: '   ', query: '{}' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'name',
      });
      expect(await refusal(pm, { name: 'x'.repeat(81), query: '{}' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'name',
      });
      for (const query of ['not json', '[1,2]', 'null', '"text"', `{"a":"${'x'.repeat(4000)}"}`]) {
        expect(await refusal(pm, { name: 'Broken', query })).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'query',
        });
      }
      expect(
        await refusal(pm, { name: 'Elsewhere', programKey: 'NOPE', query: '{}' }),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await refusal(outsider, { name: 'Peek', programKey: 'HX', query: '{}' }),
      ).toMatchObject({ code: 'FORBIDDEN' });

      expect(await storedEvents(app)).toHaveLength(before);
      expect((await list(pm)).map((v) => v.name)).not.toContain('Broken');
    });
  });
});
