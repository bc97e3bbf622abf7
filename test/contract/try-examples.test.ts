/**
 * The local trial of every action stays in step with the action: `npm run try`'s example inputs exist in action.yml
 * and cover the required ones, each action's `.env.example` holds the same inputs against the sandbox's fixed port,
 * and each README shows the command.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TRY_EXAMPLES } from '../../scripts/try-examples.js';
import { SANDBOX_PORTS } from '../sandbox/standalone.js';
import { findActionDirs, loadActionMetadata, REPO_ROOT } from './action-contract.js';

const actions = findActionDirs().map((dir) => basename(dir));

/** `INPUT_NAME=value` lines of a dotenv file, as input name → value. */
function dotenvInputs(text: string): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const match = /^INPUT_([A-Z0-9-]+)=(.*)$/.exec(line);
    if (!match) throw new Error(`not an INPUT_NAME=value line: ${line}`);
    inputs[match[1].toLowerCase()] = match[2];
  }
  return inputs;
}

test('every action has a try example', () => {
  expect(Object.keys(TRY_EXAMPLES).sort()).toEqual([...actions].sort());
});

describe.each(actions)('%s', (action) => {
  const example = TRY_EXAMPLES[action];
  const inputs = example.inputs(`http://127.0.0.1:${SANDBOX_PORTS[example.sandbox]}`);
  const meta = loadActionMetadata(join(REPO_ROOT, 'actions', action, 'action.yml'));

  it('uses only inputs of its action.yml, and every required one', () => {
    const declared = meta.inputs.map((input) => input.name);
    expect(Object.keys(inputs).filter((name) => !declared.includes(name))).toEqual([]);
    const required = meta.inputs.filter((input) => input.required && input.default === undefined);
    expect(required.map((input) => input.name).filter((name) => !(name in inputs))).toEqual([]);
  });

  it('names files and folders that exist in the repository', () => {
    for (const name of ['files-root', 'file']) {
      if (inputs[name]) expect(existsSync(join(REPO_ROOT, inputs[name]))).toBe(true);
    }
  });

  it('has a .env.example for @github/local-action with the same inputs against the fixed port', () => {
    const text = readFileSync(join(REPO_ROOT, 'actions', action, '.env.example'), 'utf8');
    expect(dotenvInputs(text)).toEqual(inputs);
    expect(text).toContain(`npx @github/local-action run actions/${action} src/main.ts actions/${action}/.env.example`);
  });

  it('shows `npm run try` in its README', () => {
    expect(readFileSync(join(REPO_ROOT, 'actions', action, 'README.md'), 'utf8')).toContain(`npm run try -- ${action}`);
  });
});
