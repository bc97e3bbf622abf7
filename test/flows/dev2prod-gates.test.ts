/**
 * dev2prod-promote's gates fail closed: a dry-run or import status the action cannot fully read, an answer about
 * another job, an unknown state, or a file that is not a package stops the run — before the real import whenever the
 * dry run is what is odd.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { COMPLETED_ERROR_MESSAGE, SmaxSandbox } from '../sandbox/smax.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const SOURCE = '100000001';
const TARGET = '200000002';
const STATUS_PATH = /\/dev2prod\/import\/[^/]+$/;
const sandbox = useSandbox(new SmaxSandbox({ exportDurationMs: 300, importDurationMs: 300 }), () => {
  sandbox.setImportScenario(undefined);
});

type Status = Record<string, unknown> & { Status: string; DryRun: boolean; Results: Array<Record<string, unknown>> };

/** Every import status answer for which `when` holds is passed through `change` before it is sent. */
const rewriteStatus = (when: (body: Status) => boolean, change: (body: Status) => unknown) =>
  sandbox.server.inject({
    match: { method: 'GET', path: STATUS_PATH },
    kind: 'rewrite',
    json: (body: Status) => (when(body) ? change(body) : body),
    times: Infinity,
  });
const finishedDryRun = (body: Status) => body.DryRun && body.Status === 'COMPLETED';

const promote = (inputs: Record<string, string> = {}, cwd?: string) =>
  runInProcess('dev2prod-promote', {
    cwd,
    inputs: {
      'source-url': sandbox.url,
      'source-tenant-id': SOURCE,
      'source-username': sandbox.login,
      'source-password': sandbox.password,
      'target-tenant-id': TARGET,
      'package-id': '54321',
      'poll-interval': '1s',
      ...inputs,
    },
  });
const realImports = () =>
  sandbox.server.requestsTo('POST', /\/dev2prod\/import$/).filter((r) => r.query.get('dryRun') !== 'true');

