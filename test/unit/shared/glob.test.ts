/** findFiles: patterns that leave the workspace are input problems before any walk; the walk keeps the deadline. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancelledError, TimeoutError } from '../../../shared/errors.js';
import { findFiles } from '../../../shared/fs/glob.js';
import { InputReader } from '../../../shared/inputs/reader.js';
import { Deadline, systemClock } from '../../../shared/runtime.js';
import { MemoryLogger } from '../../support/fakes.js';

let ws: string;
const saved = { workspace: process.env.GITHUB_WORKSPACE, cwd: process.cwd() };

beforeEach(() => {
  ws = mkdtempSync(path.join(tmpdir(), 'glob-test-'));
  mkdirSync(path.join(ws, 'config'));
  writeFileSync(path.join(ws, 'config', 'a.json'), '{}');
  process.env.GITHUB_WORKSPACE = ws;
  process.chdir(ws);
});

afterEach(() => {
  process.chdir(saved.cwd);
  if (saved.workspace === undefined) delete process.env.GITHUB_WORKSPACE;
  else process.env.GITHUB_WORKSPACE = saved.workspace;
  rmSync(ws, { recursive: true, force: true });
});

const reader = (files: string) => new InputReader((name) => (name === 'files' ? files : ''), new MemoryLogger());
const run = (timeoutMs = 60_000, controller = new AbortController()) => ({
  deadline: new Deadline(systemClock, timeoutMs),
  signal: controller.signal,
});

/** `count` files spread over nested folders, none of them JSON. */
function tree(count: number): void {
  for (let i = 0; i < count; i++) {
    const folder = path.join(ws, 'tree', `d${i % 50}`, `e${i % 7}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `f${i}.txt`), '');
  }
}

describe('findFiles', () => {
  it.each([
    ['/**/*.json', /'\/\*\*\/\*\.json' is outside the workspace .*: files are read only from inside the workspace/],
    ['../../../etc/hostname', /'\.\.\/\.\.\/\.\.\/etc\/hostname' leaves the workspace \('\.\.'\)/],
    ['config/../../x.json', /leaves the workspace/],
    ['!../secrets/*', /'!\.\.\/secrets\/\*' leaves the workspace/],
    ['~/.ssh/*', /'~\/\.ssh\/\*' starts in the home folder/],
    ['/etc/*.conf', /'\/etc\/\*\.conf' is outside the workspace/],
  ])('refuses %s as an input problem naming files, before any walk', async (pattern, message) => {
    const inputs = reader(`config/*.json\n${pattern}`);
    expect(await findFiles(inputs, 'files', run())).toEqual([]);
    expect(inputs.problems).toEqual([{ input: 'files', message: expect.stringMatching(message) }]);
  });

  it('takes patterns inside the workspace, absolute ones included, and leaves out negated ones', async () => {
    writeFileSync(path.join(ws, 'config', 'b.json'), '{}');
    const inputs = reader(`# a comment\nconfig/*.json\n${ws}/config/b.json\n!config/a.json`);
    expect(await findFiles(inputs, 'files', run())).toEqual([path.join(ws, 'config', 'b.json')]);
    expect(await findFiles(reader('**/a.json'), 'files', run())).toEqual([path.join(ws, 'config', 'a.json')]);
    expect(inputs.problems).toEqual([]);
  });

  it('reports a pattern the matcher refuses as an input problem, not an unexpected error', async () => {
    const inputs = reader('config/./a.json');
    expect(await findFiles(inputs, 'files', run())).toEqual([]);
    expect(inputs.problems).toEqual([
      { input: 'files', message: expect.stringMatching(/^is not a valid pattern: .*Relative pathing/) },
    ]);
  });

  it('stops the walk at the deadline, even where nothing matches, saying it was finding files', async () => {
    tree(3000);
    const started = performance.now();
    const walking = findFiles(reader('tree/**/*.json'), 'files', run(30));
    await expect(walking).rejects.toThrow(TimeoutError);
    await expect(walking).rejects.toThrow(
      /while finding the files that match files \(0 found so far, nothing sent yet\)/,
    );
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('stops the walk when the run is cancelled', async () => {
    tree(3000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const walking = findFiles(reader('tree/**/*.txt'), 'files', run(60_000, controller));
    await expect(walking).rejects.toThrow(CancelledError);
    await expect(walking).rejects.toThrow(/^Cancelled while finding the files that match files \(\d+ found so far/);
  });
});
