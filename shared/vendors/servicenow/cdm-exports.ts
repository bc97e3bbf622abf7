/**
 * CdmApplicationsApi exports: request an export, read its status, fetch its content.
 * docs/vendor-apis.md (POST /sn_cdm/applications/deployables/exports, GET .../{export_id}/status, GET .../{export_id}/content).
 */
import { isRecord } from '../../http/body.js';
import type { ApiClient } from '../../http/client.js';
import { namesFailure } from '../../poll/states.js';
import { cdmPath, messages, type ServiceNowConnection } from './connection.js';

export const EXPORT_DATA_FORMATS = ['ini', 'json', 'properties', 'raw', 'xml', 'yaml'] as const;
export type ExportDataFormat = (typeof EXPORT_DATA_FORMATS)[number];

export interface AdditionalDeployable {
  app_name: string;
  deployable_name: string;
}

export interface ExportRequest {
  appName: string;
  deployableName: string;
  exporterName: string;
  dataFormat: ExportDataFormat;
  snapshotName?: string;
  additionalDeployables?: AdditionalDeployable[];
  args?: Record<string, unknown>;
  restrictExport: boolean;
}

export interface ExportStatus {
  /** The request queue's state: new, ready, in_progress, completed, error. */
  state: string;
  errors: string[];
  /** Present when the exporter ran; its state is `failure` when the export failed inside a `completed` request. */
  exporterResult?: { state?: string; executionId?: string; errors: string[] };
}

export interface ExportContent {
  /** `error` when the content answer itself reports a failure (HTTP 200). */
  state?: string;
  errors: string[];
  /** A JSON object for the json format, a string for the others; present unless `state` is `error`. */
  exporterResult?: unknown;
}

type Connection = Pick<ServiceNowConnection, 'apiVersion'>;

export async function requestExport(
  client: ApiClient,
  connection: Connection,
  request: ExportRequest,
): Promise<string> {
  const spec = {
    method: 'POST' as const,
    path: cdmPath(connection, 'applications/deployables/exports'),
    what: 'request the export',
    query: {
      appName: request.appName,
      deployableName: request.deployableName,
      exporterName: request.exporterName,
      dataFormat: request.dataFormat,
      snapshotName: request.snapshotName,
      additionalDeployables: request.additionalDeployables?.length
        ? JSON.stringify(request.additionalDeployables)
        : undefined,
      args: request.args ? JSON.stringify(request.args) : undefined,
      restrictExport: String(request.restrictExport),
    },
  };
  const result = client.objectIn(await client.json(spec), spec, 'result');
  if (typeof result.export_id !== 'string' || !result.export_id) {
    throw client.unexpectedAnswer(spec, 'result.export_id is missing');
  }
  return result.export_id;
}

export async function getExportStatus(
  client: ApiClient,
  connection: Connection,
  exportId: string,
): Promise<ExportStatus> {
  const spec = {
    method: 'GET' as const,
    path: cdmPath(connection, `applications/deployables/exports/${encodeURIComponent(exportId)}/status`),
    what: 'read the export status',
  };
  const result = client.objectIn(await client.json(spec), spec, 'result');
  if (typeof result.state !== 'string') throw client.unexpectedAnswer(spec, 'result.state is missing');
  const exporter = isRecord(result.exporter_result) ? result.exporter_result : undefined;
  return {
    state: result.state,
    errors: messages(result.errors),
    exporterResult: exporter && {
      state: typeof exporter.state === 'string' ? exporter.state : undefined,
      executionId: typeof exporter.execution_id === 'string' ? exporter.execution_id : undefined,
      errors: messages(exporter.errors),
    },
  };
}

/** The most of an export's content that is read: far above real exports, far below what memory allows. */
const EXPORT_CONTENT_MAX_BYTES = 256 * 2 ** 20;

export async function getExportContent(
  client: ApiClient,
  connection: Connection,
  exportId: string,
): Promise<ExportContent> {
  const spec = {
    method: 'GET' as const,
    path: cdmPath(connection, `applications/deployables/exports/${encodeURIComponent(exportId)}/content`),
    what: 'fetch the export content',
    // The content is the whole exported configuration (tens of MB are common), unlike every other answer.
    maxAnswerBytes: EXPORT_CONTENT_MAX_BYTES,
  };
  const result = client.objectIn(await client.json(spec), spec, 'result');
  const state = typeof result.state === 'string' ? result.state : undefined;
  const exporterResult = result.exporter_result ?? undefined;
  if ((state === undefined || !namesFailure(state)) && exporterResult === undefined)
    throw client.unexpectedAnswer(spec, 'result.exporter_result is missing');
  return { state, errors: messages(result.errors), exporterResult };
}
