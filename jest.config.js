/** ESM TypeScript through ts-jest; type checking is `npm run typecheck`'s job, so tests only transpile. */
import { readdirSync, statSync } from 'node:fs';

/** Every folder of production code: shared/ and each of its subfolders, each action's src/, the command's src/. */
function sourceFolders() {
  const folders = [];
  const walk = (dir) => {
    folders.push(`./${dir}/`);
    for (const name of readdirSync(dir)) if (statSync(`${dir}/${name}`).isDirectory()) walk(`${dir}/${name}`);
  };
  walk('shared');
  for (const action of readdirSync('actions')) folders.push(`./actions/${action}/src/`);
  folders.push('./cli/src/');
  return folders;
}

/** What CI enforces for each folder on its own, so a well-tested folder cannot hide an untested one. */
const FOLDER_THRESHOLD = { lines: 85, branches: 75 };

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
  collectCoverageFrom: [
    'shared/**/*.ts',
    'actions/*/src/**/*.ts',
    '!actions/*/src/index.ts',
    'cli/src/**/*.ts',
    '!cli/src/index.ts',
  ],
  coverageReporters: ['text-summary', 'json-summary', 'lcov'],
  coverageThreshold: Object.fromEntries(sourceFolders().map((folder) => [folder, FOLDER_THRESHOLD])),
};
