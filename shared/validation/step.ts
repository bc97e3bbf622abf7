/**
 * The gate as an action step runs it, the same in cdm-validate and cdm-upload: the snapshots reported as soon as
 * they are known, the result reported and annotated at the end, and the failure the step ends with. Each action maps
 * what is reported to its own outputs.
 */
import { JobFailedError } from '../errors.js';
import type { ApiClient } from '../http/client.js';
import type { Report } from '../report/known.js';
import type { Runtime } from '../runtime.js';
import type { ServiceNowConnection } from '../vendors/servicenow/connection.js';
import { runValidationGate } from './gate.js';
import { annotateFindings, noticeShortenedFindings, type GateReport } from './report.js';
import type { GateResult, GateSettings } from './types.js';

/** How long a requested validation may show no sign of starting. */
const START_GRACE_MS = 10_000;

export interface GateStepDeps {
  client: ApiClient;
  connection: ServiceNowConnection;
  runtime: Runtime;
  /** Told of the snapshots as they become known, and of the result once the gate ends. */
  report: Report<GateReport>;
}

export async function runGateStep(
  settings: Omit<GateSettings, 'startGraceMs'>,
  deps: GateStepDeps,
): Promise<GateResult> {
  const { runtime } = deps;
  const result = await runValidationGate(
    { ...settings, startGraceMs: START_GRACE_MS },
    {
      client: deps.client,
      connection: deps.connection,
      runtime,
      toolVersion: process.env.GITHUB_ACTION_REF || undefined,
      report: ({ snapshots, allFound }) => {
        if (snapshots) deps.report({ snapshots: [...snapshots], allFound: allFound ?? false });
      },
    },
  );
  deps.report({ snapshots: result.snapshots, allFound: true, result });
  noticeShortenedFindings(result, runtime.logger);
  annotateFindings(result.findings, runtime.logger);
  if (result.passed) runtime.logger.info(`Policy validation passed: ${result.status}.`);
  return result;
}

/** The error a failed gate ends the step with; undefined when it passed. */
export function gateFailure(result: GateResult): JobFailedError | undefined {
  if (result.passed) return undefined;
  return new JobFailedError(`The policy validation gate failed (${result.status})`, {
    jobId: 'Policy validation',
    state: result.status,
    errors: result.problems,
    hint: 'Each finding is an annotation and a row of the results file',
  });
}
