// Shared Jest settings. Nest 12 ships ESM-only packages, so swc transforms both our
// TypeScript and node_modules/@nestjs into CommonJS (ts-jest cannot: import.meta.url).
const path = require('node:path');

const swcTypeScript = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: {
      legacyDecorator: true,
      decoratorMetadata: true,
      useDefineForClassFields: false,
      react: { runtime: 'automatic' },
    },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', swcTypeScript],
    '^.+\\.mjs$': ['@swc/jest', swcTypeScript],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleNameMapper: {
    '^@ipt/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
  },
  modulePathIgnorePatterns: ['<rootDir>/dist'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};
