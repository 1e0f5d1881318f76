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

export interface TestPostgresDatabase {
  /** A DATABASE_URL for the app. */
  readonly url: string;
  readonly name: string;
  drop(): Promise<void>;
}

/** A new, empty database on the test server, dropped (with any connection left) by `drop`. */
export async function createTestPostgresDatabase(): Promise<TestPostgresDatabase> {
  // The pid tells whose a leftover is (a run killed before it could drop its databases).
  const name = `ipt_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
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
