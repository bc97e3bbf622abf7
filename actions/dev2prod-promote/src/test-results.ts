/**
 * The dry run and import as test cases for the JUnit file: one per package of each, failed when the package has
 * failures or errors; what belongs to no one package (a status, a message, unreadable counts) fails a test case for
 * the job itself when the judgement did not pass (and a job with no packages is that one test case).
 */
import type { RunResults, TestCase } from '../../../shared/report/test-results.js';
import type { ImportRun } from './imports.js';
import type { PromoteResult } from './promote.js';

export function promoteRunResults(result: Partial<PromoteResult>): RunResults | undefined {
  const runs: [string, ImportRun | undefined][] = [
    ['dry run', result.dryRun],
    ['import', result.import],
  ];
  const testCases = runs.flatMap(([label, run]) => (run ? importTestCases(`${label} ${run.id}`, run) : []));
  return testCases.length ? { testCases, findings: [] } : undefined;
}

function importTestCases(suite: string, run: ImportRun): TestCase[] {
  const cases: TestCase[] = run.status.results.map((pkg) => {
    const failed = Math.max(pkg.statistics.Failed ?? 0, pkg.failed);
    const why = [...(failed ? [`${failed} item(s) failed`] : []), ...pkg.errors];
    return { suite, name: pkg.packageName || 'unnamed package', failure: why.length ? why.join('\n') : undefined };
  });
  if (!cases.length || (!run.judgement.passed && !cases.some((c) => c.failure !== undefined))) {
    cases.push({ suite, name: suite, failure: run.judgement.passed ? undefined : run.judgement.reasons.join('\n') });
  }
  return cases;
}
