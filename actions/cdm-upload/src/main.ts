/** cdm-upload: inputs (with local file checks) → uploads into one changeset → outputs and job summary. */
import * as path from 'node:path';
import { Known } from '../../../shared/report/known.js';
import { setOutputs, type OutputValue } from '../../../shared/report/outputs.js';
import { runAction, type ActionContext, type RunOptions } from '../../../shared/frame/run.js';
import { formatDuration } from '../../../shared/runtime.js';
import { serviceNowClient } from '../../../shared/vendors/servicenow/connection.js';
import { gateValues, gateVerdict, summarizeGate, type GateReport } from '../../../shared/validation/report.js';
import type { GateInputs } from '../../../shared/validation/inputs.js';
import { gateFailure, runGateStep, type GateStepDeps } from '../../../shared/validation/step.js';
import { gateRunResults } from '../../../shared/validation/test-results.js';
import type { GateResult } from '../../../shared/validation/types.js';
import { readUploadInputs } from './config.js';
import type { UploadConfig, UploadResult } from './types.js';
import { plannedFiles, runUploads } from './upload.js';

export function run(options: Partial<RunOptions> = {}): Promise<void> {
  return runAction({ title: 'ServiceNow CDM upload', ...options }, main);
}

async function main(context: ActionContext): Promise<string> {
  const { inputs, outputs, summary, logger } = context;
  const { config, runtime, asFile, gate: gateInputs } = await readUploadInputs(inputs, context.runtime);
  const { connection, items, options } = config;
  const { appName, target, collectionName, deployableName } = options;

  const client = serviceNowClient(connection, runtime);
  logger.info(`Uploading ${items.length} item(s) to ${appName} (${target}${asFile ? ', as file nodes' : ''}).`);
  const uploads = new Known<UploadResult>((part) => setOutputs(outputs, uploadOutputs(part)));
  const gated = new Known<GateReport>((part) => setOutputs(outputs, gateOutputs(part)));
  try {
    const uploaded = await runUploads(config, { client, runtime, report: uploads.report });
    uploads.report(uploaded);
    const gate =
      gateInputs &&
      (await gateTheCommit(config, gateInputs, uploaded, { client, connection, runtime, report: gated.report }));
    if (gate && gateInputs) context.reportResults(gateRunResults(gate, uploadedFiles(uploaded), gateInputs.workspace));
    const failure = gate && gateFailure(gate);
    if (failure) throw failure;
    const changeset = uploaded.changesetNumber ? ` in changeset ${uploaded.changesetNumber}` : '';
    const state = uploaded.changesetState ? ` (${uploaded.changesetState})` : '';
    return `✅ Uploaded ${uploaded.files.length} item(s) to ${appName}${changeset}${state}${gate ? `; ${gateVerdict(gate)}` : ''}.`;
  } finally {
    const gate = gated.value.result;
    summarizeGate(summary, gate?.snapshots ?? gated.value.snapshots ?? [], gate);
    const done = uploads.value;
    const files = done.files ?? plannedFiles(items);
    summary.details([
      ['Instance', connection.instanceUrl],
      ['Application', appName],
      ['Target', [target, collectionName, deployableName].filter(Boolean).join(' ')],
      ['Changeset', done.changesetNumber],
      ['Changeset state', done.changesetState],
      ['Elapsed', formatDuration(runtime.deadline.elapsed())],
    ]);
    summary.fold(`Files: ${files.length}`, (inner) =>
      inner.table(
        ['File', 'Name path', 'Upload id', 'State'],
        files.map((f) => [
          f.file ? path.relative(process.cwd(), f.file) || f.file : 'content',
          f.namePath ?? '',
          f.uploadId ?? '',
          f.state,
        ]),
        { rest: 'the files output lists them all' },
      ),
    );
  }
}

/** The step's outputs for what the uploads reported; the ones not reported yet are left out. */
export function uploadOutputs(part: Partial<UploadResult>): Record<string, OutputValue | undefined> {
  const uploadIds = part.files?.flatMap((f) => (f.uploadId ? [f.uploadId] : []));
  return {
    'changeset-number': part.changesetNumber || undefined,
    'changeset-state': part.changesetState,
    'upload-id': part.uploadId,
    'upload-ids': uploadIds?.length ? uploadIds : undefined,
    files: part.files,
    state: part.state,
  };
}

/** The gate over the snapshots the commit created: ServiceNow validates them itself when the upload asked it to. */
function gateTheCommit(
  config: UploadConfig,
  gateInputs: GateInputs,
  uploaded: UploadResult,
  deps: GateStepDeps,
): Promise<GateResult> {
  return runGateStep(
    {
      appName: config.options.appName,
      changesetNumber: uploaded.changesetNumber,
      deployableNames: [],
      revalidate: false,
      publish: false,
      serverValidates: config.autoValidate,
      uploadedFiles: uploadedFiles(uploaded),
      pollIntervalMs: config.pollIntervalMs,
      ...gateInputs,
    },
    deps,
  );
}

/** The files the gate maps findings to: each uploaded file with its name path. */
function uploadedFiles(uploaded: UploadResult): { file: string; namePath: string }[] {
  return uploaded.files.flatMap((f) => (f.file && f.namePath ? [{ file: f.file, namePath: f.namePath }] : []));
}

/** The step's outputs for what the gate after the commit reported (`validate: true`); unknown ones are left out. */
export function gateOutputs(part: Partial<GateReport>): Record<string, OutputValue | undefined> {
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
  };
}
