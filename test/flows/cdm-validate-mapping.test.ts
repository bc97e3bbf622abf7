/**
 * cdm-validate's mapping of findings to file lines under hostile policy results: node paths too long to map,
 * uploaded files large enough that mapping takes longer than `timeout`, and a cancel while mapping. The run keeps
 * its deadline and answers signals in every case.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import type { SandboxPolicy } from '../sandbox/servicenow-cdm-snapshots.js';
import { REPO_ROOT, runAction, type RunActionOptions } from '../support/run-action.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const sandbox = useSandbox(
  new ServiceNowCdmSandbox({ uploadDurationMs: 100, snapshotDelayMs: 100, validationDurationMs: 300 }),
  () => {
    sandbox.uploadApi.reset();
    sandbox.snapshotApi.reset();
  },
);

const APP_PATH = '/PaymentApp/components/paymentSettings';

/** `count` uploaded files config/f<i>.json (name path paymentSettings/f<i>), each holding `text`. */
function workspaceWith(count: number, text: string): { workspace: string; files: string } {
  const workspace = mkdtempSync(path.join(tmpdir(), 'cdm-validate-map-'));
  mkdirSync(path.join(workspace, 'config'));
  const uploaded = [];
  for (let i = 0; i < count; i++) {
    const file = path.join(workspace, 'config', `f${i}.json`);
    writeFileSync(file, text);
    uploaded.push({ file, namePath: `paymentSettings/f${i}` });
  }
  return { workspace, files: JSON.stringify(uploaded) };
}

/** A committed changeset of PaymentApp for the gate to find (its content does not matter here). */
async function commit(): Promise<string> {
  const query = new URLSearchParams({ appName: 'PaymentApp', dataFormat: 'json', namePath: 'paymentSettings/f0' });
  const res = await fetch(`${sandbox.url}/api/sn_cdm/applications/uploads/components?${query}&autoCommit=true`, {
    method: 'POST',
    headers: { authorization: sandbox.basicAuthorization, 'content-type': 'text/plain' },
    body: '{"port": 1}',
  });
  expect(res.status).toBe(200);
  return [...sandbox.changesets.values()].at(-1)?.number ?? '';
}

async function inputsFor(policy: SandboxPolicy, files: string, timeout: string): Promise<Record<string, string>> {
  sandbox.snapshotApi.policies = [policy];
  return {
    'instance-url': sandbox.url,
    username: sandbox.username,
    password: sandbox.password,
    'app-name': 'PaymentApp',
    'changeset-number': await commit(),
    'deployable-name': 'Production',
    'uploaded-files': files,
    timeout,
  };
}

const findings = (outputs: Record<string, string>) =>
  JSON.parse(outputs['validation-results'] ?? '[]') as Record<string, unknown>[];

/** A JSON file of about `bytes` bytes: a `servers` array of small objects, the last one holding `port`. */
function largeJson(bytes: number): string {
  const servers = Array.from({ length: Math.ceil(bytes / 90) }, (_, i) => ({
    name: `web-${i}`,
    host: `h${i}.internal`,
  }));
  return JSON.stringify({ servers, port: 99999 }, null, 2);
}

