/**
 * Upload half of the ServiceNow CDM simulator (CdmApplicationsApi); ServiceNowCdmSandbox registers it on its server:
 *   POST /api/sn_cdm[/{api_version}]/applications/uploads/{components,collections,deployables}[/file]
 *   POST /api/sn_cdm[/{api_version}]/applications/uploads/components/vars
 *   GET  /api/sn_cdm[/{api_version}]/applications/upload-status/{upload_id}
 * Uploads follow the sandbox clock: `new` for the first 10 % of uploadDurationMs, `in_progress` until it, then
 * `completed` or `error`. The content is stored as received, never parsed.
 */
import { randomBytes } from 'node:crypto';
import { serviceNowErrorBody, type SandboxRequest, type SandboxResponse, type SandboxServer } from './server.js';
import {
  UPLOAD_TARGETS,
  UploadBadRequest,
  parseUploadParams,
  sizeLimitMessage,
  type CdmUploadParams,
  type PublishOption,
  type UploadTarget,
} from './servicenow-cdm-upload-params.js';

export {
  UPLOAD_DATA_FORMATS,
  UPLOAD_TARGETS,
  javaDouble,
  parseUploadParams,
  type CdmUploadParams,
  type PublishOption,
  type UploadDataFormat,
  type UploadTarget,
} from './servicenow-cdm-upload-params.js';

export type UploadScenario = 'success' | 'upload-error' | 'commit-failed' | 'blocked' | 'never-completes';

/** Substrings of `namePath` that select a scenario without code (checked in this order). */
export const MAGIC_NAME_PATHS: ReadonlyArray<readonly [string, UploadScenario]> = [
  ['upload-error', 'upload-error'],
  ['commit-failed', 'commit-failed'],
  ['blocked', 'blocked'],
  ['slow', 'never-completes'],
];

export type UploadState = 'new' | 'in_progress' | 'completed' | 'error';
export type ChangesetState = 'open' | 'commit_in_progress' | 'committed' | 'commit_failed' | 'blocked';

export const DEFAULT_APPLICATIONS: readonly string[] = ['PaymentApp', 'SharedServices'];
export const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_FILE_UPLOAD_BYTES = 5 * 1024 * 1024;
/** `output` of an upload in the `upload-error` scenario (the spec's example). */
export const UPLOAD_ERROR_OUTPUT =
  'Error encountered during execution of request.\n' +
  "Error: Node 'dbSettings' of type 'sg_cdm_node_component' cannot create child 'dbSettings' of type 'sg_cdm_node_folder'";
/** `committed_by` of committed changesets: the sys_id of the spec's example admin user. */
export const COMMITTER_SYS_ID = '6816f79cc0a8016401c5a33be04be441';

export interface CdmUploadOptions {
  /** Names of the active applications; default PaymentApp and SharedServices. */
  applications?: Iterable<string>;
  /** Limit of the non-file uploads; default 2 MiB. */
  maxUploadBytes?: number;
  /** Limit of the `/file` uploads; default 5 MiB. */
  maxFileUploadBytes?: number;
  /** The Nth accepted upload (1-based, counted since the last reset()) ends in the upload-error state. */
  failUploadNumber?: number;
}

/** What the simulator needs from ServiceNowCdmSandbox. */
export interface CdmUploadHost {
  readonly server: SandboxServer;
  readonly username: string;
  readonly uploadDurationMs: number;
}

export interface CdmUpload {
  id: string;
  /** 1-based number among the uploads accepted since the last reset(). */
  sequence: number;
  target: UploadTarget;
  apiVersion?: string;
  params: CdmUploadParams;
  /** The query string as received. */
  query: Record<string, string>;
  /** The body exactly as received. */
  body: Buffer;
  contentType?: string;
  createdAt: number;
  /** The changeset used or created; for a `failure` the one asked for. */
  changesetNumber?: string;
  scenario: UploadScenario;
  /** Error output decided when the upload was accepted (changeset missing or not open). */
  failure?: string;
  /** When the status endpoint first answered with the upload's final state: when the client could know it ended. */
  endReportedAt?: number;
}

