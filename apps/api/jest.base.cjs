/** Shared Jest settings for the API: native ESM (NestJS 12 is ESM-only), SWC with decorator metadata. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

module.exports = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@kaoping/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@kaoping/scoring$': '<rootDir>/../../libs/scoring/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
