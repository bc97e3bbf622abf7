/**
 * dev2prod-promote resumes what an earlier run started (export-id, dry-run-import-id, import-id): a run that timed
 * out names the input to resume with, and the run given it follows the same job to its end, starting nothing again.
 * The one import with no dry run anywhere needs skip-dry-run: true, and every import without a dry run says so.
 */
import { describe, expect, it } from '@jest/globals';
import { SmaxSandbox } from '../sandbox/smax.js';
import { lastLogLine, summaryOpening } from '../support/verdict.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const SOURCE = '100000001';
const TARGET = '200000002';
const sandbox = useSandbox(new SmaxSandbox({ exportDurationMs: 300, importDurationMs: 300 }), () => {
  sandbox.setImportScenario(undefined);
  sandbox.exportDurationMs = 300;
  sandbox.importDurationMs = 300;
});

const sourceInputs = () => ({
  'source-url': sandbox.url,
  'source-tenant-id': SOURCE,
  'source-username': sandbox.login,
  'source-password': sandbox.password,
});
const targetInputs = () => ({
  'target-url': sandbox.url,
  'target-tenant-id': TARGET,
  'target-username': sandbox.login,
  'target-password': sandbox.password,
});
const promote = (inputs: Record<string, string>) =>
  runInProcess('dev2prod-promote', { inputs: { ...sourceInputs(), 'target-tenant-id': TARGET, ...inputs } });
const onTarget = (inputs: Record<string, string>) =>
  runInProcess('dev2prod-promote', { inputs: { ...targetInputs(), ...inputs } });
