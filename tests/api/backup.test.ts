import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { holdersFolder, takeHold } from 'api/src/database/instance-lock';
import { TestApp, startTestApp } from '../support/app';
import { ApiClient } from '../support/client';
import {
  TestDatabase,
  createTestDatabase,
  firstBrokenEvent,
  sqliteFileDatabase,
} from '../support/database';
import {
  COMMENT,
  HARDWARE_WIPT,
  ISSUE,
  IssueView,
  raiseOn,
  signInCast,
} from '../support/operations';

/**
 * `npm run backup` and `npm run restore` as an operator runs them: the built CLIs in their own
 * processes (needs `nx run api:build`, which the test target does first), against the real app
 * over HTTP. The steps build on each other, in order: back up under a stream of writes, refuse to
 * restore while the app runs, restore once it has stopped (also after a kill -9), start again on
 * the restored file.
 */
const ROOT = join(__dirname, '../..');

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a built CLI without blocking this process, whose event loop serves the app under test
 * (spawnSync would stall every write in flight).
 */
function cli(name: 'backup' | 'restore', args: string[], databaseUrl: string): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, `apps/api/dist/cli/${name}.js`), ...args], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** The built API (`npm start`'s entry point) in its own process, as far as "running at". */
function startApiProcess(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      TIMELINESS_SWEEP_SECONDS: '0',
      NOTIFICATION_SWEEP_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The API did not start in time:\n${output}`));
    }, 40_000);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('running at')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The API exited with ${code}:\n${output}`));
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

interface Write {
  readonly kind: 'comment' | 'issue';
  readonly text: string;
}

async function eventCount(database: TestDatabase): Promise<number> {
  const [row] = await database.query<{ n: number }>('SELECT COUNT(*) AS n FROM events');
  return row?.n ?? 0;
}

async function column(database: TestDatabase, sql: string): Promise<Set<string>> {
  const rows = await database.query<{ value: string }>(sql);
  return new Set(rows.map((row) => row.value));
}

