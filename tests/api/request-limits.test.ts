import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  type DocumentNode,
  type GraphQLSchema,
  buildSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { LIMITS } from '@ipt/domain';
import { REQUEST_LIMITS, requestLimitRules } from 'api/src/graphql/limits';
import { SUBSCRIPTION_OVER_HTTP } from 'api/src/graphql/limits.plugin';
import { OPERATION_OVER_WEBSOCKET } from 'api/src/graphql/websocket-limits';
import { SCHEMA_FILE } from 'api/src/cli/print-schema';
import { findRepositoryRoot } from 'api/src/config/config';
import { StatementLog } from '../support/statements';
import { TestApp, startTestApp } from '../support/app';
import { collect, liveClient } from '../support/live';

const ROOT = findRepositoryRoot();

/** Every `graphql(`…`)` document in the web app's source (src/gql is generated, and ignored). */
function webDocuments(): { file: string; document: DocumentNode }[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (name === 'gql' || name === 'node_modules') return [];
      if (statSync(path).isDirectory()) return walk(path);
      return /\.tsx?$/.test(name) && !/\.(spec|test)\.tsx?$/.test(name) ? [path] : [];
    });
  return walk(join(ROOT, 'apps/web/src')).flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/\bgraphql\(\s*`([^`]*)`/g)].map((match) => ({
      file: relative(ROOT, path),
      document: parse(match[1] ?? ''),
    })),
  );
}

/** What a document measures against each limit: every limit set to 0 reports what it found. */
function measure(schema: GraphQLSchema, document: DocumentNode) {
  // The web app sends page sizes as variables, at most LIMITS.pageSizeMax.
  const rules = requestLimitRules(undefined, { depth: 0, aliases: 0, cost: 0 }, LIMITS.pageSizeMax);
  const errors = validate(schema, document, [...specifiedRules, ...rules]);
  const found = (limit: string) =>
    Number(errors.find((error) => error.extensions['limit'] === limit)?.extensions['found'] ?? 0);
  return {
    invalid: errors.filter((error) => error.extensions['limit'] === undefined).map(String),
    depth: found('depth'),
    aliases: found('aliases'),
    cost: found('cost'),
  };
}

describe('request limits (ADR 0019)', () => {
  it('leave every operation the web app sends well inside: under half of each limit', () => {
    const documents = webDocuments();
    const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    expect(documents.length).toBeGreaterThan(40);
    const outside = documents
      .map(({ file, document }) => ({ file, ...measure(schema, document) }))
      .filter(
        (measured) =>
          measured.invalid.length > 0 ||
          measured.depth > REQUEST_LIMITS.depth / 2 ||
          measured.aliases > REQUEST_LIMITS.aliases / 2 ||
          measured.cost > REQUEST_LIMITS.cost / 2,
      );
    expect(outside).toEqual([]);
  });

  describe('on a running app', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(() => app.stop());

    async function refused(query: string, limit: string, variables = {}) {
      const pm = await app.as('pm@example.com');
      const result = await pm.request(query, variables);
      expect(result.status).toBe(400);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit });
    }

    it('refuses a query nested 404 deep before running it', async () => {
      const deep = `{ teams(programKey: "HX") { ${'members { team { '.repeat(201)}id${' } }'.repeat(201)} } }`;
      await refused(deep, 'depth');
    });

    it('refuses 1,000 aliases', async () => {
      const many = Array.from({ length: 1000 }, (_, n) => `a${n}: me { email }`).join(' ');
      await refused(`{ ${many} }`, 'aliases');
    });

    it('refuses the aliased pages of issues with their timelines (12 MB measured)', async () => {
      const page = `issues(first: 100) { edges { node { key timeline { at entityType before after } } } }`;
      const aliased = Array.from({ length: 15 }, (_, n) => `a${n}: ${page}`).join(' ');
      await refused(`{ ${aliased} }`, 'cost');
      // The page size counts also when it comes as a variable.
      const byVariable = Array.from(
        { length: 15 },
        (_, n) => `a${n}: ${page.replace('first: 100', 'first: $n')}`,
      ).join(' ');
      await refused(`query ($n: Int) { ${byVariable} }`, 'cost', { n: 100 });
    });

    it('refuses teams → members → team nested four deep (1.36 MB measured)', async () => {
      const nest = (levels: number): string =>
        levels === 0 ? 'id' : `members { user { name } team { id ${nest(levels - 1)} } }`;
      await refused(`{ teams(programKey: "HX") { ${nest(4)} } }`, 'cost');
    });

    it('refuses a subscription sent over HTTP with the way to send it, signed in or not', async () => {
      const subscription = 'subscription { notificationsChanged { unreadCount } }';
      for (const client of [app.client(), await app.as('pm@example.com')]) {
        const result = await client.request(subscription);
        expect(result.status).toBe(400);
        expect(result.errors?.[0]).toMatchObject({
          message: SUBSCRIPTION_OVER_HTTP,
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
    });

    it('over the WebSocket, runs subscriptions only, inside the same limits', async () => {
      const pm = await app.as('pm@example.com');
      const client = liveClient(app.url, { cookie: pm.sessionCookie });
      try {
        const firstError = async (query: string, variables: Record<string, unknown> = {}) => {
          const run = collect(client, query, variables);
          await run.first;
          run.stop();
          return run.errors[0] as { message: string; extensions?: Record<string, unknown> };
        };
        expect(await firstError('{ me { email } }')).toMatchObject({
          message: OPERATION_OVER_WEBSOCKET,
          extensions: { code: 'BAD_USER_INPUT' },
        });
        expect(await firstError('mutation { logout }')).toMatchObject({
          extensions: { code: 'BAD_USER_INPUT' },
        });
        const aliased = Array.from({ length: 30 }, (_, n) => `a${n}: unreadCount`).join(' ');
        expect(
          await firstError(`subscription { notificationsChanged { ${aliased} } }`),
        ).toMatchObject({
          extensions: { code: 'BAD_USER_INPUT', limit: 'aliases' },
        });
        expect((await firstError('subscription { nope }')).message).toMatch(/Cannot query field/);
        // The socket stays open for what is allowed.
        const allowed = collect(client, 'subscription { notificationsChanged { unreadCount } }');
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(allowed.errors).toEqual([]);
        allowed.stop();
      } finally {
        await client.dispose();
      }
    });

    it('outside production, describes the schema and suggests field names', async () => {
      const client = app.client();
      const introspection = await client.request('{ __schema { queryType { name } } }');
      expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const misspelled = await client.request('{ mee { email } }');
      expect(misspelled.errors?.[0]?.message).toMatch(/Did you mean "me"\?/);
    });
  });

  describe('in production', () => {
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({ env: { NODE_ENV: 'production' } });
    });
    afterAll(() => app.stop());

    it('refuses introspection with a code', async () => {
      const result = await app.client().request('{ __schema { types { name } } }');
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions.code).toEqual(expect.any(String));
      expect(result.errors?.[0]?.extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
      expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    });

    it('names no field in the error of a misspelled one', async () => {
      const result = await app.client().request('{ mee { email } }');
      expect(result.errors?.[0]?.message).toBe('Cannot query field "mee" on type "Query".');
      const pm = await app.as('pm@example.com');
      const enumValue = await pm.request(
        'query ($tier: Tier) { issues(tier: $tier, first: 1) { totalCount } }',
        { tier: 'OIP' },
      );
      expect(enumValue.errors?.[0]?.message).not.toMatch(/Did you mean/);
    });
  });

  describe('with a time budget', () => {
    const BUDGET_MS = 200;
    /** Each SQL statement takes 100 ms while slow: the event loop is held as by a real slow disk. */
    class SlowStatements extends StatementLog {
      slow = false;
      override logQuery(query: string): void {
        super.logQuery(query);
        const until = performance.now() + (this.slow ? 100 : 0);
        while (performance.now() < until);
      }
    }
    const statements = new SlowStatements();
    let app: TestApp;

    beforeAll(async () => {
      app = await startTestApp({
        env: { REQUEST_TIME_BUDGET_MS: String(BUDGET_MS) },
        databaseLogger: statements,
      });
    });
    afterAll(() => app.stop());

    it('answers a query past its budget UNAVAILABLE (503) instead of waiting', async () => {
      const lead = await app.as('lead@example.com');
      expect(await lead.ok('{ me { email } }')).toEqual({ me: { email: 'lead@example.com' } });
      statements.slow = true;
      try {
        const started = performance.now();
        const result = await lead.request(
          'query { verifyRecord(programKey: "HX") { verified eventsChecked } }',
        );
        expect(result.status).toBe(503);
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAVAILABLE' });
        // Answered at the first chance after the budget, not when the work ended.
        expect(performance.now() - started).toBeLessThan(5_000);
      } finally {
        statements.slow = false;
      }
      // The abandoned work finishes on its own; the app keeps answering.
      expect(await lead.ok('{ me { email } }')).toEqual({ me: { email: 'lead@example.com' } });
    });

    it('never cuts off a write: a slow mutation still gets its real answer', async () => {
      statements.slow = true;
      try {
        const client = app.client();
        await client.login('pm@example.com');
        expect(client.sessionCookie).not.toBeNull();
      } finally {
        statements.slow = false;
      }
    });
  });
});
