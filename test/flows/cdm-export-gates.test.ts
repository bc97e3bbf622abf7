/**
 * cdm-export's gates fail closed and its handling of vendor JSON is bounded: states are read whatever their case, a
 * state naming a cancel fails at once, an unknown one is waited on with a warning, and JSON nested 50,000 deep is
 * written (compactly) or quoted (cut short) rather than crashing the run after the export completed.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const STATUS_PATH = /\/exports\/[^/]+\/status$/;
const CONTENT_PATH = /\/exports\/[^/]+\/content$/;
const DEPTH = 50_000;
const sandbox = useSandbox(new ServiceNowCdmSandbox({ exportDurationMs: 400 }), () => {
  sandbox.exports.clear();
  sandbox.setExportScenario('success');
});

type Result = Record<string, unknown> & { state: string };
const rewriteStatus = (change: (result: Result) => void) =>
  sandbox.server.inject({
    match: { method: 'GET', path: STATUS_PATH },
    kind: 'rewrite',
    json: (body: { result: Result }) => {
      change(body.result);
      return body;
    },
    times: Infinity,
  });
const deepText = (leaf: string) => `${'{"a":'.repeat(DEPTH)}${leaf}${'}'.repeat(DEPTH)}`;

const exportAction = (inputs: Record<string, string> = {}) =>
  runInProcess('cdm-export', {
    inputs: {
      'instance-url': sandbox.url,
      username: sandbox.username,
      password: sandbox.password,
      'app-name': 'PaymentApp',
      'deployable-name': 'Production',
      'exporter-name': 'json-exporter',
      'poll-interval': '1s',
      ...inputs,
    },
  });

describe('cdm-export: job states', () => {
  it('fails at once on a state naming a cancel, in any case', async () => {
    rewriteStatus((r) => {
      if (r.state === 'completed') r.state = 'cancelled';
    });
    const run = await exportAction({ timeout: '20s' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error title=Export \w+%3A cancelled::Export \w+ failed/);
    expect(run.outputs.state).toBe('cancelled');
    expect(run.stdout).not.toContain('Timed out');
  });

  it('fails when the exporter reports FAILURE in capitals', async () => {
    rewriteStatus((r) => {
      if (r.state === 'completed') r.exporter_result = { state: 'FAILURE', errors: ['Snapshot is not validated'] };
    });
    const run = await exportAction();
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("completed but the exporter 'json-exporter' failed: Snapshot is not validated");
  });

  it('waits on an unknown state with one warning naming it and the export, then completes', async () => {
    let seen = 0;
    rewriteStatus((r) => {
      if (r.state === 'completed' && seen++ < 2) r.state = 'PAUSED_BY_ADMIN';
      else r.state = r.state.toUpperCase();
    });
    const run = await exportAction();
    expect(run.exitCode).toBe(0);
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning title=Unknown job state::'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`Export ${run.outputs['export-id']} is in the state 'PAUSED_BY_ADMIN'`);
    expect(run.outputs.state).toBe('completed');
  });
});

describe('cdm-export: JSON nested 50,000 deep', () => {
  it('writes the content compactly, with a notice, where it crashed after the export completed', async () => {
    sandbox.server.inject({
      match: { method: 'GET', path: CONTENT_PATH },
      kind: 'rewrite',
      text: (body: { result: { export_id: string } }) =>
        `{"result":{"export_id":"${body.result.export_id}","exporter_result":${deepText('"leaf"')}}}`,
    });
    const run = await exportAction();
    expect(run.stderr).not.toContain('Maximum call stack size exceeded');
    expect(run.exitCode).toBe(0);
    expect(readFileSync(run.outputs.file, 'utf8')).toBe(`${deepText('"leaf"')}\n`);
    expect(run.outputs.content).toBe(`${deepText('"leaf"')}\n`);
    expect(run.stdout).toContain(
      '::notice title=Export written compactly::The exported JSON is nested 50000 levels deep, too deep to indent',
    );
  });

  it('quotes a deep exporter error briefly', async () => {
    sandbox.server.inject({
      match: { method: 'GET', path: STATUS_PATH },
      kind: 'rewrite',
      text: (body: { result: Result }) =>
        body.result.state === 'completed'
          ? `{"result":{"state":"completed","exporter_result":{"state":"failure","errors":[${deepText('1')}]}}}`
          : JSON.stringify(body),
      times: Infinity,
    });
    const run = await exportAction();
    expect(run.stderr).not.toContain('Maximum call stack size exceeded');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`failed: ${'{"a":'.repeat(400)}…(cut at 2000 characters)`);
    expect(run.stdout.length).toBeLessThan(20_000);
  });
});
