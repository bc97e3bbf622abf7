/**
 * cdm-upload's inputs, read and checked into the typed config the flow runs with: where the items go, how they are
 * found on disk, what the commit does, and the gate that may follow it — every problem reported before any request.
 */
import * as path from 'node:path';
import type { InputReader } from '../../../shared/inputs/reader.js';
import { readPollInterval } from '../../../shared/poll/poll.js';
import type { Runtime } from '../../../shared/runtime.js';
import { readGateInputs, type GateInputs } from '../../../shared/validation/inputs.js';
import {
  PUBLISH_OPTIONS,
  UPLOAD_DATA_FORMATS,
  UPLOAD_TARGETS,
} from '../../../shared/vendors/servicenow/cdm-uploads.js';
import { readServiceNowConnection } from '../../../shared/vendors/servicenow/connection.js';
import { collectItems } from './items.js';
import type { UploadConfig } from './types.js';

/** The server's documented default limits. */
const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const DEFAULT_MAX_FILE_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Uploads in flight at once unless `max-parallel` says otherwise. */
const DEFAULT_MAX_PARALLEL = 8;

export interface UploadInputs {
  config: UploadConfig;
  runtime: Runtime;
  asFile: boolean;
  /** The gate's own inputs when `validate: true`; undefined when no gate follows the commit. */
  gate?: GateInputs;
}

/** The run's clock starts before the files are found and checked: that work counts against timeout too. */
export async function readUploadInputs(
  inputs: InputReader,
  startRuntime: (timeoutMs: number) => Runtime,
): Promise<UploadInputs> {
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
  const runtime = startRuntime(timeoutMs);
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
  const config: UploadConfig = {
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
  };
  return { config, runtime, asFile, gate: validate ? gateInputs : undefined };
}
