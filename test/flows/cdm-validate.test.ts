/**
 * cdm-validate from its TypeScript source, run in-process as the runner would run its bundle, against the ServiceNow
 * CDM sandbox: one run per outcome of the policy gate, with findings on the uploaded file's lines.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import type { SandboxPolicy } from '../sandbox/servicenow-cdm-snapshots.js';
import { snapshotRow } from '../sandbox/servicenow-cdm-snapshot-tables.js';
import { runAction } from '../support/run-action.js';
import { lastLogLine, summaryOpening } from '../support/verdict.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const SETTINGS = '{\n  "host": "db.internal",\n  "port": 99999\n}\n';
const NAME_PATH = 'paymentSettings/db/settings';

const sandbox = useSandbox(
  new ServiceNowCdmSandbox({ uploadDurationMs: 200, snapshotDelayMs: 200, validationDurationMs: 600 }),
  () => {
    sandbox.uploadApi.reset();
    sandbox.snapshotApi.reset();
    sandbox.snapshotApi.policies = [{ name: 'RequiredKeys' }];
    sandbox.appsApi.reset();
  },
);

/** A deployable of another application, through the vendor API, as an administrator would add it. */
async function addDeployable(appName: string, name: string): Promise<void> {
  const query = new URLSearchParams({ appName, name, envType: 'Production' });
  const res = await fetch(`${sandbox.url}/api/sn_cdm/applications/deployables?${query}`, {
    method: 'POST',
    headers: { authorization: sandbox.basicAuthorization, accept: 'application/json' },
  });
  expect(res.status).toBe(200);
}

/** A workspace with the uploaded file, and a committed changeset made from it. */
async function committed(
  namePath = NAME_PATH,
  appName = 'PaymentApp',
): Promise<{ workspace: string; changeset: string; files: string }> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'cdm-validate-ws-'));
  mkdirSync(path.join(workspace, 'config/db'), { recursive: true });
  const file = path.join(workspace, 'config/db/settings.json');
  writeFileSync(file, SETTINGS);
  const query = new URLSearchParams({ appName, dataFormat: 'json', namePath, autoCommit: 'true' });
  const res = await fetch(`${sandbox.url}/api/sn_cdm/applications/uploads/components?${query}`, {
    method: 'POST',
    headers: { authorization: sandbox.basicAuthorization, 'content-type': 'text/plain' },
    body: SETTINGS,
  });
  expect(res.status).toBe(200);
  const changeset = [...sandbox.changesets.values()].at(-1)?.number ?? '';
  return { workspace, changeset, files: JSON.stringify([{ file, namePath, uploadId: 'u1', state: 'completed' }]) };
}

async function validate(policies: SandboxPolicy[], inputs: Record<string, string> = {}, namePath?: string) {
  sandbox.snapshotApi.policies = policies;
  const { workspace, changeset, files } = await committed(namePath);
  const run = await runInProcess('cdm-validate', {
    cwd: workspace,
    inputs: {
      'instance-url': sandbox.url,
      username: sandbox.username,
      password: sandbox.password,
      'app-name': 'PaymentApp',
      'changeset-number': changeset,
      'deployable-name': 'Production',
      'uploaded-files': files,
      ...inputs,
    },
  });
  return { run, changeset, workspace };
}

const findings = (outputs: Record<string, string>) =>
  JSON.parse(outputs['validation-results'] ?? '[]') as Record<string, unknown>[];

