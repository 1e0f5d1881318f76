import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/config';
import { runMigrationsOnce, writerOptions } from '../database/data-source';

/**
 * Brings the database at DATABASE_URL up to this build's schema and says what it ran. Every API
 * instance does the same at start (under a lock on PostgreSQL); running this once before a
 * rollout keeps the instances' starts short and puts any migration error in one place.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const dataSource = new DataSource(writerOptions(config.database));
  await dataSource.initialize();
  try {
    const ran = await runMigrationsOnce(dataSource);
    if (ran.length === 0) console.log('The database is up to date: no migration to run.');
    for (const name of ran) console.log(`Ran migration ${name}`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof ConfigError ? error.message : `Migration failed: ${String(error)}`,
    );
    process.exit(1);
  },
);
