/** cdm-validate: inputs → the shared validation gate → outputs, annotations, job summary, artifact. */
import { summaryFileName } from '../../../shared/fs/file-name.js';
import { errorMessage } from '../../../shared/errors.js';
import { readArtifactInputs } from '../../../shared/report/artifact.js';
import { Known } from '../../../shared/report/known.js';
import { setOutputs, type OutputValue } from '../../../shared/report/outputs.js';
import { runAction, type ActionContext, type RunOptions } from '../../../shared/frame/run.js';
import { formatDuration } from '../../../shared/runtime.js';
import { readGateInputs, readUploadedFiles } from '../../../shared/validation/inputs.js';
import { gateValues, gateVerdict, summarizeGate, type GateReport } from '../../../shared/validation/report.js';
import { gateFailure, runGateStep } from '../../../shared/validation/step.js';
import { gateRunResults } from '../../../shared/validation/test-results.js';
import { readServiceNowConnection, serviceNowClient } from '../../../shared/vendors/servicenow/connection.js';
import { readPollInterval } from '../../../shared/poll/poll.js';

export function run(options: Partial<RunOptions> = {}): Promise<void> {
  return runAction({ title: 'ServiceNow CDM validate', ...options }, main);
}

async function main(context: ActionContext): Promise<string> {
  const { inputs, outputs, summary, logger } = context;
  const required = {
    connection: readServiceNowConnection(inputs),
    appName: inputs.string('app-name', { required: true }),
  };
  const changesetNumber = inputs.string('changeset-number');
  if (changesetNumber !== undefined && !/^[A-Za-z0-9_.-]+$/.test(changesetNumber)) {
    inputs.problem('changeset-number', 'must be a changeset number such as Chset-102', changesetNumber);
  }
  const deployableNames = inputs.list('deployable-name');
  if (!changesetNumber && !deployableNames.length) {
    inputs.problem('deployable-name', 'is required without changeset-number (or give changeset-number)');
  }
  const snapshotName = inputs.string('snapshot-name');
  if (snapshotName && changesetNumber) {
    inputs.problem('snapshot-name', 'does not go with changeset-number (the changeset decides the snapshots)');
  }
  if (snapshotName && deployableNames.length > 1) {
    inputs.problem('snapshot-name', `names one snapshot, so give one deployable-name (got ${deployableNames.length})`);
  }
  const revalidate = inputs.boolean('revalidate', false);
  const publish = inputs.boolean('publish', false);
  const gateInputs = readGateInputs(inputs);
  const uploadedFiles = readUploadedFiles(inputs);
  const artifact = readArtifactInputs(inputs);
  const timeoutMs = inputs.duration('timeout', '30m');
  const pollIntervalMs = readPollInterval(inputs, '10s');
  const { connection, appName } = inputs.finish(required);

  const runtime = context.runtime(timeoutMs);
  // What the gate found so far, for the outputs and the summary of a run that ends part-way.
  const known = new Known<GateReport>((part) => setOutputs(outputs, validateOutputs(part)));
  try {
    const result = await runGateStep(
      {
        appName,
        changesetNumber,
        deployableNames,
        snapshotName,
        revalidate,
        publish,
        serverValidates: false,
        uploadedFiles,
        pollIntervalMs,
        ...gateInputs,
      },
      {
        client: serviceNowClient(connection, runtime),
        connection,
        runtime,
        report: known.report,
      },
    );
    context.reportResults(gateRunResults(result, uploadedFiles, gateInputs.workspace));
    let artifactFailure: unknown;
    if (artifact)
      await context
        .uploadArtifact({ ...artifact, files: [result.sarif.path, result.results.path] })
        .catch((error: unknown) => (artifactFailure = error));
    const failure = gateFailure(result);
    if (failure) {
      // The gate's verdict is the step's failure; a failed artifact upload is still said, as its own annotation.
      if (artifactFailure) logger.error(errorMessage(artifactFailure), 'Artifact not uploaded');
      throw failure;
    }
    if (artifactFailure) throw artifactFailure;
    return `✅ ${appName}: ${gateVerdict(result)}.`;
  } finally {
    const { result } = known.value;
    summarizeGate(summary, result?.snapshots ?? known.value.snapshots ?? [], result);
    summary.details([
      ['Instance', connection.instanceUrl],
      ['Application', appName],
      ['Changeset', changesetNumber],
      ['SARIF file', result && summaryFileName(result.sarif.path)],
      ['Results file', result && summaryFileName(result.results.path)],
      ['Published', result?.published.join(', ')],
      ['Elapsed', formatDuration(runtime.deadline.elapsed())],
    ]);
  }
}

/** The step's outputs for what the gate reported; the ones not known yet are left out. */
export function validateOutputs(part: Partial<GateReport>): Record<string, OutputValue | undefined> {
  const values = gateValues(part);
  return {
    snapshots: values.snapshots,
    'snapshot-name': values.snapshotName,
    'snapshot-id': values.snapshotId,
    'snapshot-names': values.snapshotNames,
    'validation-status': values.validationStatus,
    'validation-results': values.validationResults,
    failures: values.failures,
    warnings: values.warnings,
    'sarif-file': values.sarifFile,
    'results-file': values.resultsFile,
    published: values.published,
  };
}
