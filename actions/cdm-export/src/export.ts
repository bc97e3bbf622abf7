/**
 * The cdm-export flow: request the export (or take an existing one), wait for it, fetch the content, write it
 * atomically, and optionally keep it as an artifact. It never touches @actions/core: it reports through `outputs`.
 */
import { JobFailedError } from '../../../shared/errors.js';
import { writeFileAtomic, type WrittenFile } from '../../../shared/fs/atomic.js';
import type { ApiClient } from '../../../shared/http/client.js';
import { poll } from '../../../shared/poll/poll.js';
import type { Outputs } from '../../../shared/report/outputs.js';
import type { ArtifactRequest, UploadedArtifact } from '../../../shared/report/artifact.js';
import type { Runtime } from '../../../shared/runtime.js';
import {
  getExportContent,
  getExportStatus,
  requestExport,
  type ExportRequest,
} from '../../../shared/vendors/servicenow/cdm-exports.js';
import type { ServiceNowConnection } from '../../../shared/vendors/servicenow/connection.js';

/** Larger content is written to the file only: step outputs are not meant for megabytes. */
export const CONTENT_OUTPUT_LIMIT_BYTES = 1024 * 1024;

export interface ExportConfig {
  connection: ServiceNowConnection;
  request: ExportRequest;
  /** An existing export to wait for and fetch instead of starting one. */
  exportId?: string;
  outputFile: string;
  artifact?: Omit<ArtifactRequest, 'files'>;
  pollIntervalMs: number;
}

export interface ExportDeps {
  client: ApiClient;
  runtime: Runtime;
  outputs: Outputs;
  uploadArtifact: (request: ArtifactRequest) => Promise<UploadedArtifact | undefined>;
}

export interface ExportResult {
  exportId: string;
  file: WrittenFile;
  artifactId?: number;
}

export async function runExport(config: ExportConfig, deps: ExportDeps): Promise<ExportResult> {
  const { client, runtime, outputs } = deps;
  const { connection } = config;
  const { logger } = runtime;

  let exportId = config.exportId;
  if (exportId) {
    logger.info(`Waiting for the existing export ${exportId}.`);
  } else {
    exportId = await requestExport(client, connection, config.request);
    logger.info(`Export ${exportId} requested for ${config.request.appName} / ${config.request.deployableName}.`);
  }
  outputs.set('export-id', exportId);
  const id = exportId;

  const status = await poll(
    async () => {
      const current = await getExportStatus(client, connection, id);
      if (current.state === 'completed' || current.state === 'error') return { done: true, value: current };
      return { done: false, state: current.state };
    },
    {
      what: `export ${id}`,
      runtime,
      maxIntervalMs: config.pollIntervalMs,
      onState: (state) => outputs.set('state', state),
      resumeHint: `The export may still finish: run again with export-id: ${id} to fetch it`,
    },
  );
  if (status.state === 'error') {
    outputs.set('state', 'error');
    throw new JobFailedError(`Export ${id} failed`, { jobId: `Export ${id}`, state: 'error', errors: status.errors });
  }
  if (status.exporterResult?.state === 'failure') {
    outputs.set('state', 'failure');
    throw new JobFailedError(`Export ${id} completed but the exporter '${config.request.exporterName}' failed`, {
      jobId: `Export ${id}`,
      state: 'exporter failure',
      errors: status.exporterResult.errors,
      hint: 'Fix the snapshot or exporter named above in DevOps Config, then run again',
    });
  }
  outputs.set('state', 'completed');

  const content = await getExportContent(client, connection, id);
  if (content.state === 'error') {
    outputs.set('state', 'error');
    throw new JobFailedError(`The content of export ${id} could not be fetched`, {
      jobId: `Export ${id}`,
      state: 'error',
      errors: content.errors,
    });
  }
  const text = redactedContent(renderContent(content.exporterResult), id, logger);

  const file = await writeFileAtomic(config.outputFile, text);
  outputs.set('file', file.path);
  outputs.set('bytes', file.bytes);
  outputs.set('sha256', file.sha256);
  if (file.bytes <= CONTENT_OUTPUT_LIMIT_BYTES) {
    outputs.set('content', text);
  } else {
    outputs.set('content', '');
    logger.notice(
      `The export is ${file.bytes} bytes, over the 1 MiB limit for the content output: read it from ${file.path} (the file output).`,
      'Content output left empty',
    );
  }
  logger.info(`Wrote ${file.bytes} bytes to ${file.path} (sha256 ${file.sha256}).`);

  let artifactId: number | undefined;
  if (config.artifact) {
    const uploaded = await deps.uploadArtifact({ ...config.artifact, files: [file.path] });
    artifactId = uploaded?.id;
    if (artifactId !== undefined) outputs.set('artifact-id', artifactId);
  }
  return { exportId: id, file, artifactId };
}

/**
 * The file, the content output and the artifact carry the same text, redacted like every other surface: a
 * configuration that holds the password this run logs in with would otherwise publish it.
 */
function redactedContent(text: string, exportId: string, logger: Runtime['logger']): string {
  const redacted = logger.redact(text);
  if (redacted !== text) {
    logger.warning(
      `The content of export ${exportId} contains a secret given to this run (a password or token input); it is written as *** in the file, the content output and the artifact.`,
      'Secret removed from the export',
    );
  }
  return redacted;
}

/** A JSON object becomes pretty JSON with a trailing newline; a string is kept byte for byte. */
export function renderContent(exporterResult: unknown): string {
  return typeof exporterResult === 'string' ? exporterResult : `${JSON.stringify(exporterResult, null, 2)}\n`;
}
