/**
 * The command as users run it, each in a process of its own against the ServiceNow CDM sandbox: the committed
 * bundle (`node cli/dist/index.js`, also copied away from any node_modules), from source through tsx (what
 * `npm run cli` runs) and `npm run cli` itself. The bundle must be rebuilt (`node scripts/build.mjs cli`) first.
 */
import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { REPO_ROOT } from '../support/run-action.js';
import { useSandbox } from '../support/use-sandbox.js';
import { CLI_BUNDLE, runCommandProcess } from './run-command.js';

const sandbox = useSandbox(new ServiceNowCdmSandbox({ exportDurationMs: 50 }), () => {
  sandbox.exports.clear();
  sandbox.setExportScenario('success');
});

const exportArgs = (...extra: string[]) => [
  'cdm-export',
  `--instance-url=${sandbox.url}`,
  '--app-name',
  'PaymentApp',
  '--deployable-name',
  'Production',
  '--exporter-name',
  'json-exporter',
  '--outputs-file',
  'outputs.json',
  ...extra,
];
const credentials = () => ({
  CONFIG_PROMOTION_USERNAME: sandbox.username,
  CONFIG_PROMOTION_PASSWORD: sandbox.password,
});
const outputsOf = (cwd: string) => JSON.parse(readFileSync(path.join(cwd, 'outputs.json'), 'utf8'));

describe('node cli/dist/index.js', () => {
  it('exports on the plain host: exit 0, the outputs file, one request, no secret', async () => {
    const run = await runCommandProcess('bundle', exportArgs(), { env: credentials() });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(outputsOf(run.cwd)).toMatchObject({ state: 'completed', 'export-id': [...sandbox.exports.keys()][0] });
    expect(sandbox.server.requestsTo('POST', /\/exports\/?$/)).toHaveLength(1);
    expect(run.stdout + run.stderr).not.toContain(sandbox.password);
  });

  it('runs from a folder with no node_modules anywhere above it', async () => {
    const away = mkdtempSync(path.join(tmpdir(), 'cli-copy-'));
    cpSync(path.dirname(CLI_BUNDLE), path.join(away, 'dist'), { recursive: true });
    const run = await runCommandProcess('bundle', exportArgs(), {
      env: credentials(),
      entry: path.join(away, 'dist', 'index.js'),
    });
    expect(run.exitCode).toBe(0);
    expect(outputsOf(run.cwd).state).toBe('completed');
  });

  it('exits 1 when the export fails', async () => {
    sandbox.setExportScenario('error-state');
    const run = await runCommandProcess('bundle', exportArgs(), { env: credentials() });
    expect(run.exitCode).toBe(1);
    expect(outputsOf(run.cwd)['export-id']).toBe([...sandbox.exports.keys()][0]);
  });

  it('exits 2 on input problems, all named, and on an unknown flag, before any request', async () => {
    const inputs = await runCommandProcess('bundle', ['cdm-export', '--instance-url', sandbox.url, '--timeout=soon']);
    expect(inputs.exitCode).toBe(2);
    for (const input of ['app-name', 'deployable-name', 'exporter-name', 'timeout']) {
      expect(inputs.stdout).toContain(`Input '${input}'`);
    }
    const flag = await runCommandProcess('bundle', exportArgs('--snapshot', 'x'), { env: credentials() });
    expect(flag.exitCode).toBe(2);
    expect(flag.stderr).toContain('unknown flag --snapshot. Valid inputs: --instance-url');
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('prints help with exit 0, and the actions with exit 2 for an unknown one', async () => {
    const help = await runCommandProcess('bundle', ['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('cdm-upload');
    const actionHelp = await runCommandProcess('bundle', ['cdm-upload', '--help']);
    expect(actionHelp.exitCode).toBe(0);
    expect(actionHelp.stdout).toContain('--files  (CONFIG_PROMOTION_FILES)');
    const unknown = await runCommandProcess('bundle', ['deploy']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('Valid actions: apim-migrate, cdm-application');
  });

  it('checks a workflow (the workflow parser bundled too): exit 1 on a problem', async () => {
    const file = path.join(REPO_ROOT, 'test', 'fixtures', 'workflows', 'defects.yml');
    const run = await runCommandProcess('bundle', ['check-workflow', file]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`${file}:13: job 'dry-run': dev2prod-promote has no input 'operation'`);
  });
});

describe('from source', () => {
  it('tsx cli/src/index.ts exports the same way', async () => {
    const run = await runCommandProcess('source', exportArgs(), { env: credentials() });
    expect(run.exitCode).toBe(0);
    expect(outputsOf(run.cwd).state).toBe('completed');
  });

  it('npm run cli -- --help', async () => {
    const run = await runCommandProcess('npm', ['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Usage: config-promotion <action>');
  });
});
