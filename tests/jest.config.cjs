// System tests: the real app on a temporary SQLite file, driven over HTTP.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'system',
  rootDir: __dirname,
  testMatch: ['<rootDir>/api/**/*.test.ts'],
  testTimeout: 60_000,
};
