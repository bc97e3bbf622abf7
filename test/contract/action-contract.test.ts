import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  checkProjectRules,
  checkReadme,
  findActionDirs,
  loadActionMetadata,
  parseActionMetadata,
  validateActionSchema,
  validateActionSchemaFile,
} from './action-contract.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'contract');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

const actionDirs = findActionDirs(REPO_ROOT);

test('the repository has at least one actions/*/action.yml', () => {
  if (actionDirs.length === 0) {
    throw new Error(`No actions/*/action.yml found under ${REPO_ROOT}: the suite must contain at least one action.`);
  }
});

// A plain loop rather than describe.each: with no actions, the test above fails with a clear message.
for (const dir of actionDirs) {
  describe(`actions/${basename(dir)}`, () => {
    const actionYml = join(dir, 'action.yml');

    test('action.yml validates against the @actions/workflow-parser action schema', () => {
      expect(validateActionSchemaFile(actionYml)).toEqual([]);
    });

    test('action.yml follows the project rules', () => {
      expect(checkProjectRules(loadActionMetadata(actionYml))).toEqual([]);
    });

    test('README.md inputs and outputs tables match action.yml', () => {
      expect(checkReadme(readFileSync(join(dir, 'README.md'), 'utf8'), loadActionMetadata(actionYml))).toEqual([]);
    });
  });
}

describe('contract checks reject bad fixtures', () => {
  const good = parseActionMetadata(fixture('good.yml'));

  test('good.yml passes the schema, the project rules and README-good.md', () => {
    expect(validateActionSchema(fixture('good.yml'))).toEqual([]);
    expect(checkProjectRules(good)).toEqual([]);
    expect(checkReadme(fixture('README-good.md'), good)).toEqual([]);
  });

  test('the schema rejects an unknown top-level key', () => {
    expect(validateActionSchema(fixture('bad-unknown-key.yml'))).toEqual([
      expect.stringContaining("Unexpected value 'foo'"),
    ]);
  });

  test('the schema rejects an unsupported runs.using', () => {
    expect(validateActionSchema(fixture('bad-runs-using.yml'))).toEqual([
      expect.stringContaining("Unexpected value 'node99'"),
    ]);
  });

  test('runs.using node12 passes the schema but not the project rules', () => {
    expect(validateActionSchema(fixture('bad-runs-using-node12.yml'))).toEqual([]);
    expect(checkProjectRules(parseActionMetadata(fixture('bad-runs-using-node12.yml')))).toEqual([
      `runs.using must be 'node24' (found "node12")`,
    ]);
  });

  test('the project rules catch runtime, main, names, descriptions and branding', () => {
    expect(validateActionSchema(fixture('bad-project-rules.yml'))).toEqual([]);
    expect(checkProjectRules(parseActionMetadata(fixture('bad-project-rules.yml')))).toEqual([
      `runs.using must be 'node24' (found "node20")`,
      `runs.main must be 'dist/index.js' (found "lib/main.js")`,
      expect.stringContaining("input 'instanceUrl' must be kebab-case"),
      "input 'no-description' needs a non-empty description",
      expect.stringContaining("output 'Result_ID' must be kebab-case"),
      "output 'Result_ID' needs a non-empty description",
      'branding.color is required',
    ]);
  });

  test('a README missing rows fails', () => {
    expect(checkReadme(fixture('README-missing-row.md'), good)).toEqual([
      "README '## Inputs' table is missing inputs defined in action.yml: `dry-run`",
      "README '## Outputs' table is missing outputs defined in action.yml: `result-id`",
    ]);
  });

  test('a README with extra rows fails', () => {
    expect(checkReadme(fixture('README-extra-row.md'), good)).toEqual([
      "README '## Inputs' table lists inputs not defined in action.yml: `verbose`",
      "README '## Outputs' table lists outputs not defined in action.yml: `run-url`",
    ]);
  });

  test('a README with wrong Required/Default cells fails', () => {
    expect(checkReadme(fixture('README-wrong-columns.md'), good)).toEqual([
      "input `instance-url`: README Required is 'no', expected 'yes' (action.yml required: true)",
      "input `instance-url`: README Default is '`none`', expected '' or '—' (no default in action.yml)",
      "input `timeout-seconds`: README Default is '1.0', expected '`1.0`'",
      "input `dry-run`: README Required is 'yes', expected 'no' (action.yml required: false)",
      "input `dry-run`: README Default is '`true`', expected '`false`'",
    ]);
  });

  test('a README without the tables fails', () => {
    expect(checkReadme('# Contract fixture\n\nNo tables here.\n', good)).toEqual([
      "README has no table under '## Inputs'",
      "README has no table under '## Outputs'",
    ]);
  });

  test('action discovery finds only directories with an action.yml', () => {
    const root = join(FIXTURES, 'repo');
    const dirs = findActionDirs(root);
    expect(dirs).toEqual([join(root, 'actions', 'sample')]);
    const meta = loadActionMetadata(join(dirs[0]!, 'action.yml'));
    expect(validateActionSchemaFile(join(dirs[0]!, 'action.yml'))).toEqual([]);
    expect(checkProjectRules(meta)).toEqual([]);
    expect(checkReadme(readFileSync(join(dirs[0]!, 'README.md'), 'utf8'), meta)).toEqual([]);
  });
});