export interface CdmChangeset {
  sysId: string;
  number: string;
  appName: string;
  title: string;
  createdAt: number;
  /** State before any commit (createChangeset can start elsewhere than `open`). */
  initialState: ChangesetState;
  /** Current state at the sandbox clock (derived from the committing upload). */
  readonly state: ChangesetState;
  /** Number of uploads with autoCommit=true accepted into this changeset. */
  commits: number;
  uploads: string[];
  commitUploadId?: string;
  autoValidate: boolean;
  publishOption: PublishOption;
}

const hex = (): string => randomBytes(16).toString('hex');
const PREFIX = String.raw`^/api/sn_cdm(?:/(?<version>v\d+))?/applications`;

export class CdmUploadSimulator {
  readonly uploads = new Map<string, CdmUpload>();
  readonly changesets = new Map<string, CdmChangeset>();
  readonly applications: Set<string>;
  maxUploadBytes: number;
  maxFileUploadBytes: number;
  failUploadNumber: number | undefined;
  /** How long the Nth accepted upload (1-based) takes, where it is not uploadDurationMs; cleared by reset(). */
  readonly durations = new Map<number, number>();
  scenario: UploadScenario = 'success';
  private uploadCount = 0;
  private changesetCount = 0;

  constructor(
    private readonly host: CdmUploadHost,
    options: CdmUploadOptions = {},
  ) {
    this.applications = new Set(options.applications ?? DEFAULT_APPLICATIONS);
    this.maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    this.maxFileUploadBytes = options.maxFileUploadBytes ?? DEFAULT_MAX_FILE_UPLOAD_BYTES;
    this.failUploadNumber = options.failUploadNumber;
    const targets = UPLOAD_TARGETS.join('|');
    host.server.route('POST', new RegExp(`${PREFIX}/uploads/(?<target>${targets})/?$`), (req) => this.upload(req));
    host.server.route('GET', new RegExp(`${PREFIX}/upload-status/(?<id>[^/]+)/?$`), (req) => this.status(req));
  }

  /** Forgets uploads and changesets and restarts the upload and changeset counters. */
  reset(): void {
    this.uploads.clear();
    this.changesets.clear();
    this.durations.clear();
    this.uploadCount = 0;
    this.changesetCount = 0;
  }

  /** Adds a changeset (`Chset-<n>` unless `number` is given), e.g. one that is already committed. */
  createChangeset(appName: string, initialState: ChangesetState = 'open', number?: string): CdmChangeset {
    const stateOf = (changeset: CdmChangeset): ChangesetState => this.changesetState(changeset);
    const createdAt = this.host.server.now();
    const changeset: CdmChangeset = {
      sysId: hex(),
      number: number ?? `Chset-${++this.changesetCount}`,
      appName,
      title: `${this.host.username}${formatTime(createdAt)}`,
      createdAt,
      initialState,
      get state() {
        return stateOf(this);
      },
      commits: 0,
      uploads: [],
      autoValidate: false,
      publishOption: 'publish_none',
    };
    this.changesets.set(changeset.number, changeset);
    return changeset;
  }

  /** State the status endpoint reports for an upload at the sandbox clock's current time. */
  stateOf(upload: CdmUpload): UploadState {
    const elapsed = this.host.server.now() - upload.createdAt;
    const duration = this.durationOf(upload);
    if (elapsed < duration * 0.1) return 'new';
    if (upload.scenario === 'never-completes' || elapsed < duration) return 'in_progress';
    return upload.failure !== undefined || upload.scenario === 'upload-error' ? 'error' : 'completed';
  }

  /** How long the upload takes on the sandbox clock. */
  durationOf(upload: CdmUpload): number {
    return this.durations.get(upload.sequence) ?? this.host.uploadDurationMs;
  }

  private changesetState(changeset: CdmChangeset): ChangesetState {
    const commit = changeset.commitUploadId ? this.uploads.get(changeset.commitUploadId) : undefined;
    if (!commit) return changeset.initialState;
    const state = this.stateOf(commit);
    if (state === 'new' || state === 'in_progress') return 'commit_in_progress';
    if (state === 'error') return changeset.initialState;
    if (commit.scenario === 'commit-failed') return 'commit_failed';
    return commit.scenario === 'blocked' ? 'blocked' : 'committed';
  }

