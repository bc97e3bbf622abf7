/**
 * No loop between the files of the production code, nor between its folders (shared/*, actions/*\/src, cli/): a
 * loop means neither side can be read, tested or moved without the other. Type-only imports count.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { REPO_ROOT } from './action-contract.js';
import { importLoops, sourceRoots } from './import-graph.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'import-graph');

describe('the import graph of the production code', () => {
  const found = importLoops(REPO_ROOT);

  it('covers shared/ and every action', () => {
    expect(sourceRoots(REPO_ROOT)).toEqual(expect.arrayContaining(['shared', 'actions/cdm-upload/src']));
  });

  it('has no loop between files', () => {
    expect(found.files).toEqual([]);
  });

  it('has no loop between folders', () => {
    expect(found.folders).toEqual([]);
  });
});

describe('the loop finder', () => {
  it('names a loop between two files, one side type-only', () => {
    expect(importLoops(FIXTURES, ['file-loop']).files).toEqual(['file-loop/a.ts → file-loop/b.ts → file-loop/a.ts']);
  });

  it('names a loop between two folders whose files make no loop', () => {
    const found = importLoops(FIXTURES, ['folder-loop']);

    expect(found.files).toEqual([]);
    expect(found.folders).toEqual(['folder-loop/one → folder-loop/two → folder-loop/one']);
  });

  it('finds nothing in a tree that only imports downwards', () => {
    expect(importLoops(FIXTURES, ['no-loop'])).toEqual({ files: [], folders: [] });
  });
});
