/**
 * The gate as an action step runs it, the same in cdm-validate and cdm-upload: outputs set as soon as the snapshots
 * are known, the result's outputs and annotations at the end, and the failure the step ends with.
 */
import { JobFailedError } from '../errors.js';
import type { ApiClient } from '../http/client.js';
import type { Report } from '../report/known.js';
import type { Outputs } from '../report/outputs.js';
import type { Runtime } from '../runtime.js';
import type { ServiceNowConnection } from '../vendors/servicenow/connection.js';
import { runValidationGate } from './gate.js';
import { annotateFindings, setGateOutputs, setSnapshotOutputs } from './report.js';
import type { GateResult, GateSettings } from './types.js';

/** How long a requested validation may show no sign of starting. */
const START_GRACE_MS = 10_000;

export interface GateStepDeps {
  client: ApiClient;
  connection: ServiceNowConnection;
  runtime: Runtime;
  outputs: Outputs;
  /** The step has a `published` output (cdm-validate; cdm-upload leaves publishing to ServiceNow). */
  publishedOutput: boolean;
  /** Also told of the snapshots as they become known (for the summary of a run that fails part-way). */
  report?: Report<GateResult>;
}

export async function runGateStep(
  settings: Omit<GateSettings, 'startGraceMs'>,
  deps: GateStepDeps,
): Promise<GateResult> {
  const { outputs, runtime } = deps;
  const result = await runValidationGate(
    { ...settings, startGraceMs: START_GRACE_MS },
    {
      client: deps.client,
      connection: deps.connection,
      runtime,
      toolVersion: process.env.GITHUB_ACTION_REF || undefined,
      report: ({ snapshots, allFound }) => {
        if (!snapshots) return;
        setSnapshotOutputs(outputs, snapshots, allFound ?? false);
        deps.report?.({ snapshots: [...snapshots] });
      },
    },
  );
  setGateOutputs(outputs, result, runtime.logger, deps.publishedOutput);
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
