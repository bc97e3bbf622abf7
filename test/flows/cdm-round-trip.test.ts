/**
 * The CDM sandbox keeps what it is given: cdm-upload (validated, published) then cdm-export, both in-process,
 * export the uploaded values; unknown apps, deployables, exporters and snapshots are refused before any export runs.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const sandbox = useSandbox(
  new ServiceNowCdmSandbox({
    uploadDurationMs: 100,
    snapshotDelayMs: 100,
    validationDurationMs: 200,
    exportDurationMs: 100,
  }),
  () => {
    sandbox.uploadApi.reset();
    sandbox.snapshotApi.reset();
  },
);

const login = () => ({ 'instance-url': sandbox.url, username: sandbox.username, password: sandbox.password });
const workspace = () => mkdtempSync(path.join(tmpdir(), 'cdm-round-trip-'));

function upload(files: Record<string, string>, inputs: Record<string, string> = {}) {
  const dir = workspace();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return runInProcess('cdm-upload', {
    cwd: dir,
    inputs: {
      ...login(),
      'app-name': 'PaymentApp',
      'name-path': 'paymentSettings',
      files: 'config/**',
      'files-root': 'config',
      'poll-interval': '500ms',
      ...inputs,
    },
  });
}

async function exportOf(
  inputs: Record<string, string>,
): Promise<{ exitCode: number | null | undefined; text: string; log: string }> {
  const dir = workspace();
  const run = await runInProcess('cdm-export', {
    cwd: dir,
    inputs: {
      ...login(),
      'app-name': 'PaymentApp',
      'deployable-name': 'Production',
      'exporter-name': 'json-exporter',
      'output-file': 'out.txt',
      'poll-interval': '500ms',
      ...inputs,
    },
  });
  const text = run.exitCode === 0 ? readFileSync(path.join(dir, 'out.txt'), 'utf8') : '';
  return { exitCode: run.exitCode, text, log: run.stdout };
}

describe('the CDM sandbox round trip', () => {
  it('exports, in the requested format, the values an upload committed and validated', async () => {
    const uploaded = await upload(
      { 'config/db.json': '{"host": "db.prod.internal", "port": 6543}', 'config/cache.yaml': 'ttl: 42\n' },
      { validate: 'true' },
    );
    expect(uploaded.exitCode).toBe(0);
    const snapshot = (JSON.parse(uploaded.outputs['snapshot-names']) as Record<string, string>).Production;
    expect(snapshot).toMatch(/^Production-v\d+\.dpl$/);

    const asJson = await exportOf({ 'snapshot-name': snapshot, 'data-format': 'json' });
    expect(asJson.exitCode).toBe(0);
    const exported = JSON.parse(asJson.text) as Record<string, Record<string, Record<string, string>>>;
    const values = Object.values(exported.Production.paymentSettings);
    expect(values).toEqual(expect.arrayContaining(['db.prod.internal', '6543', '42']));
    expect(exported.Production.vars.snapshot).toBe(snapshot);
    // What was there before the upload is kept.
    expect(exported.Production.COMP.cdi_1).toBe('cdi-1-value');

    const asYaml = await exportOf({
      'snapshot-name': snapshot,
      'data-format': 'yaml',
    });
    expect(asYaml.exitCode).toBe(0);
    expect(parse(asYaml.text)).toEqual(exported);
  });

  it('exports the latest published snapshot when none is named, and the baseline before any is published', async () => {
    const before = await exportOf({});
    expect(JSON.parse(before.text)).not.toHaveProperty('Production.paymentSettings');
    const uploaded = await upload({ 'config/app.properties': 'feature.checkout=on\n' }, { validate: 'true' });
    expect(uploaded.exitCode).toBe(0);
    expect(JSON.parse((await exportOf({})).text)).not.toHaveProperty('Production.paymentSettings');
    const published = await runInProcess('cdm-validate', {
      inputs: {
        ...login(),
        'app-name': 'PaymentApp',
        'deployable-name': 'Production',
        publish: 'true',
        'poll-interval': '500ms',
      },
    });
    expect(published.exitCode).toBe(0);
    const after = JSON.parse((await exportOf({})).text) as Record<string, Record<string, Record<string, string>>>;
    expect(Object.values(after.Production.paymentSettings)).toContain('on');
  });

  it.each([
    [{ 'app-name': 'NoSuchApp' }, "Could not find active application with name: 'NoSuchApp'"],
    [{ 'deployable-name': 'NoSuchDeployable' }, "Could not find deployable with name: 'NoSuchDeployable'"],
    [{ 'exporter-name': 'no-such-exporter' }, "Could not find exporter with name: 'no-such-exporter'"],
    [{ 'snapshot-name': 'Production-v99.dpl' }, "Snapshot 'Production-v99.dpl' not found for deployable 'Production'"],
    [{ 'additional-deployables': 'SharedServices/Nowhere' }, "Could not find deployable with name: 'Nowhere'"],
  ])('refuses an export of %j as the API does, and the step fails', async (inputs, message) => {
    const exportsBefore = sandbox.exports.size;
    const run = await exportOf(inputs);
    expect(run.exitCode).toBe(1);
    expect(run.log).toContain(message);
    expect(sandbox.exports.size).toBe(exportsBefore);
  });
});
