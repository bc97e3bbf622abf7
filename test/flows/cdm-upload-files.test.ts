/**
 * cdm-upload's `files` globs from the TypeScript source, in-process, against the ServiceNow CDM sandbox: a pattern
 * that leaves the workspace is an input error before any walk or request, and the walk keeps `timeout`.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const sandbox: ServiceNowCdmSandbox = useSandbox(new ServiceNowCdmSandbox({ uploadDurationMs: 100 }), () => {
  sandbox.uploadApi.reset();
});

const upload = (files: string, cwd: string, timeout = '30s') =>
  runInProcess('cdm-upload', {
    cwd,
    inputs: { 'instance-url': sandbox.url, token: sandbox.token, 'app-name': 'PaymentApp', files, timeout },
  });

describe('cdm-upload: finding files', () => {
  it.each([
    ['/**/*.json', /Input 'files': '\/\*\*\/\*\.json' is outside the workspace .*: files are read only from inside/],
    ['../../../etc/hostname', /Input 'files': '\.\.\/\.\.\/\.\.\/etc\/hostname' leaves the workspace/],
  ])('refuses %s as an input error naming files, before any walk or request', async (pattern, message) => {
    const run = await upload(pattern, mkdtempSync(path.join(tmpdir(), 'cdm-upload-files-')));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(message);
    expect(run.stdout).toContain('title=Invalid input');
    expect(run.stdout).not.toContain('Unexpected error');
    expect(run.durationMs).toBeLessThan(5_000);
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('ends within timeout + 1 s while finding 23,000 files, saying it was finding files', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'cdm-upload-files-'));
    for (let i = 0; i < 23_000; i++) {
      const folder = path.join(cwd, 'config', `d${i % 100}`);
      if (i < 100) mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, `f${i}.json`), '{}');
    }
    const run = await upload('**/*.json', cwd, '1s');
    expect(run.durationMs).toBeLessThan(1_000 + 1_000);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/title=Timed out::Timed out after 1(\.\d)?s while finding the files that match files/);
    expect(sandbox.server.requests).toHaveLength(0);
  }, 60_000);
});
