// System tests on PostgreSQL (`npm run test:postgres`): every app on a new database of its own on
// the server in tests/support/postgres.ts, dropped when it stops; the *.postgres.test.ts suites
// run here only.

// The switch tests/support reads; set here too, so that `jest --config jest.postgres.config.cjs`
// alone runs on PostgreSQL (workers inherit it).
process.env.IPT_TEST_DATABASE = 'postgres';

module.exports = {
  ...require('./jest.system.cjs'),
  displayName: 'system (PostgreSQL)',
  // One database with the demo loaded, copied for each app instead of loading it again.
  globalSetup: '<rootDir>/support/postgres-template.setup.ts',
  globalTeardown: '<rootDir>/support/postgres-template.teardown.ts',
  testPathIgnorePatterns: [
    '/node_modules/',
    // The data generator writes a SQLite file by design (its --database is a file path); its
    // output is read with SQLite's own checks (foreign_key_check, integrity_check).
    '/api/generator\\.test\\.ts$',
    // `npm start` as a new user runs it: the built app creating its SQLite file (and the session
    // secret beside it) from DATABASE_URL=sqlite:..., and the start message naming that file.
    '/api/startup\\.test\\.ts$',
    // Backups copy SQLite files (PostgreSQL has pg_dump); the suite makes a SQLite database of its
    // own whatever the run, so `npm test` has run it already.
    '/api/backup\\.test\\.ts$',
    // The current facts are held in memory on SQLite only (ADR 0013: PostgreSQL commits out of seq
    // order, so there every request reads the roll-up); what this suite checks is what the cache
    // holds. The roll-up it falls back to is checked by issue-facts-rollup.test.ts and by every
    // app's stop().
    '/api/current-facts-cache\\.test\\.ts$',
  ],
};
