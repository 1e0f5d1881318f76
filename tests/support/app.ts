import { rmSync } from 'node:fs';
import type { RunningApp } from 'api/src/bootstrap';
import { startApp } from 'api/src/bootstrap';
import type { DataSourceExtras } from 'api/src/database/data-source';
import { FixedClock } from 'api/src/common/clock';
import { loadConfig } from 'api/src/config/config';
import { DatabaseService } from 'api/src/database/database.service';
import { ApiClient } from './client';
import { TestDatabase, createTestDatabase, postgresTestDatabase, testDialect } from './database';
import {
  createTestPostgresDatabase,
  demoTemplateName,
  sharedTestPostgresDatabase,
} from './postgres';
import { rollupAndTables } from './rollup';

/** The instant every system test starts at. */
export const T0 = '2026-03-02T14:00:00.000Z';

export interface TestApp {
  readonly running: RunningApp;
  readonly url: string;
  readonly clock: FixedClock;
  /** The app's database, to read directly (`testDatabase(app)`) or to start another app on. */
  readonly database: TestDatabase;
  client(): ApiClient;
  /** A client already signed in as this demo account. */
  as(email: string): Promise<ApiClient>;
  /**
   * Stops the app, first checking that the roll-up of issue facts equals the tables computed from
   * scratch (ADR 0013): every system test's history doubles as a test of the roll-up. Drops the
   * database unless it was handed in.
   */
  stop(): Promise<void>;
}

export interface TestAppOptions {
  readonly demo?: boolean;
  /**
   * Start on this database (to test restarts, or a second app beside the first); its owner drops
   * it. A fresh one of the dialect under test otherwise (see testDialect).
   */
  readonly database?: TestDatabase;
  readonly clock?: FixedClock;
  readonly env?: Record<string, string>;
  /** Sees every SQL statement the app runs (the statement-count tests count them). */
  readonly databaseLogger?: DataSourceExtras['logger'];
  /** Faults injected in the write path (the durability tests fail COMMIT on purpose). */
  readonly faults?: DataSourceExtras['faults'];
}

/**
 * Starts the real app in this process on 127.0.0.1, a free port and a fresh database: a temporary
 * SQLite file, or a new PostgreSQL database when the run tests PostgreSQL.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  if (options.database) return start(options.database, null, options);
  const template = loadsTheDemoAtT0(options) ? await demoTemplate() : null;
  const owned = await createTestDatabase(testDialect(), template ? { template } : {});
  try {
    return await start(owned, owned, options);
  } catch (error) {
    await owned.drop();
    throw error;
  }
}

/**
 * The PostgreSQL run's database with the demo program loaded at T0 (postgres-template.setup.ts),
 * made by the first app that needs it, in whichever test process; null when the run has none.
 */
async function demoTemplate(): Promise<string | null> {
  const name = demoTemplateName();
  if (!name) return null;
  await sharedTestPostgresDatabase(name, async () => {
    const database = postgresTestDatabase(await createTestPostgresDatabase());
    try {
      // Stopping checks the roll-up, as for every app, and leaves nobody connected to copy it.
      await (await start(database, null, {})).stop();
    } catch (error) {
      await database.drop();
      throw error;
    }
    rmSync(database.folder, { recursive: true, force: true });
    return new URL(database.url).pathname.slice(1);
  });
  return name;
}

/**
 * Whether a new app would load just what the PostgreSQL run's demo template holds: the demo
 * program, loaded at T0.
 */
function loadsTheDemoAtT0(options: TestAppOptions): boolean {
  return (
    testDialect() === 'postgres' &&
    options.demo !== false &&
    options.clock === undefined &&
    options.env?.['IPT_DEMO'] === undefined
  );
}

async function start(
  database: TestDatabase,
  owned: TestDatabase | null,
  options: TestAppOptions,
): Promise<TestApp> {
  const clock = options.clock ?? new FixedClock(T0);
  const loaded = loadConfig({
    DATABASE_URL: database.url,
    PORT: '0',
    HOST: '127.0.0.1',
    IPT_DEMO: String(options.demo ?? true),
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    NODE_ENV: 'test',
    // Tests run the sweeps on demand, at instants they choose.
    TIMELINESS_SWEEP_SECONDS: '0',
    NOTIFICATION_SWEEP_SECONDS: '0',
    ...options.env,
  });
  // Off SQLite the app keeps its generated session secret under the repository root's data/;
  // a folder of this database's own keeps parallel tests (and the working tree) apart.
  const config =
    database.dialect === 'sqlite' ? loaded : { ...loaded, repositoryRoot: database.folder };
  const running = await startApp({
    config,
    clock,
    logger: false,
    database: {
      ...(options.databaseLogger ? { logger: options.databaseLogger } : {}),
      ...(options.faults ? { faults: options.faults } : {}),
    },
  });
  return {
    running,
    url: running.url,
    clock,
    database,
    client: () => new ApiClient(running.url),
    async as(email: string) {
      const client = new ApiClient(running.url);
      await client.login(email);
      return client;
    },
    async stop() {
      try {
        try {
          const reader = running.app.get(DatabaseService).reader;
          // A test that restarted the app has closed this one already: nothing left to compare.
          const { rollup, tables } = reader.connection.isInitialized
            ? await rollupAndTables(reader, clock.now().getTime())
            : { rollup: {}, tables: {} };
          if (JSON.stringify(rollup) !== JSON.stringify(tables))
            throw new Error(
              'The roll-up of issue facts differs from the tables (compare rollupAndTables).',
            );
        } finally {
          await running.close();
        }
      } finally {
        await owned?.drop();
      }
    },
  };
}
