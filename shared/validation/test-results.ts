/**
 * The gate's result as test cases and findings for the report files (JUnit, Code Quality): per gated snapshot, one
 * test case for its validation state and one per policy that reported on it, failed by a failure finding. A red
 * gate always shows a failed test case, even when no snapshot or policy explains it (fail closed).
 */
import type { FindingSeverity, RunFinding, RunResults, TestCase } from '../report/test-results.js';
import { fingerprint } from './sarif.js';
import { snapshotStatus, type Finding, type GateResult, type Severity, type UploadedFileRef } from './types.js';
import { repositoryPath } from './locate.js';

const SEVERITIES: Record<Severity, FindingSeverity> = {
  failure: 'major',
  warning: 'minor',
  exception: 'info',
  information: 'info',
};

const FAILED_STATES = new Set(['failed', 'execution_error', 'not_validated']);

/**
 * `uploadedFiles` and `workspace` place a finding that maps to no file: on line 1 of the uploaded file when there is
 * exactly one, otherwise it is left out of the findings (it stays in the test cases and the results file).
 */
export function gateRunResults(
  result: GateResult,
  uploadedFiles: readonly UploadedFileRef[],
  workspace: string,
): RunResults {
  const testCases: TestCase[] = [];
  for (const snapshot of result.snapshots) {
    const suite = `${snapshot.deployable} / ${snapshot.name}`;
    const status = snapshotStatus(snapshot);
    testCases.push({
      suite,
      classname: snapshot.deployable,
      name: `validation of ${snapshot.name}`,
      failure: FAILED_STATES.has(status) ? `Validation ${snapshot.didNotStart ? 'did not start' : status}` : undefined,
    });
    const byPolicy = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      if (finding.deployable !== snapshot.deployable || finding.snapshot !== snapshot.name) continue;
      byPolicy.set(finding.policy, [...(byPolicy.get(finding.policy) ?? []), finding]);
    }
    for (const [policy, findings] of byPolicy) {
      const failures = findings.filter((f) => f.severity === 'failure');
      testCases.push({
        suite,
        classname: snapshot.deployable,
        name: policy,
        failure: failures.length ? failures.map(findingLine).join('\n') : undefined,
      });
    }
  }
  return { testCases, findings: codeQualityFindings(result.findings, uploadedFiles, workspace) };
}

function findingLine(finding: Finding): string {
  const where = finding.file ? `${finding.file}:${finding.line ?? 1}` : `node ${finding.nodePath || 'unknown'}`;
  return `${where}: ${finding.description}`;
}

function codeQualityFindings(
  findings: readonly Finding[],
  uploadedFiles: readonly UploadedFileRef[],
  workspace: string,
): RunFinding[] {
  const onlyFile = uploadedFiles.length === 1 ? repositoryPath(uploadedFiles[0].file, workspace) : undefined;
  const seen = new Set<string>();
  const kept: RunFinding[] = [];
  for (const finding of findings) {
    const path = finding.file ?? onlyFile;
    const id = fingerprint(finding);
    // Code Quality needs a location and a fingerprint unique in the report.
    if (!path || seen.has(id)) continue;
    seen.add(id);
    kept.push({
      description: finding.description,
      checkName: finding.policy,
      fingerprint: id,
      severity: SEVERITIES[finding.severity],
      path,
      line: finding.file ? (finding.line ?? 1) : 1,
    });
  }
  return kept;
}