  private upload(req: SandboxRequest): SandboxResponse {
    try {
      const target = req.params.target as UploadTarget;
      const limit = target.endsWith('/file') ? this.maxFileUploadBytes : this.maxUploadBytes;
      if (req.body.length > limit) {
        throw new UploadBadRequest(sizeLimitMessage(req.body.length, limit));
      }
      const params = parseUploadParams(req.query, target);
      if (!this.applications.has(params.appName)) {
        throw new UploadBadRequest(
          `Could not find active application with name: '${params.appName}' of type application`,
        );
      }
      const sequence = ++this.uploadCount;
      const magic = MAGIC_NAME_PATHS.find(([name]) => params.namePath?.includes(name));
      const upload: CdmUpload = {
        id: hex(),
        sequence,
        target,
        apiVersion: req.params.version,
        params,
        query: Object.fromEntries(req.query),
        body: req.body,
        contentType: req.headers['content-type'],
        createdAt: this.host.server.now(),
        scenario: magic ? magic[1] : sequence === this.failUploadNumber ? 'upload-error' : this.scenario,
      };
      this.uploads.set(upload.id, upload);
      this.attach(upload);
      return { json: { result: { upload_id: upload.id } } };
    } catch (err) {
      if (err instanceof UploadBadRequest) return { status: 400, json: serviceNowErrorBody(err.message, '') };
      throw err;
    }
  }

  private attach(upload: CdmUpload): void {
    const { appName, changesetNumber: wanted, autoCommit } = upload.params;
    const changeset = wanted === undefined ? this.createChangeset(appName) : this.changesets.get(wanted);
    const problem = !changeset
      ? `Changeset '${wanted}' not found`
      : changeset.appName !== appName
        ? `Changeset '${wanted}' does not belong to application '${appName}'`
        : changeset.state !== 'open'
          ? `Changeset '${wanted}' is not in open state`
          : undefined;
    upload.changesetNumber = changeset?.number ?? wanted;
    if (problem || !changeset) {
      upload.failure = `Error encountered during execution of request.\nError: ${problem}`;
      return;
    }
    changeset.uploads.push(upload.id);
    if (!autoCommit) return;
    changeset.commits += 1;
    changeset.commitUploadId = upload.id;
    changeset.autoValidate = upload.params.autoValidate;
    changeset.publishOption = upload.params.publishOption;
  }

  private status(req: SandboxRequest): SandboxResponse {
    const id = req.params.id;
    const upload = this.uploads.get(id);
    if (!upload) return { json: { result: { state: 'error', errors: `Invalid requestId '${id}'`, upload_id: id } } };
    const state = this.stateOf(upload);
    const type = upload.params.autoCommit ? 'upload_and_commit' : 'upload';
    if (state === 'new' || state === 'in_progress') {
      return { json: { result: { type, state, processing_state: 'NOT_PROCESSED', upload_id: id } } };
    }
    upload.endReportedAt ??= this.host.server.now();
    const changeset = this.changesets.get(upload.changesetNumber ?? '');
    const output =
      state === 'error' || !changeset ? (upload.failure ?? UPLOAD_ERROR_OUTPUT) : this.changesetOutput(changeset);
    return { json: { result: { type, state, output, processing_state: 'PROCESSED', upload_id: id } } };
  }

  /** The changeset as the status endpoint reports it in `output`. */
  changesetOutput(changeset: CdmChangeset): Record<string, unknown> {
    const state = changeset.state;
    const commit = changeset.commitUploadId ? this.uploads.get(changeset.commitUploadId) : undefined;
    const attempted = commit !== undefined && ['committed', 'commit_failed', 'blocked'].includes(state);
    const commitAt = attempted ? commit.createdAt + this.host.uploadDurationMs : undefined;
    return {
      sys_id: changeset.sysId,
      number: changeset.number,
      title: changeset.title,
      description: null,
      committed_at: state === 'committed' && commitAt !== undefined ? formatTime(commitAt) : null,
      committed_by: state === 'committed' ? COMMITTER_SYS_ID : null,
      sys_created_by: this.host.username,
      state,
      publish_option: changeset.publishOption,
      auto_validate: changeset.autoValidate,
      snapshot_name: null,
      snapshot_description: null,
      cdm_application: changeset.appName,
      last_conflict_detection_time: commitAt === undefined ? null : String(commitAt),
    };
  }
}

/** `YYYY-MM-DD HH:mm:ss` in UTC, ServiceNow's display format. */
function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