const exportsStarted = () => sandbox.server.requestsTo('POST', /\/dev2prod\/export\/types\//).length;
const uploads = () => sandbox.server.requestsTo('POST', /\/ces\/attachment$/).length;
const importsOf = (dryRun: boolean) =>
  sandbox.server.requestsTo('POST', /\/dev2prod\/import$/).filter((r) => (r.query.get('dryRun') === 'true') === dryRun);

describe('dev2prod-promote resumes a job started earlier', () => {
  it('export-id: a run that timed out exporting is re-run with export-id added, and nothing is exported again', async () => {
    sandbox.exportDurationMs = 2500;
    const first = await promote({ mode: 'dry-run', 'package-id': '54321', timeout: '1s' });
    expect(first.exitCode).toBe(1);
    const exportId = first.outputs['export-id'];
    expect(exportId).toBeTruthy();
    expect(lastLogLine(first)).toContain(`run again with export-id: ${exportId}`);
    expect(summaryOpening(first)).toContain(`run again with export-id: ${exportId}`);

    const second = await promote({ mode: 'dry-run', 'package-id': '54321', 'export-id': exportId });
    expect(second.exitCode).toBe(0);
    expect(exportsStarted()).toBe(1);
    expect(second.stdout).toContain(`Waiting for export ${exportId} of package 54321, started earlier`);
    expect(second.outputs['export-id']).toBe(exportId);
    expect(second.outputs['package-bundle-name']).toMatch(/^Package-54321-/);
    expect(second.outputs['dry-run-outcome']).toBe('passed');
    expect(importsOf(true)).toHaveLength(1);
  });

  it('export-id alone (no package-id) waits for that export and goes on as mode says', async () => {
    sandbox.exportDurationMs = 2500;
    const first = await promote({ mode: 'export', 'package-id': '54321', 'target-tenant-id': '', timeout: '1s' });
    expect(first.exitCode).toBe(1);
    const second = await promote({ mode: 'export', 'export-id': first.outputs['export-id'], 'target-tenant-id': '' });
    expect(second.exitCode).toBe(0);
    expect(exportsStarted()).toBe(1);
    expect(second.outputs['package-file']).toMatch(/\.zip$/);
  });

  it('dry-run-import-id: follows the dry run, judges it, and in mode promote imports the file its answer names', async () => {
    sandbox.importDurationMs = 2500;
    const first = await promote({ 'package-id': '54321', timeout: '1s' });
    expect(first.exitCode).toBe(1);
    const dryRunId = first.outputs['dry-run-import-id'];
    const fileId = first.outputs['file-id'];
    expect(lastLogLine(first)).toContain(`run again with dry-run-import-id: ${dryRunId}`);
    expect(first.outputs['import-id']).toBeUndefined();
    sandbox.importDurationMs = 300;

    // The same step re-run with the id added: the package inputs are not used again.
    const second = await promote({ 'package-id': '54321', 'dry-run-import-id': dryRunId, ...targetInputs() });
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('Not used: package-id.');
    expect(exportsStarted()).toBe(1);
    expect(uploads()).toBe(1);
    expect(importsOf(true)).toHaveLength(1);
    expect(importsOf(false).map((r) => JSON.parse(r.body.toString()))).toEqual([{ FileId: fileId }]);
    expect(second.outputs['dry-run-outcome']).toBe('passed');
    expect(second.outputs['file-id']).toBe(fileId);
    expect(lastLogLine(second)).toBe(
      `✅ Imported file ${fileId} into tenant ${TARGET} (import ${second.outputs['import-id']}: COMPLETED).`,
    );
  });

  it('dry-run-import-id of a dry run that failed: nothing is imported', async () => {
    const first = await promote({ mode: 'dry-run', 'package-id': '40001' });
    expect(first.exitCode).toBe(1);
    const run = await onTarget({ mode: 'promote', 'dry-run-import-id': first.outputs['dry-run-import-id'] });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['dry-run-outcome']).toBe('failed');
    expect(importsOf(false)).toHaveLength(0);
    expect(lastLogLine(run)).toContain('did not pass');
  });

  it('import-id: follows the import started earlier and judges it; it says no dry run was done in this run', async () => {
    const dryRun = await promote({ mode: 'dry-run', 'package-id': '54321' });
    sandbox.importDurationMs = 2500;
    const first = await onTarget({ mode: 'import', 'file-id': dryRun.outputs['file-id'], timeout: '1s' });
    expect(first.exitCode).toBe(1);
    const importId = first.outputs['import-id'];
    expect(lastLogLine(first)).toContain(`run again with import-id: ${importId}`);
    expect(summaryOpening(first)).toContain(`run again with import-id: ${importId}`);

    const second = await onTarget({ mode: 'import', 'file-id': dryRun.outputs['file-id'], 'import-id': importId });
    expect(second.exitCode).toBe(0);
    expect(importsOf(false)).toHaveLength(1);
    expect(second.outputs['import-status']).toBe('COMPLETED');
    expect(JSON.parse(second.outputs.totals)).toMatchObject({ Failed: 0 });
    expect(lastLogLine(second)).toContain('imported without a dry run');
    expect(summaryOpening(second)).toContain('imported without a dry run');
  });

  it('an id of the wrong kind is an error, not a pass; so is a file-id that is not the job’s file', async () => {
    const real = await onTarget({
      mode: 'import',
      'file-id': (await promote({ mode: 'dry-run', 'package-id': '54321' })).outputs['file-id'],
    });
    expect(real.exitCode).toBe(0);
    const wrong = await onTarget({ mode: 'dry-run', 'dry-run-import-id': real.outputs['import-id'] });
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stdout).toContain(`says DryRun: false: it is a real import, not a dry run`);
    expect(wrong.outputs['dry-run-outcome']).not.toBe('passed');

    const otherFile = await onTarget({
      mode: 'import',
      'import-id': real.outputs['import-id'],
      'file-id': 'another-file',
    });
    expect(otherFile.exitCode).toBe(1);
    expect(otherFile.stdout).toContain(`file-id is another-file, but import ${real.outputs['import-id']} imports file`);
    expect(importsOf(false)).toHaveLength(1);
  });

  it('resume ids that do not fit the mode are input errors, before any request', async () => {
    const run = await onTarget({ mode: 'import', 'dry-run-import-id': 'abc', 'import-id': 'def' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Input 'dry-run-import-id': does not apply to mode import");
    expect(run.stdout).toContain("Input 'import-id': give only one of dry-run-import-id and import-id");
    const dry = await onTarget({ mode: 'dry-run', 'import-id': 'def', 'export-id': 'x/y' });
    expect(dry.stdout).toContain("Input 'import-id': does not apply to mode dry-run");
    expect(dry.stdout).toContain("Input 'export-id': must be an export id");
    expect(sandbox.server.requests).toHaveLength(0);
  });
});

describe('an import without a dry run is explicit', () => {
  it('mode import with package-id is an input error that explains promote, the two-job pattern and skip-dry-run', async () => {
    const run = await promote({ mode: 'import', 'package-id': '54321' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      "Input 'mode': import with package-id would export and import with no dry run anywhere",
    );
    expect(run.stdout).toContain('mode: promote');
    expect(run.stdout).toContain('mode: dry-run in one job, then mode: import with its file-id output');
    expect(run.stdout).toContain('skip-dry-run: true');
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('with skip-dry-run: true it exports and imports, warns, and the verdict says it was imported without a dry run', async () => {
    const run = await promote({ mode: 'import', 'package-id': '54321', 'skip-dry-run': 'true' });
    expect(run.exitCode).toBe(0);
    expect(importsOf(true)).toHaveLength(0);
    expect(importsOf(false)).toHaveLength(1);
    expect(run.stdout).toContain('::warning title=Imported without a dry run::');
    expect(run.outputs['dry-run-outcome']).toBe('skipped');
    const verdict = `✅ File ${run.outputs['file-id']} imported without a dry run in this run into tenant ${TARGET} (import ${run.outputs['import-id']}: COMPLETED).`;
    expect(lastLogLine(run)).toBe(verdict);
    expect(summaryOpening(run)).toBe(`**${verdict}**`);
  });

  it('skip-dry-run applies only to mode import', async () => {
    const run = await promote({ 'package-id': '54321', 'skip-dry-run': 'true' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Input 'skip-dry-run': only applies with mode: import");
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('skip-dry-run: false, the default the runner (and the command) fills into every run, is no problem in any mode', async () => {
    const run = await promote({ mode: 'dry-run', 'package-id': '54321', 'skip-dry-run': 'false' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['dry-run-outcome']).toBe('passed');
  });
});
