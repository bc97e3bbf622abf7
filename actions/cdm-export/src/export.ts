/**
 * The cdm-export flow: request the export (or take an existing one), wait for it, fetch the content, write it
 * atomically, and optionally keep it as an artifact. It never touches @actions/core: it reports what it learns
 * through `report` and returns the result.
 */
import * as path from 'node:path';
import { JobFailedError } from '../../../shared/errors.js';
import { writeFileAtomic, type WrittenFile } from '../../../shared/fs/atomic.js';
import type { ApiClient } from '../../../shared/http/client.js';
import { jsonDocument } from '../../../shared/json.js';
import { waitForJob } from '../../../shared/poll/job.js';
import { classifyState } from '../../../shared/poll/states.js';
import type { Report } from '../../../shared/report/known.js';
import { redactFileText } from '../../../shared/report/redacted-file.js';
import type { ArtifactRequest, UploadedArtifact } from '../../../shared/report/artifact.js';
import type { Runtime } from '../../../shared/runtime.js';
import {
  getExportContent,
  getExportStatus,
  requestExport,
  type ExportRequest,
} from '../../../shared/vendors/servicenow/cdm-exports.js';
import type { ServiceNowConnection } from '../../../shared/vendors/servicenow/connection.js';
import { CDM_REQUEST_STATES, EXPORTER_STATES } from '../../../shared/vendors/servicenow/states.js';

/** Larger content is written to the file only: step outputs are not meant for megabytes. */
const CONTENT_OUTPUT_LIMIT_BYTES = 1024 * 1024;

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
  report: Report<ExportResult>;
  uploadArtifact: (request: ArtifactRequest) => Promise<UploadedArtifact | undefined>;
}

export interface ExportResult {
  exportId: string;
  /** The request's state while it runs; `completed`, or what went wrong (`failure`, `error`, ServiceNow's). */
  state: string;
  file: WrittenFile;
  /** The exported text; '' when it is larger than an output should hold (the file has it). */
  content: string;
  artifactId?: number;
}

export async function runExport(config: ExportConfig, deps: ExportDeps): Promise<ExportResult> {
  const { client, runtime, report } = deps;
  const { connection } = config;
  const { logger } = runtime;

  let exportId = config.exportId;
  if (exportId) {
    logger.info(`Waiting for the existing export ${exportId}.`);
  } else {
    exportId = await requestExport(client, connection, config.request);
    logger.info(`Export ${exportId} requested for ${config.request.appName} / ${config.request.deployableName}.`);
  }
  report({ exportId });
  const id = exportId;

  const { status } = await waitForJob({
    job: `Export ${id}`,
    states: CDM_REQUEST_STATES,
    check: () => getExportStatus(client, connection, id),
    stateOf: (current) => current.state,
    // A finished request whose exporter says it is still going is waited for too.
    alsoRunning: ({ exporterResult }) =>
      exporterResult?.state !== undefined && classifyState(exporterResult.state, EXPORTER_STATES) === 'running'
        ? `exporter ${exporterResult.state}`
        : undefined,
    failed: (failed) => {
      report({ state: failed.state });
      return {
        message: `Export ${id} failed`,
        errors: failed.errors.length
          ? failed.errors
          : [`ServiceNow reported the export as '${failed.state}' without a reason`],
      };
    },
    what: `export ${id}`,
    runtime,
    maxIntervalMs: config.pollIntervalMs,
    onState: (state) => report({ state }),
    resumeHint: `The export may still finish: run again with export-id: ${id} to fetch it`,
  });
  const exporterState = status.exporterResult?.state;
  const exporterKind = exporterState === undefined ? 'done' : classifyState(exporterState, EXPORTER_STATES);
  if (exporterKind === 'failed' || status.errors.length) {
    report({ state: 'failure' });
    const what =
      exporterKind === 'failed'
        ? `the exporter '${config.request.exporterName}' failed`
        : 'ServiceNow reported errors with it';
    throw new JobFailedError(`Export ${id} completed but ${what}`, {
      jobId: `Export ${id}`,
      state: exporterState ? `exporter ${exporterState}` : 'completed with errors',
      errors: [...status.errors, ...(status.exporterResult?.errors ?? [])],
      hint: 'Fix the snapshot or exporter named above in DevOps Config, then run again',
    });
  }
  if (exporterKind === 'unknown') {
    logger.warning(
      `The exporter of export ${id} reports the state '${exporterState}', which this action does not know; the content answer decides whether the export can be used.`,
      'Unknown exporter state',
    );
  }
  report({ state: 'completed' });

  const content = await getExportContent(client, connection, id);
  const contentFailed = content.state !== undefined && classifyState(content.state, CDM_REQUEST_STATES) === 'failed';
  if (contentFailed || content.errors.length) {
    report({ state: 'error' });
    throw new JobFailedError(`The content of export ${id} could not be fetched`, {
      jobId: `Export ${id}`,
      state: content.state ?? 'error',
      errors: content.errors.length
        ? content.errors
        : ['ServiceNow answered the content request with an error state and no reason'],
    });
  }
  const rendered = renderContent(content.exporterResult);
  if (rendered.compact) {
    logger.notice(
      `The exported JSON is nested ${rendered.depth} levels deep, too deep to indent: it is written without indentation.`,
      'Export written compactly',
    );
  }
  // The file, the content output and the artifact carry the same text, redacted like every other surface: a
  // configuration that holds the password this run logs in with would otherwise publish it.
  const also = config.artifact ? 'the content output and the artifact' : 'the content output';
  const text = redactFileText(rendered.text, path.resolve(config.outputFile), logger, { alsoIn: also });

  const file = await writeFileAtomic(config.outputFile, text);
  const fitsOutput = file.bytes <= CONTENT_OUTPUT_LIMIT_BYTES;
  report({ file, content: fitsOutput ? text : '' });
  if (!fitsOutput) {
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
    report({ artifactId });
  }
  return { exportId: id, state: 'completed', file, content: fitsOutput ? text : '', artifactId };
}

/**
 * A JSON object becomes pretty JSON with a trailing newline (compact JSON when nested too deep to indent); a string
 * is kept byte for byte.
 */
function renderContent(exporterResult: unknown): { text: string; compact: boolean; depth: number } {
  if (typeof exporterResult === 'string') return { text: exporterResult, compact: false, depth: 0 };
  const document = jsonDocument(exporterResult);
  return { ...document, text: `${document.text}\n` };
}
