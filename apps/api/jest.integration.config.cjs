/** Integration tests against the real database (run through test/run-integration.mjs). */
module.exports = {
  ...require('./jest.base.cjs'),
  roots: ['<rootDir>/test/integration'],
  testMatch: ['**/*.spec.ts'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