describe('backup and restore of a SQLite database', () => {
  // Backups copy SQLite files, whatever dialect the rest of the run tests.
  let database: TestDatabase;
  let databaseFile: string;
  let folder: string;
  let backupFile: string;
  let app: TestApp | null = null;
  let host: IssueView;
  /** Comments and issues acknowledged before the backup process was started. */
  let acknowledgedBefore: Write[] = [];
  const AFTER = 'Written after the backup, so not in it.';

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    databaseFile = database.url.slice('sqlite:'.length);
    folder = mkdtempSync(join(tmpdir(), 'ipt-backups-'));
    backupFile = join(folder, 'backup.sqlite');
    app = await startTestApp({ database });
  });

  afterAll(async () => {
    await app?.stop();
    await database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('takes a consistent copy while writes go on, with every write acknowledged before it', async () => {
    const running = app!;
    const cast = await signInCast(running.as);
    host = await raiseOn(cast.engineering, HARDWARE_WIPT, 'Issue the backup stream comments on');

    // Three people write as fast as the API answers: comments on one issue, and new issues.
    const acknowledged: Write[] = [];
    let writing = true;
    const stream = async (client: ApiClient, who: string) => {
      for (let n = 0; writing; n++) {
        const text = `${who} write ${n}`;
        const kind = n % 4 === 3 ? 'issue' : 'comment';
        if (kind === 'issue') await raiseOn(client, HARDWARE_WIPT, text);
        else await client.ok(COMMENT, { input: { issueKey: host.key, body: text } });
        acknowledged.push({ kind, text });
      }
    };
    const writers = [
      stream(cast.engineering, 'engineering'),
      stream(cast.test, 'test'),
      stream(cast.pm, 'pm'),
    ];
    try {
      while (acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 10));
      acknowledgedBefore = [...acknowledged];
      const backup = await cli('backup', ['--to', backupFile], database.url);
      const acknowledgedWhileBackingUp = acknowledged.length - acknowledgedBefore.length;
      expect({ status: backup.status, stderr: backup.stderr }).toEqual({
        status: 0,
        stderr: expect.stringContaining('integrity_check') as unknown,
      });
      expect(acknowledgedWhileBackingUp).toBeGreaterThan(0);

      const copy = sqliteFileDatabase(backupFile);
      expect(await copy.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await firstBrokenEvent(copy)).toBeNull();
      // One self-contained file: no WAL mode, nothing beside it.
      expect(await copy.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'delete' }]);
      expect(existsSync(`${backupFile}-wal`)).toBe(false);

      const inBackup = {
        comment: await column(copy, 'SELECT body AS value FROM comments'),
        issue: await column(copy, 'SELECT title AS value FROM issues'),
      };
      expect(acknowledgedBefore.filter((write) => !inBackup[write.kind].has(write.text))).toEqual(
        [],
      );

      // It says what it wrote: size, events, the last event's time.
      const events = await eventCount(copy);
      const [last] = await copy.query<{ at: string }>(
        'SELECT at FROM events ORDER BY seq DESC LIMIT 1',
      );
      expect(backup.stdout).toContain(`to ${backupFile}`);
      expect(backup.stdout).toMatch(/\d+\.\d MiB \([\d,]+ bytes\)/);
      expect(backup.stdout).toContain(`${events.toLocaleString('en-US')} events`);
      expect(backup.stdout).toContain(`last event at ${last!.at}`);
    } finally {
      writing = false;
      await Promise.all(writers);
    }

    // A point-in-time copy: the live log goes on past it, and up to it the two are the same.
    const copy = sqliteFileDatabase(backupFile);
    const copied = await copy.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM events ORDER BY seq',
    );
    const live = await database.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM events ORDER BY seq',
    );
    expect(live.length).toBeGreaterThan(copied.length);
    expect(live.slice(0, copied.length)).toEqual(copied);
  });

  it('refuses to overwrite a backup unless told to with --force', async () => {
    const again = await cli('backup', ['--to', backupFile], database.url);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`${backupFile} exists already; pass --force to overwrite it.`);

    const forced = join(folder, 'forced.sqlite');
    writeFileSync(forced, 'an older backup');
    const overwritten = await cli('backup', ['--to', forced, '--force'], database.url);
    expect(overwritten.status).toBe(0);
    expect(await eventCount(sqliteFileDatabase(forced))).toBe(await eventCount(database));
    expect(readdirSync(folder).sort()).toEqual(['backup.sqlite', 'forced.sqlite']);
  });

  it('on PostgreSQL, refuses and names pg_dump and pg_restore instead', async () => {
    const url = 'postgres://ipt@127.0.0.1:1/ipt';
    for (const [name, args] of [
      ['backup', ['--to', join(folder, 'pg.sqlite')]],
      ['restore', ['--from', backupFile]],
    ] as const) {
      const refused = await cli(name, [...args], url);
      expect({ name, status: refused.status }).toEqual({ name, status: 1 });
      expect(refused.stderr).toContain('DATABASE_URL points at PostgreSQL');
      expect(refused.stderr).toContain(
        'pg_dump --format=custom --file=ipt-backup.dump "$DATABASE_URL"',
      );
      expect(refused.stderr).toContain(
        'pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$DATABASE_URL" ipt-backup.dump',
      );
    }
    expect(existsSync(join(folder, 'pg.sqlite'))).toBe(false);
  });

  it('refuses to restore a file that is not a sound backup of this app', async () => {
    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'not a database at all, but long enough to have a header of sorts\n');
    const other = join(folder, 'other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)');
    db.close();
    const before = await eventCount(database);

    const notSqlite = await cli('restore', ['--from', text], database.url);
    expect(notSqlite.status).toBe(1);
    expect(notSqlite.stderr).toMatch(/Refusing to restore .*notes\.txt: it cannot be .*SQLite/);
    const notOurs = await cli('restore', ['--from', other], database.url);
    expect(notOurs.status).toBe(1);
    expect(notOurs.stderr).toContain(
      'it has no events or migrations table, so it is not a database of this app.',
    );
    expect(await eventCount(database)).toBe(before);
  });

  it('refuses to restore while the app runs on the database, and says which process holds it', async () => {
    const before = await eventCount(database);
    const refused = await cli('restore', ['--from', backupFile], database.url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `Refusing to restore onto ${databaseFile}: the database is in use by the API, pid ${process.pid} on host`,
    );
    expect(refused.stderr).toContain('Stop the API first');
    expect(await eventCount(database)).toBe(before);
    // Nothing left of the attempt beside the database.
    expect(readdirSync(dirname(databaseFile)).filter((name) => name.includes('.restore-'))).toEqual(
      [],
    );
  });

  it('restores once the app has stopped, also after an API was killed with kill -9', async () => {
    const cast = await signInCast(app!.as);
    await cast.pm.ok(COMMENT, { input: { issueKey: host.key, body: AFTER } });
    await app!.stop();
    app = null;

    // Anything else with the file open blocks it too, here as a sqlite3 shell that has read it
    // would: SQLite's own locks say so, holder file or not.
    const shell = new Database(databaseFile);
    try {
      shell.prepare('SELECT COUNT(*) FROM events').get();
      const busy = await cli('restore', ['--from', backupFile], database.url);
      expect(busy.status).toBe(1);
      expect(busy.stderr).toContain(
        `Refusing to restore onto ${databaseFile}: another process has the database open`,
      );
    } finally {
      shell.close();
    }

    // Another API process takes the file, then dies without any chance to clean up.
    const crashed = await startApiProcess(database.url);
    const refused = await cli('restore', ['--from', backupFile], database.url);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`in use by the API, pid ${crashed.pid} on host`);
    await killHard(crashed);
    // Its holder file stays behind, stale: the pid is dead.
    expect(readdirSync(holdersFolder(databaseFile))).toEqual([
      expect.stringContaining(`-${crashed.pid}-`),
    ]);

    const restored = await cli('restore', ['--from', backupFile], database.url);
    expect({ status: restored.status, stderr: restored.stderr }).toEqual({
      status: 0,
      stderr: expect.any(String) as unknown,
    });
    const events = await eventCount(sqliteFileDatabase(backupFile));
    expect(restored.stdout).toContain(`onto ${databaseFile}`);
    expect(restored.stdout).toContain(`${events.toLocaleString('en-US')} events`);
    // The old database's WAL and shared memory went with it; the stale holder was swept.
    expect(existsSync(`${databaseFile}-wal`)).toBe(false);
    expect(existsSync(`${databaseFile}-shm`)).toBe(false);
    expect(readdirSync(holdersFolder(databaseFile))).toEqual([]);
    expect(await eventCount(database)).toBe(events);
  });

  it('starts again on the restored file and serves what the backup held', async () => {
    app = await startTestApp({ database });
    const pm = await app.as('pm@example.com');
    const issue = (await pm.ok<{ issue: IssueView }>(ISSUE, { key: host.key })).issue;
    const bodies = issue.comments.map((comment) => comment.body);
    expect(bodies).toEqual(
      expect.arrayContaining(
        acknowledgedBefore.filter((write) => write.kind === 'comment').map((write) => write.text),
      ),
    );
    expect(bodies).not.toContain(AFTER);
    expect(await firstBrokenEvent(database)).toBeNull();
    // And it writes on from there, on an unbroken chain.
    await pm.ok(COMMENT, { input: { issueKey: host.key, body: 'After the restore.' } });
    expect(await firstBrokenEvent(database)).toBeNull();
  });

  it('an API does not start on a database while a restore holds it', async () => {
    await app?.stop();
    app = null;
    const restore = takeHold(databaseFile, 'restore');
    try {
      await expect(startTestApp({ database })).rejects.toThrow(
        `A restore onto ${databaseFile} is in progress (a restore, pid ${process.pid}`,
      );
    } finally {
      restore.release();
    }
    app = await startTestApp({ database });
  });
});