describe('dev2prod-promote: the dry-run gate', () => {
  it('fails when failures show only in Results[].Statistics (no Totals), and imports nothing', async () => {
    rewriteStatus(finishedDryRun, (body) => {
      delete body.Totals;
      (body.Results[1].Statistics as Record<string, unknown>).Failed = 5;
      return body;
    });
    const run = await promote();
    expect(run.exitCode).toBe(1);
    expect(run.outputs['dry-run-outcome']).toBe('failed');
    expect(run.stdout).toContain('the finished job reported no Totals');
    expect(run.stdout).toContain('5 item(s) failed');
    expect(realImports()).toHaveLength(0);
  });

  it('counts Totals.Failed sent as "3" and Errors sent as a string', async () => {
    rewriteStatus(finishedDryRun, (body) => {
      (body.Totals as Record<string, unknown>).Failed = '3';
      body.Results[0].Errors = "Form layout 'Incident.Default' is broken";
      return body;
    });
    const run = await promote();
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('3 item(s) failed; 1 error(s)');
    expect(run.stdout).toMatch(/::error title=Dry run%3A metadata::Form layout 'Incident.Default' is broken/);
    expect(run.summary).toContain("Form layout 'Incident.Default' is broken");
    expect(realImports()).toHaveLength(0);
  });

  it('fails on a count it cannot read, saying what arrived', async () => {
    rewriteStatus(finishedDryRun, (body) => {
      (body.Totals as Record<string, unknown>).Failed = 'some';
      return body;
    });
    const run = await promote();
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('unreadable answer: Totals.Failed is "some"');
    expect(realImports()).toHaveLength(0);
  });

  it('fails when a result entry says Failed, or errors come beside Results', async () => {
    rewriteStatus(finishedDryRun, (body) => ({ ...body, Results: [{ ...body.Results[0], Failed: true }] }));
    const entry = await promote();
    expect(entry.exitCode).toBe(1);
    expect(entry.stdout).toContain('1 item(s) failed');
    sandbox.server.clearFaults();
    rewriteStatus(finishedDryRun, (body) => ({ ...body, Errors: { message: 'Package Manager lock lost' } }));
    const top = await promote();
    expect(top.exitCode).toBe(1);
    expect(top.stdout).toContain('::error title=Dry run%3A all packages::Package Manager lock lost');
    expect(realImports()).toHaveLength(0);
  });

  it('fails when a status answer is about another job, naming both', async () => {
    rewriteStatus(
      (body) => body.DryRun,
      (body) => ({ ...body, id: '0000000000000000deadbeef' }),
    );
    const run = await promote();
    expect(run.exitCode).toBe(1);
    const asked = run.outputs['dry-run-import-id'];
    expect(run.stdout).toContain(`asked for dry run ${asked}, the answer is about id "0000000000000000deadbeef"`);
    expect(realImports()).toHaveLength(0);
  });

  it('fails when the export status is about another export, before downloading anything', async () => {
    sandbox.server.inject({
      match: { method: 'GET', path: /\/dev2prod\/export\/[^/]+$/ },
      kind: 'rewrite',
      json: (body: Record<string, unknown>) => ({ ...body, id: 'another-export' }),
      times: Infinity,
    });
    const run = await promote();
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `asked for export ${run.outputs['export-id']}, the answer is about id "another-export"`,
    );
    expect(sandbox.server.requestsTo('GET', /\/ces\/attachment\//)).toHaveLength(0);
  });

  it("fails when the real import's status says DryRun: true", async () => {
    rewriteStatus(
      (body) => !body.DryRun,
      (body) => ({ ...body, DryRun: true }),
    );
    const run = await promote();
    expect(run.exitCode).toBe(1);
    expect(run.outputs['dry-run-outcome']).toBe('passed');
    expect(run.stdout).toContain(
      `the status of import ${run.outputs['import-id']} says DryRun: true: it is a dry run, not a real import`,
    );
  });

  it('takes a state naming a cancel in any case as failed at once', async () => {
    rewriteStatus(finishedDryRun, (body) => ({ ...body, Status: 'cancelled' }));
    const run = await promote({ timeout: '5m' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['dry-run-outcome']).toBe('failed');
    expect(run.stdout).toContain('status cancelled');
    expect(run.durationMs).toBeLessThan(30_000);
    expect(realImports()).toHaveLength(0);
  });

  it('waits on an unknown state with one warning, and passes when the job then completes', async () => {
    let answers = 0;
    sandbox.server.inject({
      match: { method: 'GET', path: STATUS_PATH },
      kind: 'rewrite',
      json: (body: Status) => (body.DryRun && answers++ < 3 ? { ...body, Status: 'PAUSED_BY_ADMIN' } : body),
      times: Infinity,
    });
    const run = await promote({ mode: 'dry-run' });
    expect(run.exitCode).toBe(0);
    const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning title=Unknown job state::'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`Dry run ${run.outputs['dry-run-import-id']} is in the state 'PAUSED_BY_ADMIN'`);
    expect(run.outputs['dry-run-outcome']).toBe('passed');
  });
});

describe('dev2prod-promote: counts and messages that contradict a COMPLETED status', () => {
  it('fails when a Failed of 2 and one of -2 cancel out in Totals, naming both', async () => {
    sandbox.setImportScenario('cancelling-counts');
    const run = await promote();
    expect(run.exitCode).toBe(1);
    expect(run.outputs['dry-run-outcome']).toBe('failed');
    expect(run.stdout).toContain('Results[1].Statistics.Failed is -2, not a count (a whole number, 0 or more)');
    expect(run.stdout).toContain('Totals.Failed is 0, but the packages add up to 2');
    expect(run.stdout).toContain('2 item(s) failed');
    expect(run.summary).toContain('Totals.Failed is 0, but the packages add up to 2');
    expect(realImports()).toHaveLength(0);
  });

  it('fails on a negative Totals.Failed', async () => {
    sandbox.setImportScenario('negative-total');
    const run = await promote();
    expect(run.exitCode).toBe(1);
    expect(run.outputs['dry-run-outcome']).toBe('failed');
    expect(run.stdout).toContain('Totals.Failed is -1, not a count (a whole number, 0 or more)');
    expect(run.summary).toContain('Totals.Failed is -1, not a count');
    expect(realImports()).toHaveLength(0);
  });

  it('fails a COMPLETED dry run that carries an ErrorMessage, and shows it in the log and summary', async () => {
    sandbox.setImportScenario('completed-with-error');
    const run = await promote();
    expect(run.exitCode).toBe(1);
    expect(run.outputs['dry-run-outcome']).toBe('failed');
    expect(run.stdout).toContain(`::error title=Dry run%3A all packages::${COMPLETED_ERROR_MESSAGE}`);
    expect(run.stdout).toContain(`SMAX's message: ${COMPLETED_ERROR_MESSAGE}`);
    expect(run.summary).toContain(`❌ **all packages**: ${COMPLETED_ERROR_MESSAGE}`);
    expect(realImports()).toHaveLength(0);
  });

  it('holds the same rules for the real import: an ErrorMessage or a count that does not add up fails it', async () => {
    rewriteStatus(
      (body) => !body.DryRun && body.Status === 'COMPLETED',
      (body) => ({ ...body, ErrorMessage: COMPLETED_ERROR_MESSAGE }),
    );
    const message = await promote();
    expect(message.exitCode).toBe(1);
    expect(message.outputs['dry-run-outcome']).toBe('passed');
    expect(message.stdout).toContain(`::error title=Import%3A all packages::${COMPLETED_ERROR_MESSAGE}`);
    expect(message.summary).toMatch(/### Import: did not pass[^]*Import aborted: 3 entities rejected/);
    sandbox.server.clearFaults();
    rewriteStatus(
      (body) => !body.DryRun && body.Status === 'COMPLETED',
      (body) => ({ ...body, Totals: { ...(body.Totals as object), Modified: 1 } }),
    );
    const counts = await promote();
    expect(counts.exitCode).toBe(1);
    expect(counts.stdout).toContain('Totals.Modified is 1, but the packages add up to 326');
  });
});

describe('dev2prod-promote: what is not a package', () => {
  it('fails on an HTML page downloaded as the package, naming it, and leaves no file', async () => {
    const download = mkdtempSync(path.join(tmpdir(), 'd2p-html-'));
    sandbox.server.inject({
      match: { method: 'GET', path: /\/ces\/attachment\// },
      kind: 'html',
      status: 200,
      title: 'Session expired',
    });
    const run = await promote({ mode: 'export', 'target-tenant-id': '', 'download-dir': download });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("the download is an HTML page titled 'Session expired'");
    expect(run.outputs['package-file']).toBeUndefined();
    expect(readdirSync(download)).toEqual([]);
  });

  it('refuses a URL with port 0 or over 65535, and quotes at most 200 characters of a value, sending nothing', async () => {
    const packageId = `${'9'.repeat(4999)}/`;
    const run = await promote({
      'source-url': sandbox.url.replace(/:\d+$/, ':0'),
      'target-url': 'https://smax.example.com:65536',
      'package-id': packageId,
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("'source-url': must have a port from 1 to 65535 (got 'http://127.0.0.1:0')");
    expect(run.stdout).toContain(
      "'target-url': must have a port from 1 to 65535 (got 'https://smax.example.com:65536')",
    );
    expect(run.stdout).toContain(
      `'package-id': must be a Package Manager package id such as 54321 (got '${'9'.repeat(200)}…', 4800 more characters)`,
    );
    expect(run.stdout).not.toContain('9'.repeat(201));
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('refuses an empty package-file or one that is not a zip as an input, sending nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'd2p-notzip-'));
    const empty = path.join(dir, 'empty.zip');
    const text = path.join(dir, 'notes.zip');
    writeFileSync(empty, '');
    writeFileSync(text, 'root:x:0:0:secret-looking first line\n');
    for (const [file, problem] of [
      [empty, 'is empty'],
      [text, 'is not a zip archive: it does not start with PK\\x03\\x04'],
    ]) {
      // The files are in the workspace, so the zip check (not the workspace rule) is what refuses them.
      const run = await promote({ mode: 'dry-run', 'package-id': '', 'package-file': file }, dir);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain(`::error title=Invalid input::Input 'package-file': ${file} ${problem}`);
      expect(run.stdout).not.toContain('secret-looking');
    }
    expect(sandbox.server.requests).toHaveLength(0);
  });
});
