/**
 * One snapshot's verdict, from its final validation state and every result row behind it: a failure row that no
 * exception covers fails the gate whatever the state says, and a state its rows contradict is said. Contradictions
 * that show a failure (a failed state, a failure row) fail closed; those that show none (a pass with no excepted
 * row, or excepted rows under a plain pass) pass with a warning, since nothing in them failed.
 */
import type { GatedSnapshot, GateSettings } from './types.js';

export interface SnapshotVerdict {
  /** Why the gate fails for this snapshot, one sentence each. */
  problems: string[];
  /** What disagrees between the state and the rows without failing the gate. */
  oddities: string[];
}

export function judgeSnapshot(
  snapshot: GatedSnapshot,
  status: string,
  settings: Pick<GateSettings, 'failOnWarnings' | 'failOnExceptions'>,
  /** The rows were cut short: a row missing from them proves nothing. */
  truncated: boolean,
): SnapshotVerdict {
  const { deployable, name, failures, warnings, exceptions } = snapshot;
  const counts = `${failures} failure(s), ${warnings} warning(s), ${exceptions} exception(s)`;
  const problems: string[] = [];
  const oddities: string[] = [];
  if (status === 'failed') {
    problems.push(
      failures || truncated
        ? `${deployable}: ${name} failed validation — ${counts}`
        : `${deployable}: ${name} failed validation, yet none of its policy results is a failure — ${counts}; open the snapshot in DevOps Config`,
    );
  } else if (status === 'execution_error') {
    problems.push(
      `${deployable}: ${name} could not be validated (execution_error: a policy did not finish)` +
        (failures + warnings
          ? ` — ${counts}`
          : ' — ServiceNow gave no per-policy result; open the snapshot in DevOps Config'),
    );
  } else if (failures) {
    problems.push(
      `${deployable}: ServiceNow reports ${name} ${status}, yet ${failures} policy result(s) are failures${status === 'passed_with_exception' ? ' that no exception covers' : ''}; the gate fails rather than guess`,
    );
  }
  if (status === 'passed_with_exception' && !exceptions && !truncated) {
    oddities.push(
      `ServiceNow reports ${name} passed_with_exception, yet none of its policy results is an excepted failure`,
    );
  }
  if (status === 'passed' && exceptions) {
    oddities.push(`ServiceNow reports ${name} passed, yet ${exceptions} policy result(s) are excepted failures`);
  }
  if (settings.failOnExceptions && status === 'passed_with_exception') {
    problems.push(`${deployable}: ${name} passed only with an exception (fail-on-exceptions: true)`);
  } else if (settings.failOnExceptions && exceptions) {
    problems.push(`${deployable}: ${name} has ${exceptions} excepted failure(s) (fail-on-exceptions: true)`);
  }
  if (warnings && settings.failOnWarnings && !problems.length) {
    problems.push(`${deployable}: ${name} has ${warnings} warning(s) (fail-on-warnings: true)`);
  }
  return { problems, oddities };
}
