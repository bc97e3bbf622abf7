/**
 * Where dev2prod-promote writes the package it exports: a second export in the same job never replaces the file
 * an earlier step wrote to RUNNER_TEMP, and a folder where the file should go is an error naming it.
 */
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SmaxSandbox } from '../sandbox/smax.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const SOURCE = '100000001';
const sandbox = useSandbox(new SmaxSandbox({ exportDurationMs: 100, importDurationMs: 100 }));

/** mode export of package 54321 from the source tenant; the sandbox names it by the minute, so repeats collide. */
const exportOnly = (inputs: Record<string, string> = {}, step = 'export') =>
  runInProcess('dev2prod-promote', {
    inputs: {
      'source-url': sandbox.url,
      'source-tenant-id': SOURCE,
      'source-username': sandbox.login,
      'source-password': sandbox.password,
      mode: 'export',
      'package-id': '54321',
      ...inputs,
    },
    env: { GITHUB_ACTION: step },
  });
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('dev2prod-promote package file', () => {
  it('two exports in one job keep two files in RUNNER_TEMP, each output naming its own', async () => {
    // The names are by the minute: two runs that straddle a minute get different names anyway, so go again.
    let first = await exportOnly({}, 'export');
    let second = await exportOnly({}, 'export_2');
    if (first.outputs['package-bundle-name'] !== second.outputs['package-bundle-name']) {
      rmSync(first.outputs['package-file']);
      [first, second] = [second, await exportOnly({}, 'export_3')];
    }
    expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
    const [one, two] = [first.outputs['package-file'], second.outputs['package-file']];
    expect(first.outputs['package-bundle-name']).toBe(second.outputs['package-bundle-name']);
    expect(path.basename(two)).toBe(path.basename(one).replace(/\.zip$/, '-2.zip'));
    expect(sha256(one)).toBe(first.outputs['package-sha256']);
    expect(sha256(two)).toBe(second.outputs['package-sha256']);
    rmSync(one);
    rmSync(two);
  });

  it('a folder where the package file should go is an error naming the file, not "Unexpected error"', async () => {
    const download = mkdtempSync(path.join(tmpdir(), 'd2p-download-'));
    const probe = await exportOnly({ 'download-dir': download });
    const taken = probe.outputs['package-file'];
    rmSync(taken);
    mkdirSync(taken);
    const run = await exportOnly({ 'download-dir': download });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `::error title=File not written::Could not write ${taken}: it is a folder. Name a file, not a folder`,
    );
    rmSync(download, { recursive: true });
  });
});
