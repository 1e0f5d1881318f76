import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ApiClient } from '../support/client';
import { createTestDatabase, firstBrokenEvent, type TestDatabase } from '../support/database';
import { COMMENT, raiseOn } from '../support/operations';

/**
 * The built app in its own process, killed with SIGKILL in the middle of a stream of writes:
 * whatever it acknowledged must be in the database afterwards, the file intact and the hash
 * chain whole (ADR 0014). (Needs the API build, which `npm test` makes first.)
 */
const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');

function startApi(database: TestDatabase): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: database.url,
      SESSION_SECRET: 'a-test-secret-that-is-long-enough-for-cookies',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
      TIMELINESS_SWEEP_SECONDS: '0',
      NOTIFICATION_SWEEP_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No start in time:\n${output}`)), 60_000);
    child.stdout?.on('data', () => {
      const match = /running at (http:\/\/[^\s/]+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Exited with ${code}:\n${output}`));
    });
  });
}

describe('an API process killed mid-write', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('keeps every acknowledged write, an intact file and a whole chain', async () => {
    const { child, url } = await startApi(database);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const pm = new ApiClient(url);
    await pm.login('pm@example.com');
    const issue = await raiseOn(pm, 'Radio Hardware WIPT', 'Power-on surge trips the breaker');

    const acknowledged: string[] = [];
    let killed = false;
    const writer = async (stream: number) => {
      for (let n = 0; !killed; n++) {
        const body = `Stream ${stream}, note ${n}`;
        try {
          const result = await pm.request(COMMENT, { input: { issueKey: issue.key, body } });
          if (!result.errors && !killed) acknowledged.push(body);
        } catch {
          return; // the connection died with the process
        }
      }
    };
    const streams = [1, 2, 3, 4].map(writer);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    killed = true;
    child.kill('SIGKILL');
    await exited;
    await Promise.all(streams);

    expect(acknowledged.length).toBeGreaterThan(10);
    if (database.dialect === 'sqlite') {
      expect(await database.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    }
    expect(await firstBrokenEvent(database)).toBeNull();
    const stored = new Set(
      (
        await database.query<{ body: string }>(
          'SELECT c.body FROM comments c JOIN issues i ON i.id = c.issue_id WHERE i.key = ?',
          [issue.key],
        )
      ).map((row) => row.body),
    );
    expect(acknowledged.filter((body) => !stored.has(body))).toEqual([]);
  });
});
