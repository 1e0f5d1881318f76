import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SingleBar } from 'cli-progress';
import { ConfigError, DatabaseConfig, loadConfig } from '../config/config';

const USAGE = `Usage: npm run backup -- --to <file> [--force]

Copies the SQLite database of DATABASE_URL (default data/ipt.sqlite) to <file> while the API keeps
running: one consistent snapshot, checked with PRAGMA integrity_check. Restore it with
npm run restore -- --from <file>, with the API stopped.`;

/**
 * How many pages each backup step copies between two turns of the event loop (16 MiB at SQLite's
 * default 4 KiB pages): large enough to be quick, small enough for a live progress bar.
 */
const PAGES_PER_STEP = 4096;

/** What an operator types instead, on PostgreSQL (ADR 0017). */
export const POSTGRES_INSTRUCTIONS = `DATABASE_URL points at PostgreSQL; backup and restore here copy SQLite files only.
Use PostgreSQL's own tools (the API may keep running during pg_dump; stop it for pg_restore):
  pg_dump --format=custom --file=ipt-backup.dump "$DATABASE_URL"
  pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$DATABASE_URL" ipt-backup.dump`;

/** What a backup holds, as printed after a backup and a restore. */
export interface SqliteSummary {
  readonly bytes: number;
  readonly events: number;
  /** The instant of the last event written, as stored (ISO 8601), or null without events. */
  readonly lastEventAt: string | null;
}

/**
 * A path the operator typed, relative to the folder they typed it in: npm runs scripts from the
 * repository root and passes the caller's folder as INIT_CWD.
 */
export function operatorPath(path: string): string {
  return resolve(process.env['INIT_CWD'] ?? process.cwd(), path);
}

/** Loads the configuration; a bad variable is reported by name (exit code 1), as the app does. */
export function databaseConfig(): DatabaseConfig | null {
  try {
    return loadConfig().database;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return null;
    }
    throw error;
  }
}

/** `PRAGMA integrity_check` of an open database: null when "ok", else the problems it lists. */
export function integrityProblems(db: Database.Database): string | null {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const lines = rows.map((row) => row.integrity_check);
  return lines.length === 1 && lines[0] === 'ok' ? null : lines.slice(0, 10).join('; ');
}

export function summarize(db: Database.Database, file: string): SqliteSummary {
  const { events } = db.prepare('SELECT COUNT(*) AS events FROM events').get() as {
    events: number;
  };
  // The last event written (highest seq), which says how current the copy is.
  const last = db.prepare('SELECT at FROM events ORDER BY seq DESC LIMIT 1').get() as
    { at: string } | undefined;
  return { bytes: statSync(file).size, events, lastEventAt: last?.at ?? null };
}

export function describeSummary(summary: SqliteSummary): string {
  const mib = (summary.bytes / 1024 / 1024).toFixed(1);
  const last = summary.lastEventAt ? `last event at ${summary.lastEventAt}` : 'no events';
  return `${mib} MiB (${summary.bytes.toLocaleString('en-US')} bytes), ${summary.events.toLocaleString('en-US')} events, ${last}`;
}

/** Flushes a file, or a folder's entries (a rename), to the disk. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function progressBar(unit: string): SingleBar {
  return new SingleBar({
    format: `${unit} {bar} {percentage}% | {value}/{total} | ETA {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    fps: 5,
    // Also when stderr is a log file, not a terminal: a line every ten seconds.
    noTTYOutput: true,
    notTTYSchedule: 10_000,
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      to: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.to) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const database = databaseConfig();
  if (!database) return 1;
  if (database.kind === 'postgres') {
    console.error(POSTGRES_INSTRUCTIONS);
    return 1;
  }
  const source = database.path;
  const target = operatorPath(values.to);
  if (!existsSync(source)) {
    console.error(`There is no database at ${source} (DATABASE_URL) to back up.`);
    return 1;
  }
  if ([source, `${source}-wal`, `${source}-shm`].includes(target)) {
    console.error(`--to ${target} is the database itself; name a file beside it.`);
    return 1;
  }
  if (existsSync(target) && !values.force) {
    console.error(`${target} exists already; pass --force to overwrite it.`);
    return 1;
  }

  mkdirSync(dirname(target), { recursive: true });
  // Written under another name and renamed at the end: the target is never a half-made backup,
  // and --force replaces an old backup only with a complete, checked one.
  const partial = `${target}.partial-${process.pid}`;
  try {
    await copyDatabase(source, partial);
    console.error('Checking the copy (PRAGMA integrity_check)...');
    const copy = new Database(partial, { fileMustExist: true });
    let summary: SqliteSummary;
    try {
      // The pages carry the live database's WAL mode; DELETE makes the backup one self-contained
      // file, whatever happens to it later.
      copy.pragma('journal_mode = DELETE');
      const problems = integrityProblems(copy);
      if (problems) {
        console.error(`The copy failed its integrity check, so nothing was written: ${problems}`);
        return 1;
      }
      summary = summarize(copy, partial);
    } finally {
      copy.close();
    }
    fsyncPath(partial);
    // A stale journal beside an old backup must not be applied to the new one.
    for (const leftover of [`${target}-wal`, `${target}-shm`, `${target}-journal`])
      rmSync(leftover, { force: true });
    renameSync(partial, target);
    fsyncPath(dirname(target));
    console.log(`Backed up ${source}`);
    console.log(`  to ${target}`);
    console.log(`  ${describeSummary(summary)}; integrity check ok`);
    return 0;
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Copies `source` to `destination` page by page with SQLite's online backup, as one consistent
 * snapshot while the API keeps writing. On its own the backup API restarts from the first page
 * whenever another connection writes, which under a steady stream of writes may never finish;
 * holding one read transaction open on the source for the whole copy pins the snapshot instead,
 * so there is nothing to restart. In WAL mode that read transaction blocks no writer (it only keeps
 * checkpoints from passing it, so the -wal file grows until the copy ends).
 */
async function copyDatabase(source: string, destination: string): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  const bar = progressBar('pages');
  try {
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    // The snapshot starts at the first read: every write acknowledged before this is in the copy.
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    let started = false;
    await db.backup(destination, {
      progress({ totalPages, remainingPages }) {
        if (!started) bar.start(totalPages, 0);
        started = true;
        bar.setTotal(totalPages);
        bar.update(totalPages - remainingPages);
        return PAGES_PER_STEP;
      },
    });
    // The last step reports nothing of its own.
    if (started) bar.update(bar.getTotal());
    db.exec('COMMIT');
  } finally {
    bar.stop();
    db.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
