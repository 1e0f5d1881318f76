import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../database/entities';
import { describeHolder, liveHolders, takeHold } from '../database/instance-lock';
import {
  POSTGRES_INSTRUCTIONS,
  SqliteSummary,
  databaseConfig,
  describeSummary,
  fsyncPath,
  integrityProblems,
  operatorPath,
  progressBar,
  summarize,
} from './backup';

const USAGE = `Usage: npm run restore -- --from <file>

Replaces the SQLite database of DATABASE_URL (default data/ipt.sqlite) with a backup made by
npm run backup. Stop every API on that database first: it refuses while one runs.`;

const COPY_CHUNK_BYTES = 8 * 1024 * 1024;

/** The migrations this build knows: a backup with others was made by a newer version. */
const KNOWN_MIGRATIONS = new Set(MIGRATIONS.map((migration) => new migration().name ?? ''));

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  if (values.help || !values.from) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const database = databaseConfig();
  if (!database) return 1;
  if (database.kind === 'postgres') {
    console.error(POSTGRES_INSTRUCTIONS);
    return 1;
  }
  const from = operatorPath(values.from);
  const target = database.path;
  if (!existsSync(from)) {
    console.error(`There is no backup at ${from}.`);
    return 1;
  }
  if (from === target) {
    console.error(`--from ${from} is the database itself (DATABASE_URL).`);
    return 1;
  }
  console.error(`Checking ${from} (PRAGMA integrity_check)...`);
  const problem = backupProblem(from);
  if (problem) {
    console.error(`Refusing to restore ${from}: ${problem}`);
    return 1;
  }

  mkdirSync(dirname(target), { recursive: true });
  // Claimed before looking for APIs: an API starting from now on sees this claim and refuses, and
  // one that started earlier is in the list below (instance-lock.ts).
  const hold = takeHold(target, 'restore');
  const temporary = `${target}.restore-${process.pid}`;
  try {
    const holders = liveHolders(target, hold);
    if (holders.length > 0) {
      console.error(
        `Refusing to restore onto ${target}: the database is in use by ${holders.map(describeHolder).join('; ')}.\nStop the API first, then run the restore again.`,
      );
      return 1;
    }
    // The long part first, beside the target (same file system, so the rename below is atomic);
    // the live database is untouched until the swap.
    await copyFile(from, temporary);
    fsyncPath(temporary);
    if (openElsewhere(target)) {
      console.error(
        `Refusing to restore onto ${target}: another process has the database open (SQLite reports it locked): an API, a backup or a sqlite3 shell. Stop it, then run the restore again.`,
      );
      return 1;
    }
    // The old database's journal files go first: left beside the restored file, SQLite would
    // replay the old database's pages into it. Nobody has the old database open (checked just
    // above, which also checkpointed its WAL), so they hold nothing it still needs.
    for (const stale of [`${target}-wal`, `${target}-shm`, `${target}-journal`])
      rmSync(stale, { force: true });
    renameSync(temporary, target);
    fsyncPath(dirname(target));

    const restored = new Database(target, { readonly: true, fileMustExist: true });
    let summary: SqliteSummary;
    try {
      summary = summarize(restored, target);
    } finally {
      restored.close();
    }
    console.log(`Restored ${from}`);
    console.log(`  onto ${target}`);
    console.log(`  ${describeSummary(summary)}`);
    console.log('Start the API; it migrates the restored database if the backup is older.');
    return 0;
  } finally {
    rmSync(temporary, { force: true });
    hold.release();
  }
}

/** Why `file` is no backup to restore (not SQLite, damaged, not this app's, too new), or null. */
function backupProblem(file: string): string | null {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return `it cannot be opened as a SQLite database (${message(error)}).`;
  }
  try {
    const problems = integrityProblems(db);
    if (problems) return `it fails PRAGMA integrity_check: ${problems}`;
    const tables = new Set(
      (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
          name: string;
        }[]
      ).map((row) => row.name),
    );
    const missing = ['events', 'migrations'].filter((table) => !tables.has(table));
    if (missing.length > 0)
      return `it has no ${missing.join(' or ')} table, so it is not a database of this app.`;
    const applied = (db.prepare('SELECT name FROM migrations').all() as { name: string }[]).map(
      (row) => row.name,
    );
    if (applied.length === 0) return 'no migration was ever applied to it.';
    const unknown = applied.filter((name) => !KNOWN_MIGRATIONS.has(name));
    if (unknown.length > 0)
      return `it was made by a newer version of the app (migrations unknown here: ${unknown.join(', ')}).`;
    return null;
  } catch (error) {
    // e.g. SQLITE_NOTADB: "file is not a database"
    return `it cannot be read as a SQLite database (${message(error)}).`;
  } finally {
    db.close();
  }
}

/**
 * Whether any connection, in any process, has `file` open: SQLite's own locks say so, and the
 * kernel drops them when a process dies, even by kill -9. In exclusive locking mode a WAL database
 * can only be locked when no other connection uses its shared memory, so this fails with
 * SQLITE_BUSY while an API (or anything else) is connected; when it succeeds, closing the
 * connection checkpoints the WAL into the file.
 */
function openElsewhere(file: string): boolean {
  if (!existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return true;
    // A damaged old database (what a restore is often for) is replaced all the same.
    return false;
  } finally {
    db.close();
  }
}

async function copyFile(from: string, to: string): Promise<void> {
  const total = statSync(from).size;
  const bar = progressBar('MiB');
  bar.start(Math.ceil(total / 1024 / 1024), 0);
  const source = await open(from, 'r');
  const destination = await open(to, 'w');
  try {
    const buffer = Buffer.alloc(COPY_CHUNK_BYTES);
    let copied = 0;
    for (;;) {
      const { bytesRead } = await source.read(buffer, 0, buffer.length, copied);
      if (bytesRead === 0) break;
      await destination.write(buffer, 0, bytesRead, copied);
      copied += bytesRead;
      bar.update(Math.floor(copied / 1024 / 1024));
    }
    bar.update(bar.getTotal());
  } finally {
    bar.stop();
    await destination.close();
    await source.close();
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