describe('cdm-validate: mapping findings keeps the deadline', () => {
  it('leaves 300 findings with 3,000-segment node paths over 100 files unmapped, with a notice, within timeout', async () => {
    const { workspace, files } = workspaceWith(100, '{\n  "port": 1\n}\n');
    const deep = Array.from({ length: 3000 }, (_, i) => `k${i}`).join('/');
    const nodePaths = Array.from({ length: 300 }, (_, i) => `${APP_PATH}/f${i % 100}/${deep}`);
    const run = await runInProcess('cdm-validate', {
      cwd: workspace,
      inputs: await inputsFor({ name: 'PortRange-failing', nodePaths }, files, '5s'),
    });
    expect(run.durationMs).toBeLessThan(5_000 + 3_000);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.failures).toBe('300');
    expect(findings(run.outputs).filter((finding) => finding.file !== undefined)).toHaveLength(0);
    expect(run.stdout).toMatch(
      /::notice title=Findings not mapped to files::Production-v1\.dpl: 300 finding\(s\) have a node path too long to map to a file/,
    );
  }, 120_000);

  it('leaves a node path of 100,000 [0] segments unmapped, with a notice, within timeout', async () => {
    const { workspace, files } = workspaceWith(1, '{\n  "port": [[1]]\n}\n');
    // The trailing `x` is what made the old pattern for `[n]` indexes backtrack: quadratic in the path's length.
    const nodePaths = [`${APP_PATH}/f0/port${'[0]'.repeat(100_000)}x`];
    const run = await runInProcess('cdm-validate', {
      cwd: workspace,
      inputs: await inputsFor({ name: 'PortRange-failing', nodePaths }, files, '5s'),
    });
    expect(run.durationMs).toBeLessThan(5_000 + 3_000);
    expect(run.exitCode).toBe(1);
    expect(findings(run.outputs).map((finding) => [finding.severity, finding.file])).toEqual([['failure', undefined]]);
    expect(run.stdout).toContain('Production-v1.dpl: 1 finding(s) have a node path too long to map to a file');
  }, 120_000);

  it('still maps a path of [n] indexes within the bounds to its line', async () => {
    const { workspace, files } = workspaceWith(1, '{\n  "port": [\n    [1],\n    [2, 3]\n  ]\n}\n');
    const run = await runInProcess('cdm-validate', {
      cwd: workspace,
      inputs: await inputsFor({ name: 'PortRange-failing', nodePaths: [`${APP_PATH}/f0/port[1][1]`] }, files, '30s'),
    });
    expect(findings(run.outputs)).toEqual([expect.objectContaining({ file: 'config/f0.json', line: 4 })]);
  });

  it('ends at timeout while mapping findings into large files, saying so', async () => {
    const { workspace, files } = workspaceWith(8, largeJson(3_000_000));
    const nodePaths = Array.from({ length: 8 }, (_, i) => `${APP_PATH}/f${i}/port`);
    const run = await runInProcess('cdm-validate', {
      cwd: workspace,
      inputs: await inputsFor({ name: 'PortRange-failing', nodePaths }, files, '3s'),
    });
    expect(run.durationMs).toBeLessThan(3_000 + 3_000);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/title=Timed out::Timed out after [\d.]+s while mapping findings to file lines/);
    expect(run.outputs['snapshot-name']).toBe('Production-v1.dpl');
  }, 120_000);

  it('stops within 2 s of SIGTERM while mapping findings (the source run in its own process)', async () => {
    const { workspace, files } = workspaceWith(8, largeJson(3_000_000));
    const nodePaths = Array.from({ length: 8 }, (_, i) => `${APP_PATH}/f${i}/port`);
    let sentAt = 0;
    // Once the policy results are read, mapping takes far longer than a second: the signal comes while it runs.
    const onSpawn: RunActionOptions['onSpawn'] = (child) => {
      const timer = setInterval(() => {
        if (!sandbox.server.requestsTo('GET', /sn_cdm_policy_validation_result/).length) return;
        clearInterval(timer);
        setTimeout(() => {
          sentAt = performance.now();
          child.kill('SIGTERM');
        }, 1_000);
      }, 20);
      child.on('close', () => clearInterval(timer));
    };
    const run = await runAction('cdm-validate', {
      cwd: workspace,
      entry: path.join(REPO_ROOT, 'actions/cdm-validate/src/index.ts'),
      // By its path: the child's working directory is the workspace, where `tsx` does not resolve.
      nodeArgs: ['--import', pathToFileURL(path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href],
      inputs: await inputsFor({ name: 'PortRange-failing', nodePaths }, files, '10m'),
      onSpawn,
    });
    expect(sentAt).toBeGreaterThan(0);
    expect(performance.now() - sentAt).toBeLessThan(2_000);
    expect(run.stdout).toContain('Mapping 8 finding(s) of Production-v1.dpl to file lines.');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Received SIGTERM: stopping.');
    expect(run.stdout).toMatch(/title=Cancelled::Cancelled while mapping findings to file lines/);
    expect(run.outputs['snapshot-name']).toBe('Production-v1.dpl');
  }, 120_000);
});
