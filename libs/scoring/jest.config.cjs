module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'].filter((p) => require('fs').existsSync(p.replace('<rootDir>', __dirname))),
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: {
    '^@kaoping/contracts$': '<rootDir>/../contracts/src/index.ts',
    '^@kaoping/scoring$': '<rootDir>/../scoring/src/index.ts',
  },
};
