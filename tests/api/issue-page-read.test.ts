import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepositoryRoot } from 'api/src/config/config';
import { TestApp, startTestApp } from '../support/app';
import { ApiClient } from '../support/client';

/**
 * The issue page reads an issue's records in two statements and hands them to the request's
 * loaders (ADR 0024). Its answer must equal the answer built relation by relation: the same
 * selection, asked through the issue list (which reads each relation through its own loader), for
 * every issue of the demo, whose issues hold every kind of record (superseded recommendations and
 * decisions, waivers, non-concurrences, action items, escalations, comments).
 */
function issuePageSelection(): string {
  const source = readFileSync(
    join(findRepositoryRoot(), 'apps/web/src/features/issue/api/get-issue.ts'),
    'utf8',
  );
  const document = /graphql\(`([\s\S]*?)`\)/.exec(source)?.[1] ?? '';
  const start = document.indexOf('issue(key: $key) {');
  if (start < 0) throw new Error('The issue page no longer asks issue(key: $key)');
  // The issue's selection: from its opening brace to the matching closing one.
  let depth = 0;
  const open = document.indexOf('{', start);
  for (let at = open; at < document.length; at++) {
    if (document[at] === '{') depth++;
    if (document[at] === '}' && --depth === 0) return document.slice(open, at + 1);
  }
  throw new Error('Unbalanced issue selection');
}

describe('the issue page read in two statements', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it.each(['pm@example.com', 'engineering@example.com', 'lead@example.com'])(
    'answers %s exactly as the relation-by-relation read does, for every demo issue',
    async (email) => {
      const person: ApiClient = await app.as(email);
      const selection = issuePageSelection();
      // Five at a time: the whole page's selection for a list is costly (the GraphQL cost limit).
      const nodes: (Record<string, unknown> & { key: string })[] = [];
      for (let after: string | null = null; ;) {
        const listed: {
          issues: {
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            edges: { node: Record<string, unknown> & { key: string } }[];
          };
        } = await person.ok(
          `query ($after: String) { issues(programKey: "HX", first: 5, after: $after) {
             pageInfo { hasNextPage endCursor } edges { node ${selection} } } }`,
          { after },
        );
        nodes.push(...listed.issues.edges.map((edge) => edge.node));
        if (!listed.issues.pageInfo.hasNextPage) break;
        after = listed.issues.pageInfo.endCursor;
      }
      expect(nodes.length).toBeGreaterThan(10);
      let withDecisions = 0;
      for (const node of nodes) {
        const { issue } = await person.ok<{ issue: Record<string, unknown> }>(
          `query ($key: String!) { issue(key: $key) ${selection} }`,
          { key: node.key },
        );
        expect(issue).toEqual(node);
        if ((issue['decisions'] as unknown[]).length > 0) withDecisions++;
      }
      expect(withDecisions).toBeGreaterThan(2);
    },
  );
});
