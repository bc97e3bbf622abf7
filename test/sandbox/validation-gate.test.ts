/**
 * The shared validation gate against the CDM sandbox, on a fake clock that the sandbox shares (waits cost nothing).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { JobFailedError } from '../../shared/errors.js';
import { runValidationGate } from '../../shared/validation/gate.js';
import type { GatedSnapshot, GateSettings } from '../../shared/validation/types.js';
import { serviceNowClient, type ServiceNowConnection } from '../../shared/vendors/servicenow/connection.js';
import { fakeRuntime, FakeClock, type FakeRuntime } from '../support/fakes.js';
import { rejection } from '../support/rejection.js';
import { ServiceNowCdmSandbox } from './servicenow-cdm.js';

const SETTINGS = '{\n  "host": "db.internal",\n  "port": 99999\n}\n';

describe('validation gate', () => {
  let clock: FakeClock;
  let sandbox: ServiceNowCdmSandbox;
  let connection: ServiceNowConnection;
  let runtime: FakeRuntime;
  let workspace: string;
  let seen: GatedSnapshot[][];

  beforeEach(async () => {
    clock = new FakeClock();
    sandbox = new ServiceNowCdmSandbox({
      uploadDurationMs: 1000,
      snapshotDelayMs: 500,
      validationDurationMs: 3000,
      now: () => clock.now(),
    });
    await sandbox.listen();
    connection = {
      instanceUrl: sandbox.url,
      credentials: { kind: 'basic', username: sandbox.username, password: sandbox.password },
    };
    runtime = fakeRuntime({ clock });
    workspace = mkdtempSync(path.join(tmpdir(), 'gate-'));
    mkdirSync(path.join(workspace, 'config/db'), { recursive: true });
    writeFileSync(path.join(workspace, 'config/db/settings.json'), SETTINGS);
    seen = [];
  });
  afterEach(() => sandbox.close());

  const commit = async (namePath = 'paymentSettings/db/settings', autoValidate = false) => {
    const query = new URLSearchParams({
      appName: 'PaymentApp',
      dataFormat: 'json',
      namePath,
      autoCommit: 'true',
      autoValidate: String(autoValidate),
    });
    const res = await fetch(`${sandbox.url}/api/sn_cdm/applications/uploads/components?${query}`, {
      method: 'POST',
      headers: { authorization: sandbox.basicAuthorization, 'content-type': 'text/plain' },
      body: SETTINGS,
    });
    expect(res.status).toBe(200);
    clock.advance(1000);
    return [...sandbox.changesets.values()].at(-1)?.number ?? '';
  };

  const settings = (overrides: Partial<GateSettings>): GateSettings => ({
    appName: 'PaymentApp',
    deployableNames: [],
    revalidate: false,
    publish: false,
    failOnWarnings: false,
    failOnExceptions: false,
    serverValidates: false,
    uploadedFiles: [{ file: path.join(workspace, 'config/db/settings.json'), namePath: 'paymentSettings/db/settings' }],
    sarifFile: path.join(workspace, 'out/cdm.sarif'),
    resultsFile: path.join(workspace, 'out/cdm.json'),
    workspace,
    pollIntervalMs: 5000,
    startGraceMs: 10_000,
    ...overrides,
  });
  const gate = (overrides: Partial<GateSettings>) =>
    runValidationGate(settings(overrides), {
      client: serviceNowClient(connection, runtime),
      connection,
      runtime,
      report: ({ snapshots = [] }) => seen.push(snapshots.map((s) => ({ ...s }))),
    });
  const validatePosts = () => sandbox.server.requestsTo('POST', /\/validate$/);

  it('validates every snapshot of the changeset and puts each failure on its file line', async () => {
    sandbox.snapshotApi.policies = [{ name: 'PortRange-failing' }, { name: 'Naming-warning', key: 'host' }];
    const result = await gate({ changesetNumber: await commit() });
    expect(result.status).toBe('failed');
    expect(result.passed).toBe(false);
    expect(result.snapshots.map((s) => [s.deployable, s.validation, s.failures, s.warnings])).toEqual([
      ['Development', 'failed', 1, 1],
      ['Production', 'failed', 1, 1],
    ]);
    expect(result.findings[1]).toEqual({
      deployable: 'Development',
      snapshot: 'Development-v1.dpl',
      policy: 'PortRange-failing',
      severity: 'failure',
      description: 'port is outside the allowed range',
      nodePath: '/PaymentApp/components/paymentSettings/db/settings/port',
      file: 'config/db/settings.json',
      line: 3,
    });
    expect(result.findings[0]).toMatchObject({ severity: 'warning', line: 2 });
    expect(validatePosts()).toHaveLength(2);
    // The snapshots were reported before their validation ended.
    expect(seen[0].map((s) => s.validation)).toEqual(['not_validated']);
    const written = JSON.parse(readFileSync(result.results.path, 'utf8')) as { findings: unknown[]; status: string };
    expect(written.status).toBe('failed');
    expect(written.findings).toHaveLength(4);
    expect(result.problems[0]).toContain(
      'Development: Development-v1.dpl failed validation — 1 failure(s), 1 warning(s)',
    );
  });

  it('publishes what passed, after writing the files, and reports a deployable it cannot publish', async () => {
    const result = await gate({ changesetNumber: await commit(), publish: true });
    expect(result.published).toEqual(['Production-v1.dpl']);
    expect(result.passed).toBe(false);
    expect(result.problems).toEqual([
      expect.stringContaining('Development-v1.dpl was not published: the deployable is not connected to a service'),
    ]);
    expect(sandbox.snapshotApi.snapshots.map((s) => sandbox.snapshotApi.isPublished(s))).toEqual([false, true]);
    const written = JSON.parse(readFileSync(result.results.path, 'utf8')) as { problems: string[] };
    expect(written.problems).toEqual(result.problems);
  });

  it('counts a validation that never leaves not_validated as not started, after the grace', async () => {
    sandbox.snapshotApi.policies = [{ name: 'Stuck-never-starts' }];
    const result = await gate({ changesetNumber: await commit(), deployableNames: ['Production'] });
    expect(result.status).toBe('not_validated');
    expect(result.snapshots[0].didNotStart).toBe(true);
    expect(result.problems).toEqual(['Production: the validation of Production-v1.dpl did not start']);
    expect(runtime.logger.messages('warning').join('\n')).toMatch(
      /did not start: ServiceNow still reports not_validated 1\d s/,
    );
  });

  it('waits for the validation ServiceNow starts itself after the commit, and never triggers another', async () => {
    sandbox.snapshotApi.policies = [{ name: 'Limits-exception' }];
    const result = await gate({ changesetNumber: await commit(undefined, true), serverValidates: true });
    expect(validatePosts()).toHaveLength(0);
    expect(result.status).toBe('passed_with_exception');
    expect(result.passed).toBe(true);
    expect(result.findings.map((f) => f.severity)).toEqual(['exception', 'exception']);
    const strict = await gate({ changesetNumber: [...sandbox.changesets.keys()].at(-1), failOnExceptions: true });
    expect(strict.passed).toBe(false);
  });

  it('fails when the changeset made no new snapshot, unless the deployable was named: then its latest is gated', async () => {
    const earlier = sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production', { validated: true });
    const number = await commit('paymentSettings/no-snapshot');
    const error = await rejection(gate({ changesetNumber: number }), JobFailedError);
    expect(error.message).toContain(
      `Changeset ${number} created no snapshot for deployable Development (snapshot_status: none`,
    );
    const result = await gate({ changesetNumber: number, deployableNames: ['production'] });
    expect(result.snapshots.map((s) => [s.name, s.source, s.changeset])).toEqual([[earlier.name, 'latest', 'Chset-0']]);
    expect(validatePosts()).toHaveLength(0); // already validated, and revalidate is off
    expect(runtime.logger.messages('warning').join('\n')).toContain(`gating its latest snapshot ${earlier.name}`);
  });

  it('uses the stored state of a published snapshot and revalidates an unpublished one only when asked', async () => {
    sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production', { published: true });
    const published = await gate({ deployableNames: ['Production'], revalidate: true });
    expect(published.status).toBe('passed');
    expect(validatePosts()).toHaveLength(0);
    expect(runtime.logger.messages('info').join('\n')).toContain(
      'is published, so ServiceNow cannot validate it again',
    );
    sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Development', { validated: true });
    sandbox.snapshotApi.policies = [{ name: 'Now-failing' }];
    const again = await gate({ deployableNames: ['Development'], revalidate: true });
    expect(validatePosts()).toHaveLength(1);
    expect(again.status).toBe('failed');
  });

  it('fails on a snapshot generation error and on a changeset that is not committed', async () => {
    const number = await commit('x/snapshot-error');
    expect((await rejection(gate({ changesetNumber: number }), JobFailedError)).message).toContain(
      `ServiceNow could not generate the snapshots of changeset ${number}`,
    );
    const open = sandbox.uploadApi.createChangeset('PaymentApp');
    expect((await rejection(gate({ changesetNumber: open.number }), JobFailedError)).message).toContain(
      `Changeset ${open.number} is open, so it has no snapshots to gate`,
    );
  });

  it('refuses a changeset whose impacted deployable belongs to another application, naming it', async () => {
    const number = await commit();
    const query = new URLSearchParams({ appName: 'SharedServices', name: 'SharedProd', envType: 'Production' });
    const created = await fetch(`${sandbox.url}/api/sn_cdm/applications/deployables?${query}`, {
      method: 'POST',
      headers: { authorization: sandbox.basicAuthorization },
    });
    expect(created.status).toBe(200);
    const shared = [...sandbox.appsApi.store.deployables.values()].find((d) => d.name === 'SharedProd');
    sandbox.server.inject({
      match: { method: 'GET', path: /\/impacted-deployables$/ },
      kind: 'rewrite',
      json: (body: { result: Record<string, unknown>[] }) => {
        body.result[1] = { ...body.result[1], sys_id: shared?.sysId, name: 'SharedProd', cdm_app: shared?.appSysId };
        return body;
      },
      times: Infinity,
    });
    const error = await rejection(gate({ changesetNumber: number, publish: true }), JobFailedError);
    expect(error.message).toContain(
      `Deployable SharedProd, impacted by changeset ${number}, belongs to application SharedServices, not PaymentApp`,
    );
    expect(validatePosts()).toHaveLength(0);
  });

  it('skips deleted deployables, and waits on the snapshots themselves where the changeset has no snapshot_status', async () => {
    sandbox.snapshotApi.deletedDeployables.add('Development');
    sandbox.snapshotApi.omitSnapshotStatus = true;
    const result = await gate({ changesetNumber: await commit() });
    expect(result.snapshots.map((s) => s.deployable)).toEqual(['Production']);
    expect(result.status).toBe('passed');
    expect(runtime.logger.messages('info')).toContain('Skipped deleted deployable(s): Development.');
  });

  it('fails closed on a validation state it does not know, and on a refused validation with what to do', async () => {
    const number = await commit();
    sandbox.server.inject({
      match: { method: 'GET', path: /\/sn_cdm_snapshot\/[0-9a-f]+$/ },
      kind: 'status',
      status: 200,
      body: JSON.stringify({ result: { validation: 'Archived', published: 'false', last_validated: '' } }),
      times: Infinity,
    });
    const error = await rejection(gate({ changesetNumber: number, deployableNames: ['Production'] }), JobFailedError);
    expect(error.message).toContain(
      "validation state 'archived' for snapshot Production-v1.dpl, which this action does not know",
    );
    sandbox.server.clearFaults();
    sandbox.server.inject({
      match: { method: 'POST', path: /\/validate$/ },
      kind: 'status',
      status: 400,
      body: JSON.stringify({ error: { message: 'Invalid Snapshot id:abc', detail: '' }, status: 'failure' }),
    });
    const refused = await rejection(gate({ changesetNumber: number, deployableNames: ['Development'] }));
    expect(refused.message).toContain('Invalid Snapshot id:abc');
    expect(refused.message).toContain('ServiceNow refused to validate Development-v1.dpl');
  });

  it('fails closed when a snapshot is reported passed while its results hold failures', async () => {
    const seeded = sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production', { validated: true });
    sandbox.server.inject({
      match: { method: 'GET', path: /\/sn_cdm_policy_validation_result$/ },
      kind: 'status',
      status: 200,
      body: JSON.stringify({
        result: [
          {
            snapshot: seeded.sysId,
            'policy.name': 'P',
            type: 'Failure',
            'policy_execution.output': '{"decision":"non_compliant"}',
          },
        ],
      }),
    });
    const result = await gate({ deployableNames: ['Production'] });
    expect(result.status).toBe('passed');
    expect(result.passed).toBe(false);
    expect(result.problems[0]).toContain(
      'ServiceNow reports Production-v1.dpl passed, yet 1 policy result(s) are failures',
    );
  });

  it('checks every final state against its rows: a failure fails whatever the state, and what disagrees is said', async () => {
    const results = (sysId: string, output: string, type = 'Failure') =>
      sandbox.server.inject({
        match: { method: 'GET', path: /\/sn_cdm_policy_validation_result$/ },
        kind: 'status',
        status: 200,
        body: JSON.stringify({
          result: type ? [{ snapshot: sysId, 'policy.name': 'P', type, 'policy_execution.output': output }] : [],
        }),
      });
    const warnings = () => runtime.logger.messages('warning').join('\n');
    // A failure row whose decision is unreadable is not excepted, even under passed_with_exception.
    sandbox.snapshotApi.policies = [{ name: 'Limits-exception' }];
    const excepted = sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production', { validated: true });
    results(excepted.sysId, '');
    const unreadable = await gate({ deployableNames: ['Production'] });
    expect(unreadable.passed).toBe(false);
    expect(unreadable.findings.map((f) => f.severity)).toEqual(['failure']);
    // passed_with_exception without an excepted row passes (nothing failed), and says what was odd.
    results(excepted.sysId, '', '');
    const bare = await gate({ deployableNames: ['Production'] });
    expect(bare.passed).toBe(true);
    expect(warnings()).toContain(
      'ServiceNow reports Production-v1.dpl passed_with_exception, yet none of its policy results is an excepted failure',
    );
    // passed with an excepted row passes, says so, and fails under fail-on-exceptions.
    sandbox.snapshotApi.policies = [{ name: 'RequiredKeys' }];
    const passed = sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production', { validated: true });
    results(passed.sysId, '{"decision":"compliant_with_exception"}');
    expect((await gate({ deployableNames: ['Production'] })).passed).toBe(true);
    expect(warnings()).toContain(
      'ServiceNow reports Production-v2.dpl passed, yet 1 policy result(s) are excepted failures',
    );
    results(passed.sysId, '{"decision":"compliant_with_exception"}');
    const strict = await gate({ deployableNames: ['Production'], failOnExceptions: true });
    expect(strict.problems).toEqual([
      'Production: Production-v2.dpl has 1 excepted failure(s) (fail-on-exceptions: true)',
    ]);
    // failed without a failure row still fails, and says that no row shows why.
    sandbox.snapshotApi.policies = [{ name: 'PortRange-failing' }];
    const failed = sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production', { validated: true });
    results(failed.sysId, '{"decision":"compliant"}', 'Warning');
    const odd = await gate({ deployableNames: ['Production'] });
    expect(odd.passed).toBe(false);
    expect(odd.problems[0]).toContain(
      `Production: ${failed.name} failed validation, yet none of its policy results is a failure — 0 failure(s), 1 warning(s)`,
    );
  });
});
