/**
 * `npm run try` prints the inputs it runs with: every input an action reads as a secret must be one it hides.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { isSecretInput, shownInput } from '../../scripts/try.js';
import { REPO_ROOT } from '../support/run-action.js';

const ACTIONS = readdirSync(path.join(REPO_ROOT, 'actions'));

/** The input names passed to `inputs.secret(...)` in the sources (a `${side}-` prefix means source- and target-). */
function secretInputsRead(): string[] {
  const names: string[] = [];
  const folders = [...ACTIONS.map((action) => path.join('actions', action, 'src')), 'shared'];
  for (const folder of folders) {
    for (const file of readdirSync(path.join(REPO_ROOT, folder), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const text = readFileSync(path.join(REPO_ROOT, folder, file), 'utf8');
      for (const [, quoted, sided] of text.matchAll(/\.secret\((?:'([a-z-]+)'|`\$\{side\}-([a-z-]+)`)/g)) {
        names.push(...(quoted ? [quoted] : [`source-${sided}`, `target-${sided}`]));
      }
    }
  }
  return names;
}

describe('npm run try hides secrets', () => {
  it('hides every input the actions read as a secret, and each is an input of some action', () => {
    const read = secretInputsRead();
    expect(read).toEqual(expect.arrayContaining(['password', 'token', 'source-password', 'github-token']));
    const declared = new Set(
      ACTIONS.flatMap((action) => {
        const yml = parse(readFileSync(path.join(REPO_ROOT, 'actions', action, 'action.yml'), 'utf8')) as {
          inputs: Record<string, unknown>;
        };
        return Object.keys(yml.inputs);
      }),
    );
    for (const name of read) {
      expect(declared.has(name)).toBe(true);
      expect({ name, secret: isSecretInput(name) }).toEqual({ name, secret: true });
    }
  });

  it("shows a URL without its user name and password, and leaves a user name's @ alone", () => {
    expect(shownInput('instance-url', 'https://admin:S3cret@acme.service-now.com')).toBe(
      'https://***@acme.service-now.com',
    );
    expect(shownInput('instance-url', 'admin:S3cret@acme')).toBe('***@acme');
    expect(shownInput('source-url', 'https://u:p%40ss@smax.example.com/x')).toBe('https://***@smax.example.com/x');
    expect(shownInput('username', 'dev@example.com')).toBe('dev@example.com');
    expect(shownInput('target-password', 'anything')).toBe('***');
  });
});
