/**
 * What a bundle's index.js holds is what every run compiles and runs before its first request (the start-up figure
 * of `npm run bench`). Libraries a run may never need live in chunks loaded on demand: undici (the toolkit's HTTP
 * client, which @actions/core wants only for OIDC tokens: patches/@actions+core+*.patch), the artifact and GitHub
 * clients, the glob matcher and the YAML and JSON-position parsers. One of them back in index.js fails here — also
 * when the patch stops applying after an upgrade of @actions/core. The config-promotion command (cli/dist) is held
 * to the same, and also loads each action's code and the workflow checker only when asked for.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findActionDirs, REPO_ROOT } from './action-contract.js';

const actionDirs = findActionDirs();
const bundleDirs = [...actionDirs, path.join(REPO_ROOT, 'cli')];

/** A string found in the library's code and nowhere in ours. */
const LAZY_LIBRARIES: Record<string, string> = {
  undici: 'llhttp',
  '@actions/artifact': 'BlobServiceClient',
  '@actions/github': '@octokit/core',
  '@actions/glob': '@actions/glob/lib',
  yaml: 'YAMLParseError',
  'jsonc-parser': 'createScanner',
  '@actions/workflow-parser': 'TemplateValidationError',
};

const chunks = (actionDir: string) => {
  const dist = path.join(actionDir, 'dist');
  return readdirSync(dist)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, text: readFileSync(path.join(dist, name), 'utf8') }));
};

describe.each(bundleDirs.map((dir) => [path.basename(dir), dir]))('%s bundle start-up', (_name, dir) => {
  it('loads none of the on-demand libraries before it runs', () => {
    const main = chunks(dir).find((chunk) => chunk.name === 'index.js')?.text ?? '';
    const eager = Object.entries(LAZY_LIBRARIES)
      .filter(([, marker]) => main.includes(marker))
      .map(([library]) => library);
    expect(eager).toEqual([]);
  });
});

describe('the markers', () => {
  it('each occur in some bundle chunk, so the check above can fail', () => {
    const all = bundleDirs.flatMap(chunks).map((chunk) => chunk.text);
    const missing = Object.entries(LAZY_LIBRARIES)
      .filter(([, marker]) => !all.some((text) => text.includes(marker)))
      .map(([library]) => library);
    expect(missing).toEqual([]);
  });

  it('undici is bundled with every action, on demand', () => {
    for (const dir of bundleDirs) {
      expect(chunks(dir).some((chunk) => chunk.name !== 'index.js' && chunk.text.includes('llhttp'))).toBe(true);
    }
  });
});

describe('the config-promotion command', () => {
  it("holds no action's code in its index.js: each action is a chunk of its own, loaded when asked for", () => {
    const cli = chunks(path.join(REPO_ROOT, 'cli'));
    for (const dir of actionDirs) {
      // Each action's run() hands runAction its title: a line of the action's own code.
      const main = readFileSync(path.join(dir, 'src', 'main.ts'), 'utf8');
      const call = /\{ title: '[^']+', \.\.\.options \}/.exec(main)?.[0] ?? 'no runAction call';
      expect(cli.filter((chunk) => chunk.text.includes(call)).map((chunk) => chunk.name)).toEqual([
        expect.not.stringMatching(/^index\.js$/),
      ]);
    }
  });
});
