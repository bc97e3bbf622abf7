/** Each action's mapping from its flow's typed result to the step's outputs, and the dev2prod report's table. */
import { describe, expect, it } from '@jest/globals';
import { migrationOutputs } from '../../../actions/apim-migrate/src/main.js';
import { operationOutputs } from '../../../actions/cdm-application/src/main.js';
import { exportOutputs } from '../../../actions/cdm-export/src/main.js';
import { gateOutputs, uploadOutputs } from '../../../actions/cdm-upload/src/main.js';
import { validateOutputs } from '../../../actions/cdm-validate/src/main.js';
import type { GatedSnapshot, GateResult } from '../../../shared/validation/types.js';
import { importReport } from '../../../actions/dev2prod-promote/src/judge.js';
import { promoteOutputs } from '../../../actions/dev2prod-promote/src/main.js';
import type { ImportStatus } from '../../../shared/vendors/smax/import-status.js';
import { Summary } from '../../../shared/report/summary.js';

/** The outputs a part sets: the ones without a value are left out. */
const set = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));

const file = { path: '/w/out.json', bytes: 12, sha256: 'ab'.repeat(32) };

function importStatus(overrides: Partial<ImportStatus> = {}): ImportStatus {
  return {
    status: 'COMPLETED',
    results: [],
    totals: { Failed: 0 },
    errors: [],
    warnings: [],
    unreadable: [],
    rawResults: [],
    rawTotals: { Failed: 0 },
    ...overrides,
  };
}

describe('cdm-export outputs', () => {
  it('sets the export id alone while the export runs, then the file outputs from the written file', () => {
    expect(set(exportOutputs({ exportId: 'e1' }))).toEqual({ 'export-id': 'e1' });
    expect(set(exportOutputs({ file, content: '' }))).toEqual({
      file: '/w/out.json',
      bytes: 12,
      sha256: file.sha256,
      content: '',
    });
    expect(set(exportOutputs({ artifactId: 0 }))).toEqual({ 'artifact-id': 0 });
  });
});

describe('apim-migrate outputs', () => {
  it('sets the lists only once the migration ended, and failed as JSON of what SnapLogic sent', () => {
    expect(set(migrationOutputs({ statusToken: 't1', status: 'Started' }))).toEqual({
      'status-token': 't1',
      status: 'Started',
    });
    const final = {
      status: 'Completed',
      successful: [{ name: 'a' }],
      failed: [],
      failedOther: "a string ('oops')",
      responseMap: { failed: 'oops', successful: [{ name: 'a' }] },
    };
    expect(set(migrationOutputs({ status: 'Completed', final }))).toEqual({
      status: 'Completed',
      successful: [{ name: 'a' }],
      failed: '"oops"',
      result: final.responseMap,
    });
  });
});

describe('cdm-upload outputs', () => {
  it('lists the upload ids of the files that started, and none when none did', () => {
    const files = [
      { file: '/w/a.json', namePath: 'a', uploadId: 'u1', state: 'completed' },
      { file: '/w/b.json', namePath: 'b', uploadId: null, state: 'not_started' },
    ];
    expect(set(uploadOutputs({ files }))).toEqual({ 'upload-ids': ['u1'], files });
    expect(set(uploadOutputs({ files: [files[1]] }))).toEqual({ files: [files[1]] });
    expect(set(uploadOutputs({ changesetNumber: '', state: 'error' }))).toEqual({ state: 'error' });
  });
});

const snapshot = (deployable: string, validation: string): GatedSnapshot => ({
  deployable,
  deployableSysId: `d-${deployable}`,
  serviceId: '',
  name: `${deployable}-v2.dpl`,
  sysId: `s-${deployable}`,
  number: 'SNAP1',
  changeset: 'Chset-7',
  source: 'changeset',
  validation,
  published: false,
  failures: 0,
  warnings: 0,
  exceptions: 0,
});

const gateResult = (snapshots: GatedSnapshot[]): GateResult => ({
  status: 'passed',
  passed: true,
  problems: [],
  snapshots,
  findings: [
    {
      deployable: 'Production',
      snapshot: 'Production-v2.dpl',
      policy: 'Ports',
      severity: 'warning',
      description: 'port 80',
      nodePath: '/a',
    },
  ],
  sarif: { path: '/t/cdm.sarif', bytes: 1, sha256: 'a' },
  results: { path: '/t/cdm.json', bytes: 1, sha256: 'b' },
  published: ['Production-v2.dpl'],
  alreadyPublished: [],
});

