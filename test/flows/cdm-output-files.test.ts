/**
 * The files cdm-export and cdm-validate write, run in-process against the ServiceNow CDM sandbox: a device or FIFO
 * named as the output stays what it is, a target that cannot be written is an input error before any request or,
 * found only at the end, an error naming the file; two gates in one job keep their own files.
 */
import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import type { ActionRun } from '../support/run-action.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const sandbox = useSandbox(new ServiceNowCdmSandbox({ exportDurationMs: 100, validationDurationMs: 100 }), () => {
  sandbox.exports.clear();
  sandbox.setExportScenario('success');
  sandbox.snapshotApi.reset();
  sandbox.snapshotApi.policies = [{ name: 'RequiredKeys' }];
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'output-files-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const connection = () => ({
  'instance-url': sandbox.url,
  username: sandbox.username,
  password: sandbox.password,
  'app-name': 'PaymentApp',
});

const exportTo = (inputs: Record<string, string>, cwd?: string) =>
  runInProcess('cdm-export', {
    cwd,
    inputs: { ...connection(), 'deployable-name': 'Production', 'exporter-name': 'json-exporter', ...inputs },
  });

/** Gates the latest snapshot of Production, validated already, as step `step` of the job. */
function gate(inputs: Record<string, string> = {}, step?: string): Promise<ActionRun> {
  if (!sandbox.snapshotApi.snapshots.length)
    sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production', { validated: true });
  return runInProcess('cdm-validate', {
    inputs: { ...connection(), 'deployable-name': 'Production', ...inputs },
    env: step ? { GITHUB_ACTION: step } : {},
  });
}

/** A character device like /dev/full (1,7), or undefined when this user may not make one. */
function device(name: string, minor: number): string | undefined {
  const file = path.join(folder, name);
  try {
    execFileSync('mknod', [file, 'c', '1', String(minor)], { stdio: 'ignore' });
    return file;
  } catch {
    return process.getuid?.() === 0 ? undefined : `/dev/${name}`;
  }
}

const requests = () => sandbox.server.requests.length;

describe('output files that are not regular files', () => {
  it('writes an export into a FIFO for its reader, and the FIFO stays a FIFO', async () => {
    const fifo = path.join(folder, 'export.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const readerDone = new Promise((resolve) => reader.on('close', resolve));
    try {
      const run = await exportTo({ 'output-file': fifo });
      await readerDone;
      expect(run.exitCode).toBe(0);
      expect(JSON.parse(read)).toHaveProperty('Production.COMP.cdi_1', 'cdi-1-value');
      expect(run.outputs.file).toBe(fifo);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    } finally {
      reader.kill();
    }
  });

  it('refuses a folder as output-file or sarif-file before any request, naming the input', async () => {
    const target = path.join(folder, 'taken');
    mkdirSync(target);
    const exported = await exportTo({ 'output-file': target });
    expect(exported.exitCode).toBe(1);
    expect(exported.stdout).toContain(
      `Input 'output-file': cannot be written to ${target}: it is a folder. Name a file, not a folder`,
    );
    const gated = await gate({ 'sarif-file': target });
    expect(gated.exitCode).toBe(1);
    expect(gated.stdout).toContain(
      `Input 'sarif-file': cannot be written to ${target}: it is a folder. Name a file, not a folder`,
    );
    expect(requests()).toBe(0);
    expect(statSync(target).isDirectory()).toBe(true);
  });

  it('refuses a name over 255 bytes, and a folder link in the workspace that leads outside it, before any request', async () => {
    const workspace = path.join(folder, 'workspace');
    const outside = path.join(folder, 'outside');
    mkdirSync(workspace);
    mkdirSync(outside);
    symlinkSync(outside, path.join(workspace, 'reports'));
    const linked = await exportTo({ 'output-file': 'reports/prod.json' }, workspace);
    expect(linked.exitCode).toBe(1);
    expect(linked.stdout).toContain(
      `Input 'output-file': cannot be written to ${path.join(workspace, 'reports', 'prod.json')}: it leads outside the workspace ${workspace}`,
    );
    const long = await exportTo({ 'output-file': `${'ü'.repeat(128)}.json` }, workspace);
    expect(long.stdout).toContain('its name is 261 bytes long, over the 255 bytes a file name may have');
    expect(requests()).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('a full device at the end of an export or a gate names the file and the cause, not "Unexpected error"', async () => {
    const full = device('full', 7);
    if (!full) return;
    const exported = await exportTo({ 'output-file': full });
    expect(exported.exitCode).toBe(1);
    expect(exported.outputs['export-id']).toMatch(/\w+/);
    expect(exported.stdout).toContain(
      `::error title=File not written::Could not write ${full}: no space left on the device. Free space on the runner, or write the file elsewhere`,
    );
    expect(exported.stdout).not.toContain('Unexpected error');
    const gated = await gate({ 'sarif-file': full });
    expect(gated.exitCode).toBe(1);
    expect(gated.stdout).toContain(`::error title=File not written::Could not write ${full}: no space left`);
    expect(lstatSync(full).isCharacterDevice()).toBe(true);
  });

  it('a long deployable name becomes a default file name within 255 bytes', async () => {
    const name = `Prod-${'€'.repeat(100)}`;
    sandbox.appsApi.store.addDeployable('PaymentApp', name);
    const run = await exportTo({ 'deployable-name': name });
    expect(run.exitCode).toBe(0);
    expect(Buffer.byteLength(path.basename(run.outputs.file))).toBeLessThanOrEqual(255);
    expect(path.basename(run.outputs.file)).toMatch(/^Prod-€+\.json$/);
  });
});

describe('two gates in one job', () => {
  it('each step keeps its own SARIF and results files, and a repeated step never replaces an earlier file', async () => {
    const first = await gate({}, 'gate');
    const second = await gate({}, 'gate_2');
    const again = await gate({}, 'gate');
    const runs = [first, second, again];
    for (const run of runs) expect(run.exitCode).toBe(0);
    const sarifFiles = runs.map((run) => run.outputs['sarif-file']);
    const resultsFiles = runs.map((run) => run.outputs['results-file']);
    expect(new Set([...sarifFiles, ...resultsFiles]).size).toBe(6);
    expect(sarifFiles.map((file) => path.basename(file))).toEqual([
      'cdm-validation-gate.sarif',
      'cdm-validation-gate_2.sarif',
      'cdm-validation-gate-2.sarif',
    ]);
    expect(path.basename(resultsFiles[0])).toBe('cdm-validation-gate.json');
    for (const file of [...sarifFiles, ...resultsFiles]) expect(readFileSync(file, 'utf8')).toMatch(/^\{/);
    expect(path.dirname(sarifFiles[0])).toBe(path.dirname(resultsFiles[0]));
    for (const file of [...sarifFiles, ...resultsFiles]) rmSync(file);
  });
});
