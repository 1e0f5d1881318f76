import { startTestApp, type TestApp } from '../support/app';
import type { ApiClient } from '../support/client';
import { firstBrokenEvent, testDatabase } from '../support/database';
import { type FuzzOperation, OperationFuzzer, seededRandom } from '../support/fuzz';

/**
 * Schema-driven fuzzing as several kinds of person (the hardening issue): whatever arrives, the
 * API answers with a code a client can act on, quickly, and the record stays whole. `npm test`
 * runs a few thousand operations; `npm run fuzz` runs 10,000 (FUZZ_OPERATIONS, FUZZ_SEED).
 */
const OPERATIONS = Number(process.env['FUZZ_OPERATIONS'] ?? 2_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20_261_203);
const SLOWEST_ANSWER_MS = 2_000;

describe(`${OPERATIONS} fuzzed operations (seed ${SEED})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it(
    'answers every one with a code, none slower than 2 s, and leaves the record whole',
    async () => {
      const people: ApiClient[] = [app.client()];
      for (const email of [
        'admin@example.com',
        'pm@example.com',
        'lead@example.com',
        'engineering@example.com',
        'cost@example.com',
      ])
        people.push(await app.as(email));
      const db = testDatabase(app);
      const ids = [
        ...(await db.query<{ id: string }>('SELECT id FROM users')),
        ...(await db.query<{ id: string }>('SELECT id FROM teams')),
        ...(await db.query<{ id: string }>('SELECT id FROM options LIMIT 20')),
        ...(await db.query<{ id: string }>('SELECT id FROM action_items LIMIT 20')),
        ...(await db.query<{ id: string }>('SELECT id FROM notifications LIMIT 20')),
      ].map((row) => row.id);
      const keys = (await db.query<{ key: string }>('SELECT key FROM issues')).map((r) => r.key);
      const random = seededRandom(SEED);
      const fuzzer = new OperationFuzzer(random, {
        ids: [...ids, '00000000-0000-4000-8000-000000000000'],
        strings: [...keys, 'HX', 'Radio Hardware WIPT', 'engineering', 'pm@example.com'],
      });

      const problems: string[] = [];
      const codes = new Map<string, number>();
      for (let n = 0; n < OPERATIONS; n++) {
        const operation = fuzzer.next();
        const person = people[Math.floor(random() * people.length)]!;
        const started = performance.now();
        const outcome = await send(person, operation);
        const took = performance.now() - started;
        for (const code of outcome.codes) codes.set(code, (codes.get(code) ?? 0) + 1);
        const problem =
          outcome.problem ??
          (outcome.codes.includes('INTERNAL_SERVER_ERROR') ? 'INTERNAL_SERVER_ERROR' : null) ??
          (took > SLOWEST_ANSWER_MS ? `took ${Math.round(took)} ms` : null);
        if (problem)
          problems.push(
            `#${n} ${problem}: ${operation.query} ${JSON.stringify(operation.variables)}`,
          );
      }

      expect(problems.slice(0, 10)).toEqual([]);
      // The run reached the server's rules, not only its parser.
      expect(codes.get('OK') ?? 0).toBeGreaterThan(OPERATIONS / 50);
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
      if (db.dialect === 'sqlite')
        expect(await db.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await firstBrokenEvent(app)).toBeNull();
    },
    60_000 + OPERATIONS * 50,
  );
});

async function send(
  person: ApiClient,
  operation: FuzzOperation,
): Promise<{ codes: string[]; problem: string | null }> {
  try {
    const result = await person.request(operation.query, operation.variables);
    if (result.status >= 500 && result.status !== 503)
      return { codes: [], problem: `HTTP ${result.status}` };
    const codes = (result.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
    if (codes.includes('NO_CODE')) return { codes, problem: 'an error without a code' };
    return { codes: codes.length ? codes : ['OK'], problem: null };
  } catch (error) {
    return { codes: [], problem: `no GraphQL answer (${String(error)})` };
  }
}
