import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { Client, types } from 'pg';
import { GENESIS_HASH, eventHash } from 'api/src/events/write.service';
import { TestPostgresDatabase, createTestPostgresDatabase } from './postgres';

export type TestDialect = 'sqlite' | 'postgres';

/**
 * The database the system tests run on: SQLite files, so `npm test` needs nothing but the npm
 * packages, unless `npm run test:postgres` sets IPT_TEST_DATABASE=postgres.
 */
export function testDialect(): TestDialect {
  const chosen = process.env['IPT_TEST_DATABASE']?.trim().toLowerCase() ?? '';
  if (chosen === '' || chosen === 'sqlite') return 'sqlite';
  if (chosen === 'postgres') return 'postgres';
  throw new Error(`IPT_TEST_DATABASE must be "sqlite" or "postgres", not "${chosen}".`);
}

export type SqlParameter = string | number | boolean | null;
export type Row = Record<string, unknown>;

/**
 * One test database, read and written the way an auditor would: over a connection of its own,
 * never the app's, so what it sees is what the app committed. SQL uses `?` placeholders on both
 * dialects; counts and other 64-bit integers come back as numbers on both.
 */
export interface TestDatabase {
  readonly dialect: TestDialect;
  /** The app's DATABASE_URL. */
  readonly url: string;
  /**
   * Where the app keeps the session secret it generates when SESSION_SECRET is unset: beside the
   * SQLite file, or (PostgreSQL) under `data/` of a private folder standing in for the
   * repository root, so parallel apps never share one.
   */
  readonly sessionSecretFile: string;
  /** A private folder the app may use as its repository root for files of its own. */
  readonly folder: string;
  query<T extends Row = Row>(sql: string, params?: readonly SqlParameter[]): Promise<T[]>;
  /** Runs a statement that changes data; resolves to the number of rows it changed. */
  execute(sql: string, params?: readonly SqlParameter[]): Promise<number>;
  /** Removes the database (and its folder) for good. */
  drop(): Promise<void>;
}

/**
 * A new database of the dialect this run tests: empty (the app migrates it as it starts), or on
 * PostgreSQL a copy of `template`, a database nobody is connected to.
 */
export async function createTestDatabase(
  dialect: TestDialect = testDialect(),
  options: { readonly template?: string } = {},
): Promise<TestDatabase> {
  if (dialect === 'postgres')
    return postgresTestDatabase(await createTestPostgresDatabase(options));
  if (options.template) throw new Error('Only PostgreSQL databases are made from a template.');
  const folder = mkdtempSync(join(tmpdir(), 'ipt-test-'));
  return sqliteDatabase(folder, join(folder, 'ipt.sqlite'));
}

/** A test app (its database) or a database handle. */
export type DatabaseTarget = { readonly database: TestDatabase } | TestDatabase;

/** The database an app (or a database handle itself) uses, to read it directly. */
export function testDatabase(target: DatabaseTarget): TestDatabase {
  return 'query' in target ? target : target.database;
}

/**
 * A SQLite file made by other means (the data generator writes one), read through the same
 * helper; `drop` removes the folder holding it.
 */
export function sqliteFileDatabase(file: string): TestDatabase {
  return sqliteDatabase(dirname(file), file);
}

function sqliteDatabase(folder: string, file: string): TestDatabase {
  function open<T>(readonly: boolean, work: (db: Database.Database) => T): T {
    const db = new Database(file, { readonly, fileMustExist: true });
    try {
      // As PostgreSQL always does, so a change that breaks a reference fails on both.
      if (!readonly) db.pragma('foreign_keys = ON');
      return work(db);
    } finally {
      db.close();
    }
  }
  return {
    dialect: 'sqlite',
    url: `sqlite:${file}`,
    sessionSecretFile: join(folder, 'session-secret'),
    folder,
    query: <T extends Row>(sql: string, params: readonly SqlParameter[] = []) =>
      Promise.resolve(open(true, (db) => db.prepare(sql).all(...sqliteParams(params)) as T[])),
    execute: (sql: string, params: readonly SqlParameter[] = []) =>
      Promise.resolve(open(false, (db) => db.prepare(sql).run(...sqliteParams(params)).changes)),
    drop() {
      rmSync(folder, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** better-sqlite3 binds no booleans; SQLite stores them as 0 and 1. */
function sqliteParams(params: readonly SqlParameter[]) {
  return params.map((value) => (typeof value === 'boolean' ? Number(value) : value));
}

/** count(*) and other bigint values as numbers, as SQLite gives them (tests count rows, no more). */
const POSTGRES_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === types.builtins.INT8
      ? (value: string) => Number(value)
      : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
};

/**
 * A PostgreSQL database made by createTestPostgresDatabase, read through the same helper (with a
 * private folder for the app's files); `drop` drops it.
 */
export function postgresTestDatabase(database: TestPostgresDatabase): TestDatabase {
  const folder = mkdtempSync(join(tmpdir(), 'ipt-test-'));
  async function connected<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: database.url, types: POSTGRES_TYPES });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
  return {
    dialect: 'postgres',
    url: database.url,
    sessionSecretFile: join(folder, 'data', 'session-secret'),
    folder,
    query: <T extends Row>(sql: string, params: readonly SqlParameter[] = []) =>
      connected(async (client) => (await client.query<T>(numbered(sql), [...params])).rows),
    execute: (sql: string, params: readonly SqlParameter[] = []) =>
      connected(async (client) => (await client.query(numbered(sql), [...params])).rowCount ?? 0),
    async drop() {
      try {
        await database.drop();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** `?` placeholders as PostgreSQL's `$1, $2, ...`, leaving quoted text and identifiers alone. */
function numbered(sql: string): string {
  let n = 0;
  let quote: string | null = null;
  let out = '';
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '?') {
      out += `$${++n}`;
      continue;
    }
    out += char;
  }
  return out;
}

/** One row of the events table as stored. */
interface EventRow extends Row {
  seq: number;
  program_id: string | null;
  issue_id: string | null;
  actor_id: string | null;
  type: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  at: string;
  previous_hash: string;
  hash: string;
}

/** The seq of the first event whose hash does not follow from its content and predecessor, or null. */
export async function firstBrokenEvent(target: DatabaseTarget): Promise<number | null> {
  const rows = await testDatabase(target).query<EventRow>('SELECT * FROM events ORDER BY seq');
  let previous = GENESIS_HASH;
  for (const row of rows) {
    const expected = eventHash({
      previousHash: previous,
      programId: row.program_id,
      issueId: row.issue_id,
      actorId: row.actor_id,
      type: row.type,
      entityType: row.entity_type,
      entityId: row.entity_id,
      before: row.before === null ? null : JSON.parse(row.before),
      after: row.after === null ? null : JSON.parse(row.after),
      at: new Date(row.at),
    });
    if (row.previous_hash !== previous || row.hash !== expected) return row.seq;
    previous = row.hash;
  }
  return null;
}
