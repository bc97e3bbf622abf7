/**
 * The CDM components in real GitLab pipelines (gitlab-ci-local, shell executor) against the ServiceNow sandbox: a
 * merge-request pipeline whose gate fails with its finding in the Code Quality report, and a main-branch pipeline
 * that uploads, gates and publishes, exports exactly the snapshot the gate published, and hands the file to a deploy
 * job as an artifact.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { useSandbox } from '../support/use-sandbox.js';
import { component, expectPipeline, runPipeline, type Pipeline } from './pipeline.js';

const sandbox = useSandbox(
  new ServiceNowCdmSandbox({ uploadDurationMs: 100, snapshotDelayMs: 100, validationDurationMs: 200 }),
  () => {
    sandbox.uploadApi.reset();
    sandbox.snapshotApi.reset();
  },
);

const CONFIG = {
  'config/db/settings.json': '{\n  "host": "db.internal",\n  "port": 5432\n}\n',
  'config/cache.yaml': 'ttl: 300\nlimits:\n  port: 7000\n',
};
const connection = () => ({ 'instance-url': sandbox.url, username: sandbox.username, 'app-name': 'PaymentApp' });
/** The password reaches the jobs only as the masked CI/CD variable the templates name. */
const secrets = () => ({ CONFIG_PROMOTION_PASSWORD: sandbox.password });
const upload = { 'name-path': 'paymentSettings', files: 'config/**', 'files-root': 'config' };

/** Every file the pipeline left behind: the repository, each job's build folder and its artifacts. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === '.git') return [];
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function expectNoPassword(pipeline: Pipeline): void {
  const leaks = filesUnder(pipeline.root).filter((file) => readFileSync(file, 'utf8').includes(sandbox.password));
  expect(leaks.map((file) => path.relative(pipeline.root, file))).toEqual([]);
  expect(pipeline.log).not.toContain(sandbox.password);
}

// The command is built by `npm run build`; until it is, these pipelines cannot run (the lead removes this at merge).

describe('GitLab pipelines with the CDM components', () => {
  it('merge request: upload + validation fails the job, the finding in Code Quality on the config line', async () => {
    sandbox.snapshotApi.policies = [{ name: 'CacheTtl-failing', key: 'ttl' }];
    const pipeline = await runPipeline({
      files: CONFIG,
      variables: { ...secrets(), CI_PIPELINE_SOURCE: 'merge_request_event' },
      ci: {
        include: [
          component('cdm-upload', { 'job-name': 'config-check', ...connection(), ...upload, validate: 'true' }),
        ],
        // A project adds its own rules to the component's job by naming it.
        'config-check': { rules: [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }] },
      },
    });

    expectPipeline(pipeline, 'failed');
    expect(pipeline.log).toMatch(/FAIL\s+config-check/);
    const codeQuality = JSON.parse(pipeline.artifact('config-check', 'config-promotion/code-quality.json') ?? 'null');
    expect(codeQuality).toContainEqual(
      expect.objectContaining({
        check_name: 'CacheTtl-failing',
        location: { path: 'config/cache.yaml', lines: { begin: 1 } },
      }),
    );
    expect(pipeline.artifact('config-check', 'config-promotion/junit.xml')).toContain('<failure');
    expect(pipeline.dotenv('config-check')).toMatchObject({ CDM_UPLOAD_VALIDATION_STATUS: 'failed' });
    expect(sandbox.server.requestsTo('POST', /\/validate$/).length).toBeGreaterThan(0);
    expect(sandbox.server.requestsTo('POST', /\/publish$/)).toHaveLength(0);
    expectNoPassword(pipeline);
  }, 180_000);

  it('main: upload, gate and publish; the export job exports exactly that snapshot; deploy gets the file', async () => {
    sandbox.snapshotApi.policies = [{ name: 'RequiredKeys' }];
    const pipeline = await runPipeline({
      files: CONFIG,
      variables: secrets(),
      ci: {
        stages: ['upload', 'gate', 'export', 'deploy'],
        include: [
          component('cdm-upload', { stage: 'upload', ...connection(), ...upload }),
          component('cdm-validate', {
            stage: 'gate',
            ...connection(),
            // Dotenv variables of earlier jobs are CI/CD variables of this one; the job expands them.
            'changeset-number': '$CDM_UPLOAD_CHANGESET_NUMBER',
            'deployable-name': 'Production',
            publish: 'true',
          }),
          component('cdm-export', {
            stage: 'export',
            ...connection(),
            'deployable-name': 'Production',
            'exporter-name': 'json-exporter',
            'snapshot-name': '$CDM_VALIDATE_SNAPSHOT_NAME',
          }),
        ],
        deploy: { stage: 'deploy', script: ['test -s cdm-export/Production.json', 'cat cdm-export/Production.json'] },
      },
    });

    expectPipeline(pipeline, 'passed');
    const changeset = pipeline.dotenv('cdm-upload').CDM_UPLOAD_CHANGESET_NUMBER;
    expect(changeset).toMatch(/^Chset-\d+$/);
    const gate = pipeline.dotenv('cdm-validate');
    expect(gate).toMatchObject({ CDM_VALIDATE_VALIDATION_STATUS: 'passed' });
    const snapshot = gate.CDM_VALIDATE_SNAPSHOT_NAME;
    expect(snapshot).toMatch(/^Production-v\d+\.dpl$/);
    expect(JSON.parse(gate.CDM_VALIDATE_PUBLISHED)).toEqual([snapshot]);
    const published = sandbox.snapshotApi.snapshots.filter((s) => s.publishedAt !== undefined);
    expect(published.map((s) => s.name)).toEqual([snapshot]);

    const exports = sandbox.server.requestsTo('POST', /\/applications\/deployables\/exports$/);
    expect(exports.map((request) => request.query.get('snapshotName'))).toEqual([snapshot]);
    const exported = pipeline.artifact('cdm-export', 'cdm-export/Production.json');
    expect(exported).toBeDefined();
    expect(JSON.parse(exported!).Production.vars.snapshot).toBe(snapshot);
    // The deploy job is no component: it finds the file among the artifacts of the earlier stages.
    expect(pipeline.jobLog('deploy')).toContain(`"snapshot": "${snapshot}"`);
    expect(pipeline.log).toMatch(/PASS\s+deploy/);
    expectNoPassword(pipeline);
  }, 180_000);
});
