// Unit tests: src/**/*.spec.ts (no database).
module.exports = { ...require('./jest.base.cjs'), roots: ['<rootDir>/src'], testMatch: ['**/*.spec.ts'] };
