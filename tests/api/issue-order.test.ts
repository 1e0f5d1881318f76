import { ISSUE_STATUSES, type IssueStatus } from '@ipt/domain';
import { TestApp, startTestApp } from '../support/app';
import { DAY_MS, IssueBuilder } from '../support/builders';
import { ApiClient } from '../support/client';

/**
 * The tracker sorts and pages on the server (a 100,000-issue program cannot be sorted in the
 * browser). Each order is checked against the rule written out here on its own: empty values last
 * in either direction, then the column, then newest raised first, then the id.
 */
const ISSUES = `
  query ($programKey: String, $text: String, $first: Int, $after: String, $offset: Int,
         $orderBy: IssueOrderInput) {
    issues(programKey: $programKey, text: $text, first: $first, after: $after, offset: $offset,
           orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id key number title status consequence raisedAt currentStageDueAt
          owner { id name } currentTeam { id name }
        }
      }
    }
  }
`;

interface Node {
  id: string;
  key: string;
  number: number;
  title: string;
  status: IssueStatus;
  consequence: number | null;
  raisedAt: string;
  currentStageDueAt: string | null;
  owner: { id: string; name: string } | null;
  currentTeam: { id: string; name: string };
}

interface Page {
  issues: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Node }[];
  };
}

type Column = 'KEY' | 'TITLE' | 'STATUS' | 'CONSEQUENCE' | 'OWNER' | 'TEAM' | 'RAISED' | 'DUE';
type Direction = 'ASCENDING' | 'DESCENDING';

const PREFIX = 'Order:';

/** The rule, independently of the server's SQL. */
function expected(nodes: readonly Node[], column: Column, direction: Direction): Node[] {
  const text = (value: string) => value.toLowerCase();
  const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const value: Record<Column, (n: Node) => string | number | null> = {
    KEY: (n) => n.number,
    TITLE: (n) => text(n.title),
    STATUS: (n) => ISSUE_STATUSES.indexOf(n.status),
    CONSEQUENCE: (n) => n.consequence,
    OWNER: (n) => (n.owner ? text(n.owner.name) : null),
    TEAM: (n) => text(n.currentTeam.name),
    RAISED: (n) => n.raisedAt,
    DUE: (n) => n.currentStageDueAt,
  };
  const of = value[column];
  const sign = direction === 'ASCENDING' ? 1 : -1;
  return [...nodes].sort((a, b) => {
    const [x, y] = [of(a), of(b)];
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    if (x !== null && y !== null && x !== y) {
      return sign * (typeof x === 'number' ? x - (y as number) : compareText(x, y as string));
    }
    if (column === 'RAISED') return sign * compareText(a.id, b.id);
    return compareText(b.raisedAt, a.raisedAt) || compareText(b.id, a.id);
  });
}

