/**
 * Loopback simulator of the ServiceNow CDM export API (CdmApplicationsApi):
 *   POST /api/sn_cdm[/{api_version}]/applications/deployables/exports
 *   GET  /api/sn_cdm[/{api_version}]/applications/deployables/exports/{export_id}/status
 *   GET  /api/sn_cdm[/{api_version}]/applications/deployables/exports/{export_id}/content
 * and, through CdmUploadSimulator (servicenow-cdm-uploads.ts), the upload and upload-status endpoints; through
 * CdmSnapshotSimulator (servicenow-cdm-snapshots.ts), snapshots, policy validation and publishing.
 */
import { BasicOrBearerSandbox } from './vendor-sandbox.js';
import { randomBytes } from 'node:crypto';
import {
  DATA_FORMATS,
  buildExportModel,
  renderExportContent,
  type AdditionalDeployable,
  type DataFormat,
} from './servicenow-cdm-content.js';
import {
  CdmUploadSimulator,
  type CdmChangeset,
  type CdmUpload,
  type CdmUploadOptions,
  type UploadScenario,
} from './servicenow-cdm-uploads.js';
import { SandboxServer, serviceNowErrorBody, type SandboxRequest, type SandboxResponse } from './server.js';
import { CdmAppsSimulator, type CdmAppsOptions } from './servicenow-apps.js';
import { CdmSnapshotSimulator, type CdmSnapshotOptions } from './servicenow-cdm-snapshots.js';
import { registerPoliciesAdmin } from './servicenow-cdm-policies.js';
import { resolveExport, type ExportSource } from './servicenow-cdm-export-source.js';

export { DATA_FORMATS, type AdditionalDeployable, type DataFormat } from './servicenow-cdm-content.js';

export type ExportScenario = 'success' | 'exporter-failure' | 'error-state' | 'content-error' | 'never-completes';

/** Substrings of `deployableName` that select a scenario without code (checked in this order). */
export const MAGIC_DEPLOYABLE_NAMES: ReadonlyArray<readonly [string, ExportScenario]> = [
  ['exporter-failure', 'exporter-failure'],
  ['error-state', 'error-state'],
  ['content-error', 'content-error'],
  ['slow', 'never-completes'],
];

export interface ServiceNowCdmSandboxOptions extends CdmUploadOptions, CdmAppsOptions, CdmSnapshotOptions {
  username?: string;
  password?: string;
  token?: string;
  /** Time from creation to completion of an export; `new` for the first 10 %, then `in_progress`. Default 1500. */
  exportDurationMs?: number;
  /** Pads the exported content to about this many bytes. */
  contentBytes?: number;
  /** Time from creation to completion of an upload (same phases as exports). Default 1000. */
  uploadDurationMs?: number;
  now?: () => number;
}

export interface CdmExport {
  id: string;
  executionId: string;
  apiVersion?: string;
  appName: string;
  deployableName: string;
  exporterName: string;
  dataFormat: DataFormat;
  snapshotName?: string;
  additionalDeployables: AdditionalDeployable[];
  /** The snapshots the export holds, fixed when it was requested. */
  snapshots: ExportSource;
  args: Record<string, unknown>;
  restrictExport: boolean;
  scenario: ExportScenario;
  createdAt: number;
}

export type ExportState = 'new' | 'in_progress' | 'completed' | 'error';

const EXPORTS = String.raw`^/api/sn_cdm(?:/(?<version>v\d+))?/applications/deployables/exports`;

class BadRequest extends Error {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

export class ServiceNowCdmSandbox extends BasicOrBearerSandbox {
  readonly server: SandboxServer;
  readonly exports = new Map<string, CdmExport>();
  readonly username: string;
  readonly password: string;
  readonly token: string;
  exportDurationMs: number;
  contentBytes: number;
  uploadDurationMs: number;
  /** Upload state and settings: applications, size limits, failUploadNumber, createChangeset(), reset(). */
  readonly uploadApi: CdmUploadSimulator;
  /** DevOps Config applications, CDM deployables and shared components (servicenow-apps.ts). */
  readonly appsApi: CdmAppsSimulator;
  /** Snapshots made by commits, policy validation and publishing (servicenow-cdm-snapshots.ts). */
  readonly snapshotApi: CdmSnapshotSimulator;
  private scenario: ExportScenario = 'success';

