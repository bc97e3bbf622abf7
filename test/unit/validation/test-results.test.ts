/**
 * The gate's result as the report files' test cases and findings: per snapshot its validation and each policy that
 * reported, Code Quality fields as GitLab reads them, and a finding with no file on line 1 of the only uploaded file.
 */
import { describe, expect, it } from '@jest/globals';
import { fingerprint } from '../../../shared/validation/sarif.js';
import { gateRunResults } from '../../../shared/validation/test-results.js';
import type { Finding, GateResult, GatedSnapshot } from '../../../shared/validation/types.js';

const snapshot = (name: string, validation: string): GatedSnapshot => ({
  deployable: 'Production',
  deployableSysId: 'd1',
  serviceId: '',
  name,
  sysId: `s-${name}`,
  number: name,
  changeset: 'Chset-1',
  source: 'changeset',
  validation,
  published: false,
  failures: 0,
  warnings: 0,
  exceptions: 0,
});

const finding = (policy: string, severity: Finding['severity'], file?: string): Finding => ({
  deployable: 'Production',
  snapshot: 'v1',
  policy,
  severity,
  description: `${policy} says no`,
  nodePath: `root/${policy}`,
  ...(file ? { file, line: 7 } : {}),
});

const gate = (findings: Finding[], snapshots = [snapshot('v1', 'failed')]): GateResult => ({
  status: 'failed',
  passed: false,
  problems: ['1 failure'],
  snapshots,
  findings,
  sarif: { path: '/w/a.sarif', bytes: 1, sha256: '' },
  results: { path: '/w/r.json', bytes: 1, sha256: '' },
  published: [],
  alreadyPublished: [],
});

const ONE_FILE = [{ file: '/w/config/app.json', namePath: 'app/settings' }];

describe('gateRunResults', () => {
  it('has one test case per snapshot and per policy that reported, failed by failures only', () => {
    const findings = [
      finding('PortRange', 'failure', 'config/app.json'),
      finding('PortRange', 'warning', 'config/app.json'),
      finding('Naming', 'warning'),
    ];
    const { testCases } = gateRunResults(
      gate(findings, [snapshot('v1', 'failed'), snapshot('v2', 'passed')]),
      ONE_FILE,
      '/w',
    );
    expect(testCases).toEqual([
      { suite: 'Production / v1', classname: 'Production', name: 'validation of v1', failure: 'Validation failed' },
      {
        suite: 'Production / v1',
        classname: 'Production',
        name: 'PortRange',
        failure: 'config/app.json:7: PortRange says no',
      },
      { suite: 'Production / v1', classname: 'Production', name: 'Naming', failure: undefined },
      { suite: 'Production / v2', classname: 'Production', name: 'validation of v2', failure: undefined },
    ]);
  });

  it('maps severities and places a finding with no file on line 1 of the only uploaded file', () => {
    const noFile = finding('Naming', 'exception');
    const { findings } = gateRunResults(
      gate([finding('PortRange', 'warning', 'config/app.json'), noFile]),
      ONE_FILE,
      '/w',
    );
    expect(findings).toEqual([
      expect.objectContaining({ checkName: 'PortRange', severity: 'minor', path: 'config/app.json', line: 7 }),
      {
        description: 'Naming says no',
        checkName: 'Naming',
        fingerprint: fingerprint(noFile),
        severity: 'info',
        path: 'config/app.json',
        line: 1,
      },
    ]);
  });

  it('leaves a finding with no file out of the findings when several files were uploaded, and keeps fingerprints unique', () => {
    const twoFiles = [...ONE_FILE, { file: '/w/config/b.json', namePath: 'app/b' }];
    const located = finding('PortRange', 'failure', 'config/app.json');
    const { findings, testCases } = gateRunResults(
      gate([located, { ...located }, finding('Naming', 'failure')]),
      twoFiles,
      '/w',
    );
    expect(findings.map((f) => f.checkName)).toEqual(['PortRange']);
    expect(testCases.find((t) => t.name === 'Naming')?.failure).toBe('node root/Naming: Naming says no');
  });
});
