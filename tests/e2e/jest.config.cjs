// Browser tests: the real app (API + built web app) on a temporary SQLite file, in headless Chromium.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  testTimeout: 90_000,
  maxWorkers: 1,
};
