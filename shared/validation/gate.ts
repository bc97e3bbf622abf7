/**
 * The policy-validation gate, the one flow behind cdm-validate and cdm-upload's `validate: true`: find the gated
 * snapshots, bring each to a final validation state, read the per-policy results, map them to file lines, write
 * the results and SARIF files, and only then publish. It returns a typed result; it never touches @actions/core:
 * snapshots reach the caller the moment they are known through `report`.
 */
import { ApiError, errorMessage } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import type { ApiClient } from '../http/client.js';
import type { Report } from '../report/known.js';
import type { Runtime } from '../runtime.js';
import { getPolicyResults, MAX_RESULT_ROWS } from '../vendors/servicenow/cdm-policy-results.js';
import { getSnapshotValidation, publishSnapshot } from '../vendors/servicenow/cdm-snapshots.js';
import type { ServiceNowConnection } from '../vendors/servicenow/connection.js';
import { FileLines, toFindings } from './findings.js';
import { buildSarif } from './sarif.js';
import { findGatedSnapshots } from './targets.js';
import {
  snapshotStatus,
  worstStatus,
  type Finding,
  type GatedSnapshot,
  type GateResult,
  type GateSettings,
} from './types.js';
import { bringToFinalState } from './validate.js';

export interface GateDeps {
  client: ApiClient;
  connection: ServiceNowConnection;
  runtime: Runtime;
  /** Told every gated snapshot known so far, each time one is found or changes. */
  report: Report<GateProgress>;
  /** The version of the action, for the SARIF tool. */
  toolVersion?: string;
}

/** What the gate knows before it ends. */
export interface GateProgress {
  snapshots: readonly GatedSnapshot[];
  /** True once every gated snapshot has been found. */
  allFound: boolean;
}

export async function runValidationGate(settings: GateSettings, deps: GateDeps): Promise<GateResult> {
  const { client, connection, runtime } = deps;
  const { logger } = runtime;
  const snapshots: GatedSnapshot[] = [];
  let complete = false;
  const report = () => deps.report({ snapshots: [...snapshots], allFound: complete });
  await findGatedSnapshots(settings, {
    client,
    connection,
    runtime,
    onSnapshot: (snapshot) => {
      snapshots.push(snapshot);
      report();
    },
  });
  complete = true;
  report();
  await bringToFinalState(snapshots, settings, { client, connection, runtime, onChange: report });

  const findings: Finding[] = [];
  const problems: string[] = [];
  const lines = new FileLines(settings.workspace, runtime);
  for (const snapshot of snapshots) {
    const status = snapshotStatus(snapshot);
    if (snapshot.didNotStart || status === 'not_validated') {
      problems.push(
        snapshot.didNotStart
          ? `${snapshot.deployable}: the validation of ${snapshot.name} did not start`
          : `${snapshot.deployable}: ${snapshot.name} has no validation (${snapshot.validation})`,
      );
      continue;
    }
    const results = await getPolicyResults(client, snapshot.sysId);
    if (results.truncated) {
      logger.warning(
        `${snapshot.name} has more than ${MAX_RESULT_ROWS} policy result rows; only the first ${MAX_RESULT_ROWS} are reported. The gate still follows the snapshot's validation state.`,
        'Policy results cut short',
      );
    }
    const own = await toFindings(snapshot, results.rows, settings.uploadedFiles, lines, settings.workspace, logger);
    findings.push(...own);
    snapshot.failures = own.filter((f) => f.severity === 'failure').length;
    snapshot.warnings = own.filter((f) => f.severity === 'warning').length;
    snapshot.exceptions = own.filter((f) => f.severity === 'exception').length;
    problems.push(...verdictProblems(snapshot, status, settings));
    if (!own.length && status === 'passed') {
      logger.warning(
        `${snapshot.name} passed with no policy results: no policy may be mapped to deployable ${snapshot.deployable}.`,
        'No policy results',
      );
    }
  }
  report();

  // Written before publishing, so that a failed publish loses nothing.
  const status = worstStatus(snapshots.map(snapshotStatus));
  const sarif = await writeFileAtomic(
    settings.sarifFile,
    `${JSON.stringify(buildSarif(findings, { toolVersion: deps.toolVersion }), null, 2)}\n`,
  );
  const resultsFile = () =>
    writeFileAtomic(
      settings.resultsFile,
      `${JSON.stringify({ status, passed: !problems.length, problems, snapshots: snapshots.map(snapshotSummary), findings }, null, 2)}\n`,
    );
  let results = await resultsFile();

  const published: string[] = [];
  if (settings.publish) {
    if (problems.length) {
      logger.info('Nothing is published: the gate failed.');
    } else {
      for (const snapshot of snapshots) {
        const problem = await publish(snapshot, deps);
        if (problem) problems.push(problem);
        else if (snapshot.published) published.push(snapshot.name);
      }
      report();
      if (problems.length) results = await resultsFile();
    }
  }
  return { status, passed: !problems.length, problems, snapshots, findings, sarif, results, published };
}

