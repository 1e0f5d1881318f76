// System tests: the real app on temporary SQLite files, driven over HTTP. `npm run test:postgres`
// runs this same target with IPT_TEST_DATABASE=postgres, which takes the PostgreSQL settings.
module.exports =
  process.env.IPT_TEST_DATABASE === 'postgres'
    ? require('./jest.postgres.config.cjs')
    : {
        ...require('./jest.system.cjs'),
        // Scale-out suites need a PostgreSQL server (and Redis); `npm test` needs neither.
        testPathIgnorePatterns: ['/node_modules/', '\\.postgres\\.test\\.ts$'],
      };
