/** The command's inputs and outputs are action.yml's, generated at build time: never a second hand-kept list. */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ACTIONS } from '../../cli/src/actions.js';
import { CONTRACTS } from '../../cli/src/contracts.js';
import { commandInputs } from '../../cli/src/inputs.js';
import { findActionDirs, loadActionMetadata } from '../contract/action-contract.js';
import { REPO_ROOT } from '../support/run-action.js';

describe('cli/src/contracts.ts', () => {
  it('is what scripts/contracts.mjs generates from actions/*/action.yml now', () => {
    const file = path.join(REPO_ROOT, 'cli', 'src', 'contracts.ts');
    const generated = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "process.stdout.write(await (await import('./scripts/contracts.mjs')).contractsSource())",
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it.each(findActionDirs().map((dir) => path.basename(dir)))('%s: every input and output, with defaults', (name) => {
    const meta = loadActionMetadata(path.join(REPO_ROOT, 'actions', name, 'action.yml'));
    const contract = CONTRACTS[name as keyof typeof CONTRACTS];
    expect(contract.inputs.map((i) => [i.name, i.required, i.default])).toEqual(
      meta.inputs.map((i) => [i.name, i.required, i.default]),
    );
    expect(contract.outputs.map((o) => o.name)).toEqual(meta.outputs.map((o) => o.name));
  });

  it('has every action loadable by name, each with its run()', async () => {
    expect(Object.keys(ACTIONS)).toEqual(Object.keys(CONTRACTS));
    for (const load of Object.values(ACTIONS)) expect(typeof (await load()).run).toBe('function');
  });

  it('marks the credentials secret, and nothing else', () => {
    const secrets = Object.values(CONTRACTS).flatMap((c) => c.inputs.filter((i) => i.secret).map((i) => i.name));
    expect([...new Set(secrets)].sort()).toEqual([
      'github-token',
      'password',
      'source-password',
      'target-password',
      'token',
    ]);
  });
});

describe('inputs off GitHub', () => {
  it('a default written as a GitHub expression is not given; a plain one applies; a flag wins over the variable', () => {
    const source = commandInputs(CONTRACTS['dev2prod-promote'], new Map([['timeout', '5m']]), {
      CONFIG_PROMOTION_TIMEOUT: '1h',
      CONFIG_PROMOTION_SOURCE_URL: 'https://smax.example.com',
    });
    expect(source('github-token')).toBe('');
    expect(source('poll-interval')).toBe(
      CONTRACTS['dev2prod-promote'].inputs.find((i) => i.name === 'poll-interval')?.default,
    );
    expect(source('timeout')).toBe('5m');
    expect(source('source-url')).toBe('https://smax.example.com');
  });
});
