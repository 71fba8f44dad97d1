// Unit tests of the mini-program: jsdom + @testing-library/react, with @tarojs/* and NutUI mapped to small mocks
// (Taro's own test utils only support Taro 3).
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/mocks/components.tsx',
    '^@nutui/nutui-react-taro$': '<rootDir>/test/mocks/nutui.tsx',
    '^@nutui/icons-react-taro$': '<rootDir>/test/mocks/icons.tsx',
    '\\.(css|scss)$': '<rootDir>/test/mocks/style.ts',
    '^@kaoping/contracts$': path.resolve(__dirname, '../../libs/contracts/src/index.ts'),
    '^@kaoping/scoring$': path.resolve(__dirname, '../../libs/scoring/src/index.ts'),
    '^@seeds/(.*)$': path.resolve(__dirname, '../../seeds/$1'),
    // libs written for nodenext import './x.js' meaning './x.ts'.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  clearMocks: true,
};
