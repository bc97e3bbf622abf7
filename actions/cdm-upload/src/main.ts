/** cdm-upload: inputs (with local file checks) → uploads into one changeset → outputs and job summary. */
import * as path from 'node:path';
import { readPollInterval } from '../../../shared/poll/poll.js';
import { Known } from '../../../shared/report/known.js';
import { setOutputs, type OutputValue } from '../../../shared/report/outputs.js';
import { runAction, type ActionContext, type RunOptions } from '../../../shared/report/run.js';
import { formatDuration } from '../../../shared/runtime.js';
import {
  PUBLISH_OPTIONS,
  UPLOAD_DATA_FORMATS,
  UPLOAD_TARGETS,
} from '../../../shared/vendors/servicenow/cdm-uploads.js';
import { readServiceNowConnection, serviceNowClient } from '../../../shared/vendors/servicenow/connection.js';
import { readGateInputs } from '../../../shared/validation/inputs.js';
import { gateVerdict, summarizeGate } from '../../../shared/validation/report.js';
import { gateFailure, runGateStep } from '../../../shared/validation/step.js';
import { gateRunResults } from '../../../shared/validation/test-results.js';
import type { GateResult } from '../../../shared/validation/types.js';
import { collectItems } from './items.js';
import { plannedFiles, runUploads, type UploadResult } from './upload.js';

/** The server's documented default limits. */
const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const DEFAULT_MAX_FILE_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Uploads in flight at once unless `max-parallel` says otherwise. */
const DEFAULT_MAX_PARALLEL = 8;

export function run(options: Partial<RunOptions> = {}): Promise<void> {
  return runAction({ title: 'ServiceNow CDM upload', ...options }, main);
}

async function main(context: ActionContext): Promise<string> {
  const { inputs, outputs, summary, logger } = context;
  const required = {
    connection: readServiceNowConnection(inputs),
    appName: inputs.string('app-name', { required: true }),
  };
  const target = inputs.choice('target', UPLOAD_TARGETS, { default: 'component' }) ?? 'component';
  const collectionName = inputs.string('collection-name');
  const deployableName = inputs.string('deployable-name');
  for (const kind of ['collection', 'deployable'] as const) {
    inputs.requiredWith(`${kind}-name`, target === kind, `target: ${kind}`);
    inputs.onlyWith(`${kind}-name`, target === kind, `target: ${kind}`);
  }
  const asFile = inputs.boolean('as-file', false);
  if (asFile && target === 'vars') inputs.problem('as-file', 'file nodes cannot be uploaded to vars');
  const dataFormat = inputs.choice('data-format', UPLOAD_DATA_FORMATS);
  if (asFile && dataFormat)
    inputs.problem('data-format', 'does not apply with as-file: true (the file is stored as it is)');
  const dataFormatAttributes = inputs.json('data-format-attributes', 'object') as Record<string, unknown> | undefined;
  const fileName = inputs.string('file-name');
  const fileNodeName = inputs.string('file-node-name');
  for (const name of ['file-name', 'file-node-name']) inputs.onlyWith(name, asFile, 'as-file: true');
  const autoCommit = inputs.boolean('auto-commit', true);
  const autoValidate = inputs.boolean('auto-validate', false);
  const publishOption = inputs.choice('publish-option', PUBLISH_OPTIONS, { default: 'publish_none' }) ?? 'publish_none';
  if (!autoCommit && (autoValidate || publishOption === 'publish_valid')) {
    inputs.problem(autoValidate ? 'auto-validate' : 'publish-option', 'only applies with auto-commit: true');
  }
  const changesetNumber = inputs.string('changeset-number');
  const autoDelete = inputs.boolean('auto-delete', false);
  const deleteRedundantOverrides = inputs.boolean('delete-redundant-overrides', true);
  const identifierKeys = inputs.list('identifier-keys');
  const ignoreAttributes = inputs.boolean('ignore-attributes', false);
  const sharedLibraryName = inputs.string('shared-library-name');
  const maxUploadBytes = inputs.size(
    'max-upload-size',
    asFile ? DEFAULT_MAX_FILE_UPLOAD_BYTES : DEFAULT_MAX_UPLOAD_BYTES,
  );
  const validate = inputs.boolean('validate', false);
  if (validate && !autoCommit) inputs.problem('validate', 'needs auto-commit: true (the commit creates the snapshots)');
  const gateInputs = readGateInputs(inputs);
  for (const name of ['fail-on-warnings', 'fail-on-exceptions', 'sarif-file', 'results-file'])
    inputs.onlyWith(name, validate, 'validate: true');
  const timeoutMs = inputs.duration('timeout', '30m');
  const pollIntervalMs = readPollInterval(inputs, '10s');
  const maxParallel = inputs.integer('max-parallel', { min: 1, default: DEFAULT_MAX_PARALLEL }) ?? DEFAULT_MAX_PARALLEL;
  // The clock starts before the files are found and checked: that work counts against timeout too.
  const runtime = context.runtime(timeoutMs);
  const items = await collectItems(
    inputs,
    {
      target,
      namePath: inputs.string('name-path')?.replace(/^\/+/, ''),
      dataFormat,
      asFile,
      fileName,
      fileNodeName,
      maxUploadBytes,
      filesRoot: path.resolve(inputs.string('files-root') ?? '.'),
    },
    runtime,
  );
  if (dataFormatAttributes && !items.some((item) => item.dataFormat === 'csv')) {
    inputs.problem('data-format-attributes', 'only applies to csv data');
  }
  const { connection, appName } = inputs.finish(required);

  const client = serviceNowClient(connection, runtime);
  logger.info(`Uploading ${items.length} item(s) to ${appName} (${target}${asFile ? ', as file nodes' : ''}).`);
  const uploads = new Known<UploadResult>((part) => setOutputs(outputs, uploadOutputs(part)));
  const gated = new Known<GateResult>();
  let gate: GateResult | undefined;
  try {
    const uploaded = await runUploads(
      {
        connection,
        options: {
          appName,
          target,
          collectionName,
          deployableName,
          dataFormatAttributes,
          autoDelete,
          deleteRedundantOverrides,
          identifierKeys,
          ignoreAttributes,
          sharedLibraryName,
        },
        items,
        changesetNumber,
        autoCommit,
        autoValidate,
        publishOption,
        pollIntervalMs,
        maxParallel,
      },
      { client, runtime, report: uploads.report },
    );
    uploads.report(uploaded);
    if (validate) {
      const uploadedFiles = uploaded.files.flatMap((f) =>
        f.file && f.namePath ? [{ file: f.file, namePath: f.namePath }] : [],
      );
      gate = await runGateStep(
        {
          appName,
          changesetNumber: uploaded.changesetNumber,
          deployableNames: [],
          revalidate: false,
          publish: false,
          serverValidates: autoValidate,
          uploadedFiles,
          pollIntervalMs,
          ...gateInputs,
        },
        {
          client,
          connection,
          runtime,
          outputs,
          publishedOutput: false,
          report: gated.report,
        },
      );
      context.reportResults(gateRunResults(gate, uploadedFiles, gateInputs.workspace));
      const failure = gateFailure(gate);
      if (failure) throw failure;
    }
    const changeset = uploaded.changesetNumber ? ` in changeset ${uploaded.changesetNumber}` : '';
    const state = uploaded.changesetState ? ` (${uploaded.changesetState})` : '';
    return `✅ Uploaded ${uploaded.files.length} item(s) to ${appName}${changeset}${state}${gate ? `; ${gateVerdict(gate)}` : ''}.`;
  } finally {
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