  constructor(options: ServiceNowCdmSandboxOptions = {}) {
    super();
    this.username = options.username ?? 'admin';
    this.password = options.password ?? 'sandbox-password';
    this.token = options.token ?? 'sandbox-token';
    this.exportDurationMs = options.exportDurationMs ?? 1500;
    this.contentBytes = options.contentBytes ?? 0;
    this.uploadDurationMs = options.uploadDurationMs ?? 1000;
    this.server = new SandboxServer({
      name: 'servicenow-cdm',
      auth: { basic: { username: this.username, password: this.password }, bearer: this.token },
      now: options.now,
    });
    this.server.route('POST', new RegExp(`${EXPORTS}/?$`), (req) => this.createExport(req));
    this.server.route('GET', new RegExp(`${EXPORTS}/(?<id>[^/]+)/status/?$`), (req) => this.status(req));
    this.server.route('GET', new RegExp(`${EXPORTS}/(?<id>[^/]+)/content/?$`), (req) => this.content(req));
    this.uploadApi = new CdmUploadSimulator(this, options);
    this.appsApi = new CdmAppsSimulator(this, options);
    this.snapshotApi = new CdmSnapshotSimulator(this, options);
    registerPoliciesAdmin(this.server, this.snapshotApi);
  }

  get uploads(): Map<string, CdmUpload> {
    return this.uploadApi.uploads;
  }

  get changesets(): Map<string, CdmChangeset> {
    return this.uploadApi.changesets;
  }

  /** Outcome of the uploads accepted from now on (sticky); a magic namePath still wins. */
  setUploadScenario(scenario: UploadScenario): void {
    this.uploadApi.scenario = scenario;
  }

  /** Outcome of the exports created from now on (sticky); a magic deployable name still wins. */
  setExportScenario(scenario: ExportScenario): void {
    this.scenario = scenario;
  }

  get exportScenario(): ExportScenario {
    return this.scenario;
  }

  /** State the status endpoint reports for an export at the sandbox clock's current time. */
  stateOf(record: CdmExport): ExportState {
    const elapsed = this.server.now() - record.createdAt;
    if (elapsed < this.exportDurationMs * 0.1) return 'new';
    if (record.scenario === 'never-completes' || elapsed < this.exportDurationMs) return 'in_progress';
    return record.scenario === 'error-state' ? 'error' : 'completed';
  }

  private createExport(req: SandboxRequest): SandboxResponse {
    try {
      const q = req.query;
      const appName = required(q, 'appName');
      const deployableName = required(q, 'deployableName');
      const exporterName = required(q, 'exporterName');
      const dataFormat = q.get('dataFormat') || 'json';
      if (!(DATA_FORMATS as readonly string[]).includes(dataFormat)) {
        throw new BadRequest(`Invalid dataFormat '${dataFormat}'`, `Valid values: ${DATA_FORMATS.join(', ')}`);
      }
      const restrict = q.get('restrictExport') ?? 'false';
      if (restrict !== 'true' && restrict !== 'false') {
        throw new BadRequest(`Invalid Boolean value (${restrict}).`, 'restrictExport must be true or false');
      }
      const magic = MAGIC_DEPLOYABLE_NAMES.find(([name]) => deployableName.includes(name));
      const additionalDeployables = parseAdditionalDeployables(q.get('additionalDeployables'));
      const snapshotName = q.get('snapshotName') || undefined;
      const resolved = resolveExport(
        this,
        { appName, deployableName, exporterName, snapshotName, additionalDeployables },
        (name) => MAGIC_DEPLOYABLE_NAMES.some(([word]) => name.includes(word)),
      );
      if ('refused' in resolved) throw new BadRequest(resolved.refused, '');
      const record: CdmExport = {
        id: randomBytes(16).toString('hex'),
        executionId: randomBytes(16).toString('hex'),
        apiVersion: req.params.version,
        appName,
        deployableName,
        exporterName,
        dataFormat: dataFormat as DataFormat,
        snapshotName,
        additionalDeployables,
        snapshots: resolved.source,
        args: parseArgs(q.get('args')),
        restrictExport: restrict === 'true',
        scenario: magic ? magic[1] : this.scenario,
        createdAt: this.server.now(),
      };
      this.exports.set(record.id, record);
      return { json: { result: { export_id: record.id } } };
    } catch (err) {
      if (err instanceof BadRequest) return { status: 400, json: serviceNowErrorBody(err.message, err.detail) };
      throw err;
    }
  }

