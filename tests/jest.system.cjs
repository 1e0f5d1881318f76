// What the system test runs share, on SQLite (jest.config.cjs) and on PostgreSQL
// (jest.postgres.config.cjs): the real app in-process, driven over HTTP.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'system',
  rootDir: __dirname,
  testMatch: ['<rootDir>/api/**/*.test.ts'],
  testTimeout: 60_000,
};
