/**
 * The dev2prod-promote component in a real GitLab pipeline (gitlab-ci-local, shell executor) against the SMAX
 * sandbox: the dry run in one job, the import in a later one, the file id handed over by the dotenv report.
 */
import { describe, expect, it } from '@jest/globals';
import * as path from 'node:path';
import { SmaxSandbox } from '../sandbox/smax.js';
import { useSandbox } from '../support/use-sandbox.js';
import { component, expectPipeline, runPipeline } from './pipeline.js';

const SOURCE = '100000001';
const TARGET = '200000002';
const sandbox = useSandbox(new SmaxSandbox({ exportDurationMs: 200, importDurationMs: 200 }));
const importsOf = (dryRun: boolean) =>
  sandbox.server.requestsTo('POST', /\/dev2prod\/import$/).filter((r) => (r.query.get('dryRun') === 'true') === dryRun);

// The command is built by `npm run build`; until it is, this pipeline cannot run (the lead removes this at merge).

describe('a GitLab pipeline with the dev2prod-promote component', () => {
  it('dry-runs in one job and imports exactly that file in a later one, the file id passed by dotenv', async () => {
    const pipeline = await runPipeline({
      // Masked CI/CD variables: in a project, the target's would be scoped to the production environment.
      variables: {
        CONFIG_PROMOTION_SOURCE_PASSWORD: sandbox.password,
        CONFIG_PROMOTION_TARGET_PASSWORD: sandbox.password,
      },
      ci: {
        stages: ['dry-run', 'import'],
        include: [
          component('dev2prod-promote', {
            'job-name': 'dry-run',
            stage: 'dry-run',
            mode: 'dry-run',
            'package-id': '54321',
            'source-url': sandbox.url,
            'source-tenant-id': SOURCE,
            'source-username': sandbox.login,
            'target-tenant-id': TARGET,
          }),
          component('dev2prod-promote', {
            'job-name': 'import',
            stage: 'import',
            mode: 'import',
            'target-url': sandbox.url,
            'target-tenant-id': TARGET,
            'target-username': sandbox.login,
            'file-id': '$DEV2PROD_PROMOTE_FILE_ID',
          }),
        ],
      },
    });

    expectPipeline(pipeline, 'passed');
    const dryRun = pipeline.dotenv('dry-run');
    expect(dryRun).toMatchObject({ DEV2PROD_PROMOTE_DRY_RUN_OUTCOME: 'passed' });
    const fileId = dryRun.DEV2PROD_PROMOTE_FILE_ID;
    expect(fileId).toBeTruthy();
    expect(dryRun.DEV2PROD_PROMOTE_IMPORT_ID).toBeUndefined();
    // The package that was dry-run is kept with the job, for the audit of what reached production.
    const packageFile = JSON.parse(pipeline.artifact('dry-run', 'config-promotion/outputs.json') ?? '{}') as {
      'package-file'?: string;
    };
    expect(pipeline.artifact('dry-run', path.basename(packageFile['package-file'] ?? 'none.zip'))).toBeDefined();

    expect(pipeline.dotenv('import')).toMatchObject({
      DEV2PROD_PROMOTE_IMPORT_STATUS: 'COMPLETED',
      DEV2PROD_PROMOTE_FILE_ID: fileId,
    });
    expect(importsOf(true)).toHaveLength(1);
    expect(importsOf(false).map((r) => JSON.parse(r.body.toString()))).toEqual([{ FileId: fileId }]);
    expect(sandbox.server.requestsTo('POST', /\/dev2prod\/export\/types\//)).toHaveLength(1);
    expect(pipeline.log).not.toContain(sandbox.password);
  }, 180_000);
});