function verdictProblems(snapshot: GatedSnapshot, status: string, settings: GateSettings): string[] {
  const counts = `${snapshot.failures} failure(s), ${snapshot.warnings} warning(s), ${snapshot.exceptions} exception(s)`;
  const problems: string[] = [];
  if (status === 'failed' || status === 'execution_error') {
    problems.push(
      `${snapshot.deployable}: ${snapshot.name} ${status === 'failed' ? 'failed validation' : 'could not be validated (execution_error: a policy did not finish)'}` +
        (snapshot.failures + snapshot.warnings
          ? ` — ${counts}`
          : ' — ServiceNow gave no per-policy result; open the snapshot in DevOps Config'),
    );
  } else if (status === 'passed' && snapshot.failures) {
    problems.push(
      `${snapshot.deployable}: ServiceNow reports ${snapshot.name} passed, yet ${snapshot.failures} policy result(s) are failures; the gate fails rather than guess`,
    );
  }
  if (status === 'passed_with_exception' && settings.failOnExceptions) {
    problems.push(`${snapshot.deployable}: ${snapshot.name} passed only with an exception (fail-on-exceptions: true)`);
  }
  if (snapshot.warnings && settings.failOnWarnings && !problems.length) {
    problems.push(
      `${snapshot.deployable}: ${snapshot.name} has ${snapshot.warnings} warning(s) (fail-on-warnings: true)`,
    );
  }
  return problems;
}

/** Publishes one passed snapshot; returns what went wrong, if anything. */
async function publish(snapshot: GatedSnapshot, deps: GateDeps): Promise<string | undefined> {
  const { logger } = deps.runtime;
  if (snapshot.published) {
    logger.info(`${snapshot.name} is already published.`);
    return undefined;
  }
  if (!snapshot.serviceId) {
    return `${snapshot.deployable}: ${snapshot.name} was not published: the deployable is not connected to a service. Connect the deployable to a service in DevOps Config before publishing`;
  }
  try {
    await publishSnapshot(deps.client, deps.connection, snapshot.sysId);
  } catch (error) {
    // The publish may have happened even though the answer was an error (or it was published meanwhile).
    const now = await getSnapshotValidation(deps.client, snapshot.sysId).catch(() => undefined);
    if (now?.published) {
      snapshot.published = true;
      logger.info(
        `${snapshot.name} is published (ServiceNow answered the publish with an error, but it is published).`,
      );
      return undefined;
    }
    const message = error instanceof ApiError ? error.vendorMessage : errorMessage(error);
    return `${snapshot.deployable}: publishing ${snapshot.name} failed: ${message}. The results and SARIF files are written; publish it in DevOps Config once the cause is fixed, or re-run with publish: true`;
  }
  snapshot.published = true;
  logger.info(`Published ${snapshot.name}.`);
  return undefined;
}

/** A snapshot as the `snapshots` output and the results file show it. */
export function snapshotSummary(snapshot: GatedSnapshot) {
  return {
    deployable: snapshot.deployable,
    name: snapshot.name,
    sys_id: snapshot.sysId,
    number: snapshot.number,
    changeset: snapshot.changeset,
    source: snapshot.source,
    validation: snapshot.didNotStart ? 'not_validated' : snapshot.validation,
    published: snapshot.published,
    failures: snapshot.failures,
    warnings: snapshot.warnings,
    exceptions: snapshot.exceptions,
  };
}
