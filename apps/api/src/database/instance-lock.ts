import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../common/clock';
import type { DatabaseConfig } from '../config/config';

/**
 * Who is using a SQLite database file, so that `npm run restore` never swaps the file from under a
 * running API, and an API never starts on a file that is being restored (ADR 0017).
 *
 * Every holder writes its own small JSON file into a folder beside the database,
 * `<database>.holders/`, and removes it when done. One file per holder, not one lock file for
 * all, because several API processes on one SQLite file are legitimate (ADR 0004): each adds and
 * removes only its own file, so none can clobber or release another's claim, and nothing needs a
 * read-modify-write of shared state.
 *
 * A process that dies without cleaning up (kill -9, a crash, a power loss, or Nest's signal
 * shutdown, which ends the process by re-raising the signal) leaves its file behind. A file
 * therefore only counts while its process lives: same host, the pid answers `kill(pid, 0)`, and,
 * where /proc exists, the process started at the same instant as the one that wrote the file, so
 * a pid reused by an unrelated process does not count either. Files of dead processes are stale:
 * they are ignored and swept away. A file from another host cannot be checked from here and is
 * taken as live; the message names it so that an operator can remove it.
 *
 * Both sides write their own file first and look for the other side second, so whichever order
 * an API start and a restore interleave in, at least one of them sees the other and refuses.
 */

export type HolderRole = 'api' | 'restore';

export interface Holder {
  readonly role: HolderRole;
  readonly pid: number;
  readonly host: string;
  /** When the holder took the database (ISO 8601). */
  readonly since: string;
  /** The process's start time in clock ticks since boot (Linux /proc), to tell a reused pid. */
  readonly processStart: string | null;
  /** The holder's file. */
  readonly file: string;
}

export interface InstanceLock {
  readonly file: string;
  /** Removes this holder's file; safe to call more than once. */
  release(): void;
}

/** Refused because another process holds the database. */
export class DatabaseHeldError extends Error {
  constructor(
    message: string,
    readonly holders: readonly Holder[],
  ) {
    super(message);
    this.name = 'DatabaseHeldError';
  }
}

export function holdersFolder(databasePath: string): string {
  return `${databasePath}.holders`;
}

let taken = 0;

/** Writes this process's holder file for `databasePath`, whatever else holds it. */
export function takeHold(databasePath: string, role: HolderRole): InstanceLock {
  const folder = holdersFolder(databasePath);
  mkdirSync(folder, { recursive: true });
  const host = hostname();
  // A counter as well as the pid: one process may hold the same file twice (tests restart the app
  // on a database before the old instance has closed), and each release must remove its own.
  const file = join(folder, `${role}-${safe(host)}-${process.pid}-${++taken}.json`);
  const content: Omit<Holder, 'file'> = {
    role,
    pid: process.pid,
    host,
    // The real time, also under a test's fixed clock: it tells an operator when a process began.
    since: systemClock.now().toISOString(),
    processStart: processStartTicks(process.pid),
  };
  // Written aside and renamed, so a reader never sees half a file.
  const partial = `${file}.partial`;
  writeFileSync(partial, `${JSON.stringify(content, null, 2)}\n`);
  renameSync(partial, file);

  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    rmSync(file, { force: true });
  };
  // A normal exit without close() still cleans up; a signal or a crash leaves a stale file, which
  // liveHolders recognises by its dead pid.
  process.on('exit', release);
  return { file, release };
}

/**
 * The holders of `databasePath` whose processes are alive, other than `except` (the caller's own
 * file). Stale files are removed on the way.
 */
export function liveHolders(databasePath: string, except?: InstanceLock): Holder[] {
  const folder = holdersFolder(databasePath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const live: Holder[] = [];
  for (const name of names) {
    if (!name.endsWith('.json')) continue;
    const file = join(folder, name);
    if (file === except?.file) continue;
    const holder = readHolder(file);
    if (holder === 'gone') continue;
    if (holder === 'unreadable') {
      // Not ours to judge: a file that does not parse is reported as a holder, never ignored.
      live.push({ role: 'api', pid: 0, host: '?', since: '?', processStart: null, file });
      continue;
    }
    if (isAlive(holder)) live.push(holder);
    else rmSync(file, { force: true });
  }
  return live;
}

/**
 * Taken by the API as it starts (startApp), before the database opens, and released after it has
 * closed. Null on PostgreSQL, which has its own tools and no file to swap (ADR 0017).
 */
export function holdDatabase(database: DatabaseConfig): InstanceLock | null {
  if (database.kind !== 'sqlite') return null;
  const lock = takeHold(database.path, 'api');
  const restores = liveHolders(database.path, lock).filter((holder) => holder.role === 'restore');
  if (restores.length > 0) {
    lock.release();
    throw new DatabaseHeldError(
      `A restore onto ${database.path} is in progress (${restores.map(describeHolder).join('; ')}); start the API when it has finished.`,
      restores,
    );
  }
  return lock;
}

/** e.g. "the API, pid 4242 on host ops-1 since 2026-03-02T14:00:00.000Z (file ...)" */
export function describeHolder(holder: Holder): string {
  if (holder.pid === 0) return `an unreadable holder file ${holder.file}`;
  const who = holder.role === 'api' ? 'the API' : 'a restore';
  const remote = holder.host === hostname() ? '' : ', which cannot be checked from this host';
  return `${who}, pid ${holder.pid} on host ${holder.host} since ${holder.since} (file ${holder.file}${remote})`;
}

function readHolder(file: string): Holder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    // Released between listing and reading.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    return 'unreadable';
  }
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    if (
      (parsed.role !== 'api' && parsed.role !== 'restore') ||
      typeof parsed.pid !== 'number' ||
      typeof parsed.host !== 'string'
    )
      return 'unreadable';
    return {
      role: parsed.role,
      pid: parsed.pid,
      host: parsed.host,
      since: typeof parsed.since === 'string' ? parsed.since : '?',
      processStart: typeof parsed.processStart === 'string' ? parsed.processStart : null,
      file,
    };
  } catch {
    return 'unreadable';
  }
}

function isAlive(holder: Holder): boolean {
  // Another host's processes are out of sight: assume it still runs.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = processStartTicks(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

/** Field 22 of /proc/<pid>/stat (start time since boot); null where there is no /proc. */
function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9.-]/g, '_');
}
