/**
 * The policy-validation gate, the one flow behind cdm-validate and cdm-upload's `validate: true`: find the gated
 * snapshots, bring each to a final validation state, read the per-policy results, map them to file lines, write
 * the results and SARIF files, and only then publish. It returns a typed result; it never touches @actions/core:
 * snapshots reach the caller the moment they are known through `report`.
 */
import { ApiError, errorMessage } from '../errors.js';
import type { ApiClient } from '../http/client.js';
import type { Report } from '../report/known.js';
import { writeTextFile } from '../report/redacted-file.js';
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
import { judgeSnapshot } from './verdict.js';

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
    const verdict = judgeSnapshot(snapshot, status, settings, results.truncated);
    problems.push(...verdict.problems);
    for (const odd of verdict.oddities) logger.warning(`${odd}.`, 'Validation state and results disagree');
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
  const sarif = await writeTextFile(
    settings.sarifFile,
    `${JSON.stringify(buildSarif(findings, { toolVersion: deps.toolVersion }), null, 2)}\n`,
    logger,
  );
  const resultsFile = () =>
    writeTextFile(
      settings.resultsFile,
      `${JSON.stringify({ status, passed: !problems.length, problems, snapshots: snapshots.map(snapshotSummary), findings }, null, 2)}\n`,
      logger,
    );
  let results = await resultsFile();

  const published: string[] = [];
  const alreadyPublished: string[] = [];
  if (settings.publish) {
    if (problems.length) {
      logger.info('Nothing is published: the gate failed.');
    } else {
      for (const snapshot of snapshots) {
        const outcome = await publish(snapshot, deps);
        if (outcome === 'published') published.push(snapshot.name);
        else if (outcome === 'already published') alreadyPublished.push(snapshot.name);
        else problems.push(outcome.problem);
      }
      report();
      if (problems.length) results = await resultsFile();
    }
  }
  return {
    status,
    passed: !problems.length,
    problems,
    snapshots,
    findings,
    sarif,
    results,
    published,
    alreadyPublished,
  };
}

/**
 * Publishes one passed snapshot: whether this run published it, found it already published, or what went wrong.
 * A publish that answered an error while the snapshot is published counts as already published (it may have been
 * published meanwhile), so the `published` output never claims what this run may not have done.
 */
async function publish(
  snapshot: GatedSnapshot,
  deps: GateDeps,
): Promise<'published' | 'already published' | { problem: string }> {
  const { logger } = deps.runtime;
  if (snapshot.published) {
    logger.info(`${snapshot.name} is already published.`);
    return 'already published';
  }
  if (!snapshot.serviceId) {
    return {
      problem: `${snapshot.deployable}: ${snapshot.name} was not published: the deployable is not connected to a service. Connect the deployable to a service in DevOps Config before publishing`,
    };
  }
  try {
    await publishSnapshot(deps.client, deps.connection, snapshot.sysId);
  } catch (error) {
    // The publish may have happened even though the answer was an error (or it was published meanwhile).
    const now = await getSnapshotValidation(deps.client, snapshot.sysId).catch(() => undefined);
    if (now?.published) {
      snapshot.published = true;
      logger.info(
        `${snapshot.name} is already published (ServiceNow answered the publish with an error, but it is published).`,
      );
      return 'already published';
    }
    const message = error instanceof ApiError ? error.vendorMessage : errorMessage(error);
    return {
      problem: `${snapshot.deployable}: publishing ${snapshot.name} failed: ${message}. The results and SARIF files are written; publish it in DevOps Config once the cause is fixed, or re-run with publish: true`,
    };
  }
  snapshot.published = true;
  logger.info(`Published ${snapshot.name}.`);
  return 'published';
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
