/**
 * What a run hands its host for the report files a CI reads (JUnit, GitLab Code Quality): test cases and findings,
 * typed, so no host re-reads outputs or results files as strings. An action that reports none gets one test case
 * for the job (runAction adds it).
 */

export interface TestCase {
  /** The group it belongs to, e.g. `payments-v1 / Snapshot-12` or `dry run 4711`. */
  suite: string;
  name: string;
  classname?: string;
  /** Why it failed; undefined when it passed. */
  failure?: string;
}

export type FindingSeverity = 'major' | 'minor' | 'info';

export interface RunFinding {
  description: string;
  /** The policy (or check) that reported it. */
  checkName: string;
  /** Stable across runs and unique per finding: the same value as the SARIF `partialFingerprints`. */
  fingerprint: string;
  severity: FindingSeverity;
  /** Relative to the working directory, `/`-separated; undefined when the finding maps to no file. */
  path?: string;
  line?: number;
}

export interface RunResults {
  testCases: TestCase[];
  findings: RunFinding[];
}

/** The job as one test case, failed with the run's error: for actions that have nothing finer to report. */
export function jobResults(action: string, failure: string | undefined): RunResults {
  return { testCases: [{ suite: action, name: action, failure }], findings: [] };
}

/**
 * A failed run's results always hold a failed test case (fail closed): when none of the action's own explains the
 * failure (a timeout after a passed dry run, an artifact refused), one for the job is added.
 */
export function withRunFailure(
  results: RunResults | undefined,
  action: string,
  failure: string | undefined,
): RunResults {
  if (!results) return jobResults(action, failure);
  if (failure === undefined || results.testCases.some((t) => t.failure !== undefined)) return results;
  return { ...results, testCases: [...results.testCases, ...jobResults(action, failure).testCases] };
}