describe('cdm-validate end to end', () => {
  it('passes a snapshot whose policies pass, with the outputs and files a later step reads', async () => {
    const { run, changeset } = await validate([{ name: 'RequiredKeys' }]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['validation-status']).toBe('passed');
    expect(run.outputs['snapshot-name']).toBe('Production-v1.dpl');
    expect(JSON.parse(run.outputs['snapshot-names'])).toEqual({ Production: 'Production-v1.dpl' });
    expect(run.outputs['snapshot-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(run.outputs.snapshots)).toEqual([
      expect.objectContaining({ deployable: 'Production', changeset, validation: 'passed', published: false }),
    ]);
    expect(run.outputs.failures).toBe('0');
    expect(run.outputs.published).toBe('[]');
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    expect(path.dirname(run.outputs['sarif-file'])).toBe(path.dirname(run.outputs['results-file']));
    expect(sandbox.server.requestsTo('POST', /\/validate$/)).toHaveLength(1);
    expect(run.summary).toMatch(/\| Production \| Production-v1\.dpl \| ✅ passed \|/);
    const verdict = '✅ PaymentApp: policy validation passed: 1 snapshot(s), 0 finding(s).';
    expect(summaryOpening(run)).toBe(`**${verdict}**`);
    expect(lastLogLine(run)).toBe(verdict);
  });

  it('fails on a failing policy with an annotation on the file line, and a SARIF location', async () => {
    const { run } = await validate([{ name: 'PortRange-failing' }]);
    expect(run.exitCode).toBe(1);
    expect(run.outputs['validation-status']).toBe('failed');
    expect(run.outputs.failures).toBe('1');
    expect(findings(run.outputs)).toEqual([
      expect.objectContaining({
        policy: 'PortRange-failing',
        severity: 'failure',
        file: 'config/db/settings.json',
        line: 3,
      }),
    ]);
    expect(run.stdout).toContain(
      '::error title=PortRange-failing (Production),file=config/db/settings.json,line=3::port is outside the allowed range',
    );
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8')) as {
      runs: { results: { locations: unknown[] }[] }[];
    };
    expect(sarif.runs[0].results[0].locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'config/db/settings.json' }, region: { startLine: 3 } } },
    ]);
    // The summary opens with the verdict, then the findings by policy with file:line.
    const verdict = run.summary.indexOf('| Production | Production-v1.dpl | ❌ failed |');
    const finding = run.summary.indexOf('`config/db/settings.json:3`');
    expect(verdict).toBeGreaterThan(0);
    expect(finding).toBeGreaterThan(verdict);
  });

  it('passes with a warning, and fails on it with fail-on-warnings', async () => {
    const lenient = await validate([{ name: 'Naming-warning', key: 'host' }]);
    expect(lenient.run.exitCode).toBe(0);
    expect(lenient.run.outputs.warnings).toBe('1');
    expect(lenient.run.stdout).toContain(
      '::warning title=Naming-warning (Production),file=config/db/settings.json,line=2::',
    );
    const strict = await validate([{ name: 'Naming-warning', key: 'host' }], { 'fail-on-warnings': 'true' });
    expect(strict.run.exitCode).toBe(1);
    expect(strict.run.stdout).toContain('has 1 warning(s) (fail-on-warnings: true)');
  });

  it('passes with an exception, and fails on it with fail-on-exceptions', async () => {
    const lenient = await validate([{ name: 'Limits-exception' }]);
    expect(lenient.run.exitCode).toBe(0);
    expect(lenient.run.outputs['validation-status']).toBe('passed_with_exception');
    expect(findings(lenient.run.outputs).map((f) => f.severity)).toEqual(['exception']);
    const strict = await validate([{ name: 'Limits-exception' }], { 'fail-on-exceptions': 'true' });
    expect(strict.run.exitCode).toBe(1);
    expect(strict.run.outputs['validation-status']).toBe('passed_with_exception');
  });

  it('fails a passed_with_exception snapshot whose results hold a failure no exception covers, publishing nothing', async () => {
    sandbox.server.inject({
      match: { method: 'GET', path: /\/sn_cdm_policy_validation_result$/ },
      kind: 'rewrite',
      json: (body: { result: Record<string, string>[] }) => {
        for (const row of body.result) row['policy_execution.output'] = '{"decision":"non_compliant"}';
        return body;
      },
      times: Infinity,
    });
    const { run } = await validate([{ name: 'Limits-exception' }], { publish: 'true' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['validation-status']).toBe('passed_with_exception');
    expect(run.outputs.failures).toBe('1');
    expect(run.stdout).toContain(
      'ServiceNow reports Production-v1.dpl passed_with_exception, yet 1 policy result(s) are failures that no exception covers',
    );
    expect(run.outputs.published).toBe('[]');
    expect(sandbox.server.requestsTo('POST', /\/publish$/)).toHaveLength(0);
  });

  it('fails on execution_error, reading an empty policy output without crashing', async () => {
    const { run } = await validate([{ name: 'Script-execution-error' }]);
    expect(run.exitCode).toBe(1);
    expect(run.outputs['validation-status']).toBe('execution_error');
    expect(run.stdout).toContain('could not be validated (execution_error: a policy did not finish)');
  });

  it('fails when the validation never starts, after the grace', async () => {
    const { run } = await validate([{ name: 'Stuck-never-starts' }]);
    expect(run.exitCode).toBe(1);
    expect(run.outputs['validation-status']).toBe('not_validated');
    expect(run.stdout).toContain('the validation of Production-v1.dpl did not start');
  }, 40_000);

  it('times out on a validation that never finishes, naming the snapshot it waited for', async () => {
    const { run, changeset } = await validate([{ name: 'Heavy-slow' }], { timeout: '3s' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/Timed out waiting for the validation of Production-v1\.dpl.*in_progress/);
    expect(JSON.parse(run.outputs.snapshots)).toEqual([expect.objectContaining({ validation: 'in_progress' })]);
    expect(run.outputs['snapshot-name']).toBe('Production-v1.dpl');
    // The validation goes on in ServiceNow: the message names the input that gates the same snapshot again.
    const resume = `run again with changeset-number: ${changeset} (and revalidate: false) to gate on its result`;
    expect(lastLogLine(run)).toContain(resume);
    expect(summaryOpening(run)).toContain(resume);
  });

  it('publishes a passed snapshot after writing the files', async () => {
    const { run } = await validate([{ name: 'RequiredKeys' }], { publish: 'true' });
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.outputs.published)).toEqual(['Production-v1.dpl']);
    const [sarifAt] = [run.outputs['sarif-file']].map((f) => readFileSync(f, 'utf8').length);
    expect(sarifAt).toBeGreaterThan(0);
    expect(sandbox.snapshotApi.snapshots.filter((s) => s.publishedAt !== undefined).map((s) => s.name)).toEqual([
      'Production-v1.dpl',
    ]);
  });

  it('lists in published only what this run published, and says a snapshot was already published', async () => {
    const earlier = sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production', { published: true });
    const run = await runInProcess('cdm-validate', {
      inputs: {
        'instance-url': sandbox.url,
        token: sandbox.token,
        'app-name': 'PaymentApp',
        'deployable-name': 'Production',
        publish: 'true',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.published).toBe('[]');
    expect(lastLogLine(run)).toBe(
      `✅ PaymentApp: policy validation passed: 1 snapshot(s), 0 finding(s); already published ${earlier.name}.`,
    );
    expect(sandbox.server.requestsTo('POST', /\/publish$/)).toHaveLength(0);
  });

  it('reports a refused publish with ServiceNow’s message, the files already written', async () => {
    const { run } = await validate([{ name: 'Gate-publish-refused' }], { publish: 'true' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Publishing of 'Production-v1.dpl' is blocked by the deployable's publish policy");
    expect(run.outputs.published).toBe('[]');
    const results = JSON.parse(readFileSync(run.outputs['results-file'], 'utf8')) as { problems: string[] };
    expect(results.problems[0]).toContain('publishing Production-v1.dpl failed');
  });

  it('fails when the changeset made no new snapshot, and gates the named deployable’s latest one otherwise', async () => {
    const earlier = sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production', { validated: true });
    const named = await validate([{ name: 'RequiredKeys' }], {}, 'paymentSettings/no-snapshot');
    expect(named.run.exitCode).toBe(0);
    expect(named.run.outputs['snapshot-name']).toBe(earlier.name);
    expect(JSON.parse(named.run.outputs.snapshots)).toEqual([
      expect.objectContaining({ source: 'latest', changeset: 'Chset-0' }),
    ]);
    const unnamed = await validate(
      [{ name: 'RequiredKeys' }],
      { 'deployable-name': '' },
      'paymentSettings/no-snapshot',
    );
    expect(unnamed.run.exitCode).toBe(1);
    expect(unnamed.run.stdout).toContain(`created no snapshot for deployable Development (snapshot_status: none`);
  });

  it('refuses a changeset of another application, validating and publishing nothing', async () => {
    // SharedServices has a deployable named like PaymentApp's: names alone cannot tell them apart.
    await addDeployable('SharedServices', 'Production');
    const { workspace, changeset } = await committed(NAME_PATH, 'SharedServices');
    sandbox.server.clearRequests();
    for (const deployableName of ['Production', '']) {
      const run = await runInProcess('cdm-validate', {
        cwd: workspace,
        inputs: {
          'instance-url': sandbox.url,
          username: sandbox.username,
          password: sandbox.password,
          'app-name': 'PaymentApp',
          'changeset-number': changeset,
          'deployable-name': deployableName,
          publish: 'true',
        },
      });
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain(`Changeset ${changeset} belongs to application SharedServices, not PaymentApp`);
      expect(run.outputs.snapshots).toBeUndefined();
      expect(run.outputs.published).toBeUndefined();
    }
    expect(sandbox.server.requestsTo('POST', /\/(validate|publish)$/)).toHaveLength(0);
    expect(sandbox.snapshotApi.snapshots.map((s) => [s.appName, s.runs.length])).toEqual([['SharedServices', 0]]);
    // Application names compare without case, as everywhere else.
    const own = await validate([{ name: 'RequiredKeys' }], { 'app-name': 'paymentapp' });
    expect(own.run.exitCode).toBe(0);
  });

  it('refuses a named snapshot that belongs to another application', async () => {
    await addDeployable('SharedServices', 'SharedProd');
    const shared = sandbox.snapshotApi.seedSnapshot('SharedServices', 'SharedProd', { validated: true });
    // An instance that drops the deployable condition (an unknown query field is dropped silently).
    sandbox.server.inject({
      match: { method: 'GET', path: /\/sn_cdm_snapshot$/ },
      kind: 'rewrite',
      json: () => ({ result: [snapshotRow(shared, sandbox.snapshotApi)] }),
    });
    const run = await runInProcess('cdm-validate', {
      inputs: {
        'instance-url': sandbox.url,
        token: sandbox.token,
        'app-name': 'PaymentApp',
        'deployable-name': 'Production',
        'snapshot-name': shared.name,
        publish: 'true',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`snapshot ${shared.name} belongs to application SharedServices`);
    expect(sandbox.server.requestsTo('POST', /\/(validate|publish)$/)).toHaveLength(0);
  });

  it('retries a failed read while waiting, and reports every input problem before any request', async () => {
    sandbox.server.inject({ match: { method: 'GET', path: /sn_cdm_snapshot\// }, kind: 'status', status: 503 });
    const { run } = await validate([{ name: 'RequiredKeys' }]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('answered 503; retrying');
    sandbox.server.clearRequests();
    const base = { 'instance-url': sandbox.url, token: 't', 'app-name': 'PaymentApp' };
    const bad = await runInProcess('cdm-validate', {
      inputs: {
        ...base,
        'snapshot-name': 'x',
        'changeset-number': 'C^1',
        'retention-days': '5',
        'poll-interval': '1ms',
      },
    });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain("'poll-interval': must be at least 0.5s (got '1ms')");
    expect(bad.stdout).toContain("'snapshot-name': does not go with changeset-number");
    expect(bad.stdout).toContain("'changeset-number': must be a changeset number");
    expect(bad.stdout).toContain("'retention-days': only applies with artifact-name");
    const none = await runInProcess('cdm-validate', { inputs: base });
    expect(none.stdout).toContain("'deployable-name': is required without changeset-number");
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('stops within 2 s of SIGINT while waiting, with the snapshot already in the outputs and the summary', async () => {
    sandbox.snapshotApi.policies = [{ name: 'Heavy-slow' }];
    const { workspace, changeset } = await committed();
    let sentAt = 0;
    const run = await runAction('cdm-validate', {
      cwd: workspace,
      inputs: {
        'instance-url': sandbox.url,
        token: sandbox.token,
        'app-name': 'PaymentApp',
        'changeset-number': changeset,
        'deployable-name': 'Production',
      },
      onSpawn: (child) => {
        const timer = setInterval(() => {
          if (sandbox.server.requestsTo('POST', /\/validate$/).length === 1) {
            clearInterval(timer);
            setTimeout(() => {
              sentAt = performance.now();
              child.kill('SIGINT');
            }, 700);
          }
        }, 20);
      },
    });
    expect(performance.now() - sentAt).toBeLessThan(2000);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/title=Cancelled::Cancelled while waiting for the validation of Production-v1\.dpl/);
    expect(run.outputs['snapshot-name']).toBe('Production-v1.dpl');
    expect(run.summary).toContain('| Production | Production-v1.dpl | ❌ in_progress |');
  });
});
