/** Integration tests against the real database (run through test/run-integration.mjs). */
module.exports = {
  ...require('./jest.base.cjs'),
  roots: ['<rootDir>/test/integration'],
  testMatch: ['**/*.spec.ts'],
  // *.mysql.spec.ts need a MySQL server (migration drift): part of the MySQL run only.
  // *.redis.spec.ts need Redis: left out when run-integration.mjs found none (and CI is not set).
  testPathIgnorePatterns: [
    ...(process.env.KAOPING_TEST_DB === 'mysql' ? [] : ['\\.mysql\\.spec\\.ts$']),
    ...(process.env.KAOPING_TEST_REDIS ? [] : ['\\.redis\\.spec\\.ts$']),
  ],
  testTimeout: 60_000,
  maxWorkers: 2,
};
