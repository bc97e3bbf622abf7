/**
 * dist/licenses.txt names every third-party package bundled into an action or the command (scripts/licenses.mjs), as their licences
 * ask. Webpack marks each ES module it merges into one scope with its path; every package seen that way in any chunk
 * must have its entry. (ncc's own licence list left out such merged packages, @actions/core among them.)
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { findActionDirs, REPO_ROOT } from './action-contract.js';

const MERGED_MODULE = /CONCATENATED MODULE: \.\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g;

// The actions' bundles and the config-promotion command's (cli/dist).
const bundles = [...findActionDirs(), path.join(REPO_ROOT, 'cli')];

describe.each(bundles.map((dir) => [path.basename(dir), path.join(dir, 'dist')]))('%s', (_name, dist) => {
  it('licenses.txt has an entry for every bundled package', () => {
    const bundled = new Set<string>();
    for (const chunk of readdirSync(dist).filter((name) => name.endsWith('.js'))) {
      for (const match of readFileSync(path.join(dist, chunk), 'utf8').matchAll(MERGED_MODULE)) bundled.add(match[1]);
    }
    const licensed = new Set(
      [...readFileSync(path.join(dist, 'licenses.txt'), 'utf8').matchAll(/^(@?[^@\s]+)@\d[^\s]*$/gm)].map((m) => m[1]),
    );

    expect(bundled.size).toBeGreaterThan(0);
    expect([...bundled].filter((name) => !licensed.has(name))).toEqual([]);
  });
});