  private status(req: SandboxRequest): SandboxResponse {
    const id = req.params.id;
    const record = this.exports.get(id);
    if (!record) return invalidRequestId(id);
    const state = this.stateOf(record);
    if (state === 'error') return errorResult(id, noPublishedSnapshot(record));
    if (state === 'completed' && record.scenario === 'exporter-failure') {
      return {
        json: {
          result: {
            state,
            export_id: id,
            exporter_result: { execution_id: record.executionId, state: 'failure', errors: validationErrors(record) },
          },
        },
      };
    }
    return { json: { result: { state, export_id: id } } };
  }

  private content(req: SandboxRequest): SandboxResponse {
    const id = req.params.id;
    const record = this.exports.get(id);
    if (!record) return invalidRequestId(id);
    const state = this.stateOf(record);
    if (state === 'new' || state === 'in_progress') {
      return {
        status: 400,
        json: serviceNowErrorBody(
          'Export request is not yet complete',
          `Export request '${id}' is in state '${state}'. Call the content endpoint once the status is completed.`,
        ),
      };
    }
    switch (record.scenario) {
      case 'error-state':
        return errorResult(id, noPublishedSnapshot(record));
      case 'exporter-failure':
        return errorResult(id, validationErrors(record).join('\n'));
      case 'content-error':
        return errorResult(id, `Failed to read the exporter cache for export request '${id}': content not found`);
      default: {
        const model = buildExportModel(record, this.contentBytes);
        return { json: { result: { export_id: id, exporter_result: renderExportContent(model, record.dataFormat) } } };
      }
    }
  }
}

function required(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (!value) throw new BadRequest(`Missing required param '${name}'`, `Query parameter '${name}' is required`);
  return value;
}

function parseAdditionalDeployables(text: string | null): AdditionalDeployable[] {
  if (text === null || text === '') return [];
  const invalid = new BadRequest(
    `Invalid additionalDeployables value (${text}).`,
    'Expected a JSON array of {"app_name": "...", "deployable_name": "..."}',
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed)) throw invalid;
  return parsed.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) throw invalid;
    const { app_name, deployable_name } = item as Record<string, unknown>;
    if (typeof app_name !== 'string' || !app_name || typeof deployable_name !== 'string' || !deployable_name) {
      throw invalid;
    }
    return { app_name, deployable_name };
  });
}

function parseArgs(text: string | null): Record<string, unknown> {
  if (text === null || text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadRequest(`Invalid args value (${text}).`, 'Expected a JSON object of key-value pairs');
  }
  return parsed as Record<string, unknown>;
}

function invalidRequestId(id: string): SandboxResponse {
  return {
    json: { result: { request_id: id, state: 'error', errors: `Invalid requestId '${id}'`, export_id: id } },
  };
}

function errorResult(id: string, errors: string): SandboxResponse {
  return { json: { result: { state: 'error', errors, export_id: id } } };
}

function noPublishedSnapshot(record: CdmExport): string {
  return `Failed to find latest published snapshot for deployable '${record.deployableName}'`;
}

function validationErrors(record: CdmExport): string[] {
  return [
    `Snapshot 'SNA-001-published-non_compliant' has not passed validation. All snapshots of deployable ` +
      `'/${record.appName}/deployables/${record.deployableName}' are required to pass validation`,
  ];
}