describe('cdm-validate outputs', () => {
  const production = snapshot('Production', 'passed');
  const staging = snapshot('Staging', 'failed');

  it('sets snapshots and their status as soon as one is known, the names only once all are found', () => {
    const found = set(validateOutputs({ snapshots: [production], allFound: false }));
    expect(Object.keys(found)).toEqual(['snapshots', 'validation-status']);
    expect(found['validation-status']).toBe('passed');
    expect(set(validateOutputs({ snapshots: [production, staging], allFound: true }))).toMatchObject({
      'snapshot-names': { Production: 'Production-v2.dpl', Staging: 'Staging-v2.dpl' },
      'validation-status': 'failed',
    });
    expect(set(validateOutputs({ snapshots: [production, staging], allFound: true }))).not.toHaveProperty(
      'snapshot-name',
    );
    expect(set(validateOutputs({ snapshots: [production], allFound: true }))).toMatchObject({
      'snapshot-name': 'Production-v2.dpl',
      'snapshot-id': 's-Production',
    });
    expect(set(validateOutputs({ snapshots: [], allFound: false }))).toEqual({ snapshots: [] });
  });

  it('sets every output from the result once the gate ended, published included', () => {
    const outputs = set(validateOutputs({ snapshots: [production], allFound: true, result: gateResult([production]) }));
    expect(Object.keys(outputs)).toEqual([
      'snapshots',
      'snapshot-name',
      'snapshot-id',
      'snapshot-names',
      'validation-status',
      'validation-results',
      'failures',
      'warnings',
      'sarif-file',
      'results-file',
      'published',
    ]);
    expect(outputs).toMatchObject({
      failures: 0,
      warnings: 1,
      'sarif-file': '/t/cdm.sarif',
      'results-file': '/t/cdm.json',
      published: ['Production-v2.dpl'],
    });
  });
});

describe('cdm-upload gate outputs', () => {
  it('maps the gate to the same names as cdm-validate, without published (ServiceNow publishes)', () => {
    const production = snapshot('Production', 'passed');
    expect(set(gateOutputs({ snapshots: [production], allFound: false }))).toEqual(
      set(validateOutputs({ snapshots: [production], allFound: false })),
    );
    const outputs = set(gateOutputs({ result: gateResult([production]) }));
    expect(outputs).not.toHaveProperty('published');
    expect(outputs).toMatchObject({ 'snapshot-name': 'Production-v2.dpl', warnings: 1, 'results-file': '/t/cdm.json' });
  });
});

describe('dev2prod-promote outputs', () => {
  it('takes the export outputs from the export and totals from the import over the dry run', () => {
    const exported = { status: 'COMPLETED', fileId: 'f1', packageBundleName: 'Bundle', itemCount: 0, statistics: [] };
    expect(set(promoteOutputs({ exportId: 'x1', export: exported }))).toEqual({
      'export-id': 'x1',
      'source-file-id': 'f1',
      'package-bundle-name': 'Bundle',
      'item-count': 0,
    });
    const judgement = { passed: true, reasons: [] };
    const dryRun = { id: 'd1', status: importStatus({ rawTotals: { Added: 1 } }), judgement };
    const imported = { id: 'i1', status: importStatus({ rawTotals: { Added: 2 } }), judgement };
    expect(set(promoteOutputs({ dryRun, dryRunOutcome: 'passed' }))).toMatchObject({
      totals: { Added: 1 },
      'dry-run-outcome': 'passed',
    });
    expect(set(promoteOutputs({ dryRun, import: imported, dryRunOutcome: 'passed' })).totals).toEqual({ Added: 2 });
  });
});

describe('cdm-application outputs', () => {
  it('sets what the operation returned, the result always', () => {
    expect(set(operationOutputs({ appId: 'a1', result: { data: 'a1' }, rows: [] }))).toEqual({
      'app-id': 'a1',
      result: { data: 'a1' },
    });
    expect(set(operationOutputs({ sharedComponents: [], result: [], rows: [] }))).toEqual({
      'shared-components': [],
      result: [],
    });
  });
});

describe('dev2prod import report', () => {
  it('escapes vendor text in the table, so a | in a package name cannot break it', () => {
    const status = importStatus({
      results: [
        {
          packageName: 'A|B\nC',
          statistics: { Added: 1, Failed: 0 },
          failed: 0,
          errors: [],
          warnings: [],
        },
      ],
      totals: { Added: 1, Failed: 0 },
    });
    const markdown = importReport(new Summary(), 'Dry run', status, { passed: true, reasons: [] }).toMarkdown();
    expect(markdown).toContain('### Dry run: passed');
    expect(markdown).toContain('| A\\|B C | 1 | 0 | 0 | 0 |');
    expect(markdown).toContain('| --- | ---: | ---: | ---: | ---: |');
  });

  it('a statistic a package leaves out reads 0, not blank', () => {
    const status = importStatus({
      results: [
        { packageName: 'forms', statistics: { Added: 3, Failed: 0 }, failed: 0, errors: [], warnings: [] },
        { packageName: 'rules', statistics: { Modified: 2 }, failed: 0, errors: [], warnings: [] },
      ],
      totals: { Added: 3, Modified: 2, Failed: 0 },
    });
    const markdown = importReport(new Summary(), 'Import', status, { passed: true, reasons: [] }).toMarkdown();
    expect(markdown).toContain('| forms | 3 | 0 | 0 | 0 | 0 |');
    expect(markdown).toContain('| rules | 0 | 2 | 0 | 0 | 0 |');
    expect(markdown).toContain('| **Total** | **3** | **2** | **0** | **0** | **0** |');
  });
});
