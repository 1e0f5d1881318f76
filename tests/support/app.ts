import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningApp } from 'api/src/bootstrap';
import { startApp } from 'api/src/bootstrap';
import type { DataSourceExtras } from 'api/src/database/data-source';
import { FixedClock } from 'api/src/common/clock';
import { loadConfig } from 'api/src/config/config';
import { DatabaseService } from 'api/src/database/database.service';
import { ApiClient } from './client';
import { rollupAndTables } from './rollup';

/** The instant every system test starts at. */
export const T0 = '2026-03-02T14:00:00.000Z';

export interface TestApp {
  readonly running: RunningApp;
  readonly url: string;
  readonly clock: FixedClock;
  readonly databaseFile: string;
  client(): ApiClient;
  /** A client already signed in as this demo account. */
  as(email: string): Promise<ApiClient>;
  /**
   * Stops the app, first checking that the roll-up of issue facts equals the tables computed from
   * scratch (ADR 0013): every system test's history doubles as a test of the roll-up.
   */
  stop(): Promise<void>;
}

export interface TestAppOptions {
  readonly demo?: boolean;
  /** Reuse a database (to test restarts); a fresh temporary one otherwise. */
  readonly databaseFile?: string;
  readonly clock?: FixedClock;
  readonly env?: Record<string, string>;
  /** Sees every SQL statement the app runs (the statement-count tests count them). */
  readonly databaseLogger?: DataSourceExtras['logger'];
}

/** Starts the real app in this process on 127.0.0.1, a free port and a temporary SQLite file. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const folder = options.databaseFile ? null : mkdtempSync(join(tmpdir(), 'ipt-test-'));
  const databaseFile = options.databaseFile ?? join(folder as string, 'ipt.sqlite');
  const clock = options.clock ?? new FixedClock(T0);
  const config = loadConfig({
    DATABASE_URL: `sqlite:${databaseFile}`,
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
  const running = await startApp({
    config,
    clock,
    logger: false,
    ...(options.databaseLogger ? { database: { logger: options.databaseLogger } } : {}),
  });
  return {
    running,
    url: running.url,
    clock,
    databaseFile,
    client: () => new ApiClient(running.url),
    async as(email: string) {
      const client = new ApiClient(running.url);
      await client.login(email);
      return client;
    },
    async stop() {
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
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}