describe('issue order and paging on the server', () => {
  let app: TestApp;
  let pm: ApiClient;

  async function byCursor(variables: Record<string, unknown>, first: number): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await pm.ok<Page>(ISSUES, { ...variables, first, after });
      nodes.push(...page.issues.edges.map((e) => e.node));
      if (!page.issues.pageInfo.hasNextPage) return nodes;
      after = page.issues.pageInfo.endCursor;
    }
  }

  async function byOffset(variables: Record<string, unknown>, first: number): Promise<Node[]> {
    const { issues } = await pm.ok<Page>(ISSUES, { ...variables, first: 1 });
    const pages = await Promise.all(
      Array.from({ length: Math.ceil(issues.totalCount / first) }, (_, index) =>
        pm.ok<Page>(ISSUES, { ...variables, first, offset: index * first }),
      ),
    );
    return pages.flatMap((page) => page.issues.edges.map((e) => e.node));
  }

  beforeAll(async () => {
    app = await startTestApp();
    const build = await IssueBuilder.create(app);
    pm = await app.as('pm@example.com');
    app.clock.advance(DAY_MS);
    // Three raised at the same instant (the tie-break decides), titles in mixed case, issues with
    // and without owner, consequence and due date, on two teams, in several statuses.
    await build.raise(`${PREFIX} beta, open`, { team: 'sustainment', by: 'pm' });
    await build.raise(`${PREFIX} Alpha, open`);
    await build.raise(`${PREFIX} alpha too, open`);
    app.clock.advance(60_000);
    await build.triageDueIn(await build.raise(`${PREFIX} gamma, triage due`), 2);
    app.clock.advance(60_000);
    await build.inReview(`${PREFIX} Delta in review`, ['engineering'], {
      consequence: 5,
      owner: 'engineering',
    });
    app.clock.advance(60_000);
    await build.inReview(`${PREFIX} epsilon in review`, ['test'], {
      consequence: 1,
      team: 'sustainment',
    });
    app.clock.advance(60_000);
    await build.decide(
      await build.awaitingDecision(
        `${PREFIX} zeta decided`,
        { engineering: 'A' },
        { consequence: 3 },
      ),
      'A',
    );
    app.clock.advance(60_000);
    await build.withdraw(await build.inReview(`${PREFIX} Eta withdrawn`, ['engineering']));
  });
  afterAll(() => app.stop());

  const columns: Column[] = [
    'KEY',
    'TITLE',
    'STATUS',
    'CONSEQUENCE',
    'OWNER',
    'TEAM',
    'RAISED',
    'DUE',
  ];
  const orders = columns.flatMap((column) =>
    (['ASCENDING', 'DESCENDING'] as const).map((direction) => [column, direction] as const),
  );

  it.each(orders)(
    'orders by %s %s, the same page by page (after) and jumping (offset)',
    async (column, direction) => {
      const variables = { programKey: 'HX', text: PREFIX, orderBy: { column, direction } };
      const all = await byCursor(variables, 100);
      expect(all).toHaveLength(8);
      const want = expected(all, column, direction).map((n) => n.key);
      expect(all.map((n) => n.key)).toEqual(want);
      expect((await byCursor(variables, 3)).map((n) => n.key)).toEqual(want);
      expect((await byOffset(variables, 3)).map((n) => n.key)).toEqual(want);
    },
  );

  it('pages the whole demo program in any order with every issue exactly once', async () => {
    for (const column of ['DUE', 'OWNER'] as const) {
      const variables = { programKey: 'HX', orderBy: { column, direction: 'DESCENDING' } };
      const { issues } = await pm.ok<Page>(ISSUES, { ...variables, first: 1 });
      const paged = await byOffset(variables, 7);
      expect(paged).toHaveLength(issues.totalCount);
      expect(new Set(paged.map((n) => n.id)).size).toBe(issues.totalCount);
      expect(paged.map((n) => n.key)).toEqual(
        expected(paged, column, 'DESCENDING').map((n) => n.key),
      );
    }
  });

  it('leaves the default order (newest raised first) as it was, and offset jumps into it', async () => {
    const all = await byCursor({ programKey: 'HX' }, 100);
    expect(all.map((n) => n.key)).toEqual(expected(all, 'RAISED', 'DESCENDING').map((n) => n.key));
    const { issues } = await pm.ok<Page>(ISSUES, { programKey: 'HX', first: 4, offset: 5 });
    expect(issues.edges.map((e) => e.node.key)).toEqual(all.slice(5, 9).map((n) => n.key));
    // A jump in the default order hands back keyset cursors: the next page follows on.
    const next = await pm.ok<Page>(ISSUES, {
      programKey: 'HX',
      first: 4,
      after: issues.pageInfo.endCursor,
    });
    expect(next.issues.edges.map((e) => e.node.key)).toEqual(all.slice(9, 13).map((n) => n.key));
  });

  it('refuses paging it cannot honour, with BAD_USER_INPUT naming the argument', async () => {
    const { issues } = await pm.ok<Page>(ISSUES, { programKey: 'HX', first: 2 });
    const newestFirstCursor = issues.pageInfo.endCursor;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ after: newestFirstCursor, offset: 4 }, 'offset', /either after or offset/],
      [{ offset: -1 }, 'offset', /offset must be 0 or more/],
      [
        { after: newestFirstCursor, orderBy: { column: 'TITLE', direction: 'ASCENDING' } },
        'after',
        /cursor of the newest-first order/,
      ],
      [{ after: 'bm90LWEtY3Vyc29y' }, 'after', /not a cursor from this list/],
    ];
    for (const [variables, field, message] of cases) {
      const error = await pm.fails(ISSUES, { programKey: 'HX', first: 2, ...variables });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(error.message).toMatch(message);
    }
  });
});
