/** ESM TypeScript through ts-jest; type checking is `npm run typecheck`'s job, so tests only transpile. */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  reporters: ['default', '<rootDir>/test/support/count-reporter.cjs'],
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/support/temp-root-setup.mjs',
  globalTeardown: '<rootDir>/test/support/temp-root-teardown.mjs',
};
