import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The PostgreSQL server the tests use: the one on this machine and in CI, unless TEST_POSTGRES_URL
 * or a postgres:// DATABASE_URL names another. Any database on it will do: tests only connect to
 * it to create and drop databases of their own beside it.
 */
export const POSTGRES_SERVER_URL =
  nonEmpty(process.env['TEST_POSTGRES_URL']) ??
  postgresUrl(process.env['DATABASE_URL']) ??
  'postgres://postgres@127.0.0.1:5432/postgres';

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}

/** A SQLite DATABASE_URL (a developer's `npm start` setting) says nothing about the server. */
function postgresUrl(value: string | undefined): string | undefined {
  const url = nonEmpty(value);
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

/**
 * Names the database the PostgreSQL run copies for every app that would load the demo program at
 * T0 (see postgres-template.setup.ts); the test processes inherit it from the run.
 */
export const DEMO_TEMPLATE_VARIABLE = 'IPT_TEST_POSTGRES_DEMO_TEMPLATE';

/** The demo template's name, if this run copies one. */
export function demoTemplateName(): string | null {
  return nonEmpty(process.env[DEMO_TEMPLATE_VARIABLE]) ?? null;
}

export interface TestPostgresDatabase {
  /** A DATABASE_URL for the app. */
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/**
 * A new database on the test server, dropped (with any connection left) by `drop`: empty, or a
 * copy of `template` (a database nobody is connected to while it is copied).
 */
export async function createTestPostgresDatabase(
  options: { readonly template?: string } = {},
): Promise<TestPostgresDatabase> {
  // The pid tells whose a leftover is (a run killed before it could drop its databases).
  const name = `ipt_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await onServer(async (client) => {
    const template = options.template
      ? ` TEMPLATE ${client.escapeIdentifier(options.template)}`
      : '';
    await client.query(`CREATE DATABASE ${name}${template}`);
    // COMMIT need not wait for the WAL to reach the disk: a test database outlives no power loss,
    // and the demo load alone commits a few hundred times per app. (Every commit stays atomic
    // and visible as before; only a crash of the server itself could lose the last ones.)
    await client.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
  });
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => dropTestPostgresDatabase(name),
  };
}

/**
 * Makes sure the database `name` exists: the first test process to ask runs `build`, which makes
 * a database, leaves nobody connected to it and names it; that one is renamed to `name`. The
 * others wait for it meanwhile (an advisory lock on the server).
 */
export async function sharedTestPostgresDatabase(
  name: string,
  build: () => Promise<string>,
): Promise<void> {
  await onServer(async (client) => {
    // Session-level: released by the unlock below, or when this connection ends, however it ends.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return;
      const built = await build();
      await client.query(
        `ALTER DATABASE ${client.escapeIdentifier(built)} RENAME TO ${client.escapeIdentifier(name)}`,
      );
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

/** Drops a test database by name, with any connection left to it. */
export async function dropTestPostgresDatabase(name: string): Promise<void> {
  await onServer((client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

async function onServer<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: POSTGRES_SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
