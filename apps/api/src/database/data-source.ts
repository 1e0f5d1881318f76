import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, DataSourceOptions, Logger } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { SnakeNamingStrategy } from './columns';
import type { DatabaseFaults } from './database.service';
import { ENTITIES, MIGRATIONS } from './entities';

/** How long a SQLite connection waits for another process's write lock before giving up. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export interface DataSourceExtras {
  /** Counts or logs SQL statements (the statement-count tests use it). */
  readonly logger?: Logger;
  /** Test-only fault injection in the write path. */
  readonly faults?: DatabaseFaults;
}

function baseOptions(extras: DataSourceExtras) {
  return {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsTransactionMode: 'each' as const,
    ...(extras.logger ? { logger: extras.logger, logging: ['query' as const] } : {}),
  };
}

export function writerOptions(
  database: DatabaseConfig,
  extras: DataSourceExtras = {},
): DataSourceOptions {
  if (database.kind === 'postgres') {
    return { type: 'postgres', url: database.url, ...baseOptions(extras) };
  }
  mkdirSync(dirname(database.path), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      // FULL: the WAL is synced before COMMIT returns, so an acknowledged write survives power loss.
      db.pragma(`synchronous = ${database.synchronous}`);
    },
    ...baseOptions(extras),
  };
}

/**
 * A second, read-only SQLite connection. TypeORM's better-sqlite3 driver runs everything on one
 * connection, so a read issued while a write transaction is open would see its uncommitted rows;
 * in WAL mode this connection sees only committed data (ADR 0004). PostgreSQL needs no such thing.
 */
export function readerOptions(
  database: DatabaseConfig,
  extras: DataSourceExtras = {},
): DataSourceOptions | null {
  if (database.kind === 'postgres') return null;
  return {
    type: 'better-sqlite3',
    database: database.path,
    readonly: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    },
    ...baseOptions(extras),
  };
}

export interface Databases {
  readonly writer: DataSource;
  readonly reader: DataSource;
  readonly faults?: DatabaseFaults;
  close(): Promise<void>;
}

/** Opens the database, runs pending migrations, and opens the read connection beside it. */
export async function openDatabases(
  database: DatabaseConfig,
  extras: DataSourceExtras = {},
): Promise<Databases> {
  const writer = new DataSource(writerOptions(database, extras));
  await writer.initialize();
  await runMigrationsOnce(writer);
  if (writer.options.type === 'better-sqlite3') useImmediateTransactions(writer);
  const readOptions = readerOptions(database, extras);
  const reader = readOptions ? await new DataSource(readOptions).initialize() : writer;
  return {
    writer,
    reader,
    ...(extras.faults ? { faults: extras.faults } : {}),
    async close() {
      if (reader !== writer && reader.isInitialized) await reader.destroy();
      if (writer.isInitialized) await writer.destroy();
    },
  };
}

/** The session-level advisory lock instances take while migrating a PostgreSQL database. */
const MIGRATION_LOCK_KEY = 7_340_002;

/**
 * Runs pending migrations. On PostgreSQL several instances may start at once: each takes an
 * advisory lock first, so the first runs the migrations and the others wait, then find none
 * pending (ADR 14). SQLite's own write lock keeps one process's migration whole.
 */
export async function runMigrationsOnce(dataSource: DataSource): Promise<string[]> {
  const run = async () =>
    (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  if (dataSource.options.type !== 'postgres') return run();
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await run();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

/**
 * Makes SQLite write transactions start with BEGIN IMMEDIATE. A deferred BEGIN in WAL mode can
 * fail with SQLITE_BUSY_SNAPSHOT when another process wrote in between, which busy_timeout does
 * not retry; IMMEDIATE takes the write lock up front and waits for it instead.
 */
export function useImmediateTransactions(dataSource: DataSource): void {
  const runner = dataSource.createQueryRunner();
  const query = runner.query.bind(runner) as (sql: string, ...rest: unknown[]) => Promise<unknown>;
  Object.assign(runner, {
    query: (sql: string, ...rest: unknown[]) =>
      query(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql, ...rest),
  });
}
