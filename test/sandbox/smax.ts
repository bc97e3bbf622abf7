/**
 * Loopback simulator of OpenText SMAX Dev2Prod and the file repository (see docs/vendor-apis.md for what the vendor
 * documents leave out):
 *   POST /auth/authentication-endpoint/authenticate/token?TENANTID={tenant}   → token as text/plain
 *   POST /rest/{tenant}/dev2prod/export/types/{package_id}                    → {"Id"}
 *   GET  /rest/{tenant}/dev2prod/export/{id}
 *   GET  /rest/{tenant}/ces/attachment/{file_id}      (smax-files.ts)
 *   POST /rest/{tenant}/ces/attachment                (smax-files.ts, multipart part `files[]`)
 *   POST /rest/{tenant}/dev2prod/import[?dryRun=true]                          → {"Id"}
 *   GET  /rest/{tenant}/dev2prod/import/{id}
 * Every /rest call needs the cookies `SMAX_AUTH_TOKEN` (a token issued for that tenant, unexpired on the sandbox
 * clock) and `TENANTID`. Jobs follow the sandbox clock: `IN_PROGRESS`, then `COMPLETED` or `FAILED`.
 */
import { VendorSandbox } from './vendor-sandbox.js';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SandboxServer, type SandboxRequest, type SandboxResponse } from './server.js';
import { AUTH_FAILED_BODY, LOGIN_PATH, SmaxAuth, type SmaxLogin, type SmaxToken } from './smax-auth.js';
import {
  SmaxFileRepository,
  readPackageMarker,
  type SmaxDownload,
  type SmaxFile,
  type SmaxUpload,
} from './smax-files.js';
import {
  DEFAULT_EXPORT_STATISTICS,
  DEFAULT_PACKAGE_ID,
  MAGIC_PACKAGE_IDS,
  bundleName,
  exportStatusBody,
  exportStatusOf,
  importScenarioOf,
  importStatusBody,
  type ExportStatistic,
  type ImportScenario,
  type SmaxExport,
  type SmaxImport,
} from './smax-jobs.js';

export { FILE_PART, PACKAGE_MARKER, UPLOAD_FAILURE_MESSAGE, writePackage, readPackageMarker } from './smax-files.js';
export type { SmaxDownload, SmaxFile, SmaxUpload } from './smax-files.js';
export * from './smax-jobs.js';
export { AUTH_FAILED_BODY, LOGIN_PATH, type SmaxLogin, type SmaxToken } from './smax-auth.js';

export const DEFAULT_TENANTS: readonly string[] = ['100000001', '200000002'];

export interface SmaxSandboxOptions {
  /** Tenant ids; the first is the source, the second the target of the example; any listed tenant does anything. */
  tenants?: Iterable<string>;
  login?: string;
  password?: string;
  /** Lifetime of issued tokens on the sandbox clock. Default 3_600_000 (one hour). */
  tokenTtlMs?: number;
  /** `IN_PROGRESS` time of exports. Default 1200. */
  exportDurationMs?: number;
  /** `IN_PROGRESS` time of imports and dry runs. Default 1200. */
  importDurationMs?: number;
  /** Size of generated export packages. Default 64 KiB. */
  packageBytes?: number;
  /** Known (clean) package ids besides the magic ones. Default ['54321']. */
  packageIds?: Iterable<string>;
  /** `Statistics` of completed exports. Default the use-case document's example. */
  exportStatistics?: readonly ExportStatistic[];
  /** Where packages and uploads are stored. Default a fresh temporary directory, removed by close(). */
  storageDir?: string;
  /** Require the `TENANTID` cookie (equal to the path's tenant) on /rest calls. Default true. */
  requireTenantCookie?: boolean;
  now?: () => number;
}

export function smaxErrorBody(status: number, message: string): { code: number; message: string } {
  return { code: status, message };
}

const REST = String.raw`^/rest/(?<tenant>[^/]+)`;

export class SmaxSandbox extends VendorSandbox {
  readonly server: SandboxServer;
  readonly tenants: readonly string[];
  readonly login: string;
  readonly password: string;
  readonly storageDir: string;
  readonly packageIds: Set<string>;
  /** Tokens and logins; SmaxSandbox forwards the useful parts. */
  readonly auth: SmaxAuth;
  readonly exports = new Map<string, SmaxExport>();
  readonly imports = new Map<string, SmaxImport>();
  /** Files, uploads, downloads and the one-shot file faults. */
  readonly fileRepository: SmaxFileRepository;
  tokenTtlMs: number;
  exportDurationMs: number;
  importDurationMs: number;
  packageBytes: number;
  exportStatistics: ExportStatistic[];
  requireTenantCookie: boolean;
  private scenario: ImportScenario | undefined;
  private readonly ownsStorage: boolean;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(options: SmaxSandboxOptions = {}) {
    super();
    this.tenants = [...(options.tenants ?? DEFAULT_TENANTS)];
    this.login = options.login ?? 'dev-admin';
    this.password = options.password ?? 'sandbox-password';
    this.tokenTtlMs = options.tokenTtlMs ?? 3_600_000;
    this.exportDurationMs = options.exportDurationMs ?? 1200;
    this.importDurationMs = options.importDurationMs ?? 1200;
    this.packageBytes = options.packageBytes ?? 64 * 1024;
    this.packageIds = new Set(options.packageIds ?? [DEFAULT_PACKAGE_ID]);
    this.exportStatistics = [...(options.exportStatistics ?? DEFAULT_EXPORT_STATISTICS)];
    this.requireTenantCookie = options.requireTenantCookie ?? true;
    this.ownsStorage = options.storageDir === undefined;
    this.storageDir = options.storageDir ?? mkdtempSync(path.join(tmpdir(), 'smax-sandbox-'));
    mkdirSync(this.storageDir, { recursive: true });
    this.server = new SandboxServer({
      name: 'smax',
      authorize: (req) => this.auth.authorized(req),
      unauthorizedBody: AUTH_FAILED_BODY,
      errorBody: smaxErrorBody,
      now: options.now,
    });
    this.auth = new SmaxAuth(this);
    this.fileRepository = new SmaxFileRepository({
      storageDir: this.storageDir,
      now: () => this.server.now(),
      track: (work) => this.track(work),
    });
    const files = this.fileRepository;
    this.server
      .route('POST', new RegExp(`^${LOGIN_PATH}/?$`), (req) => this.auth.authenticate(req))
      .route('POST', new RegExp(`${REST}/dev2prod/export/types/(?<pkg>[^/]+)/?$`), (req) => this.startExport(req))
      .route('GET', new RegExp(`${REST}/dev2prod/export/(?<id>[^/]+)/?$`), (req) => this.exportStatus(req))
      .route('POST', new RegExp(`${REST}/dev2prod/import/?$`), (req) => this.startImport(req))
      .route('GET', new RegExp(`${REST}/dev2prod/import/(?<id>[^/]+)/?$`), (req) => this.importStatus(req))
      .route('GET', new RegExp(`${REST}/ces/attachment/(?<id>[^/]+)/?$`), (req) => files.download(req))
      .route('POST', new RegExp(`${REST}/ces/attachment/?$`), (req) => files.upload(req), { streamBody: true });
  }

  get files(): Map<string, SmaxFile> {
    return this.fileRepository.files;
  }

  get uploads(): SmaxUpload[] {
    return this.fileRepository.uploads;
  }

  get downloads(): SmaxDownload[] {
    return this.fileRepository.downloads;
  }

  /** Stops the server, waits for package writes and removes the default storage directory. */
  override async close(): Promise<void> {
    await this.server.close();
    await Promise.allSettled([...this.pending]);
    if (this.ownsStorage) rmSync(this.storageDir, { recursive: true, force: true });
  }

  get tokens(): Map<string, SmaxToken> {
    return this.auth.tokens;
  }

  /** Every login attempt, successful or not. */
  get logins(): SmaxLogin[] {
    return this.auth.logins;
  }

  /** Successful logins, for one tenant or all. */
  loginCount(tenant?: string): number {
    return this.auth.loginCount(tenant);
  }

  /** Expires every issued token now: the next /rest call of each session answers 401. */
  expireTokens(): void {
    this.auth.expireTokens();
  }

  /** `Cookie` header value of a fresh token for `tenant` (for tests that skip the login call). */
  cookieFor(tenant: string = this.tenants[0]): string {
    return `SMAX_AUTH_TOKEN=${this.auth.issueToken(tenant, this.login)}; TENANTID=${tenant}`;
  }

  /** Outcome of the imports started from now on, whatever the package (sticky); undefined: by package marker. */
  setImportScenario(scenario: ImportScenario | undefined): void {
    this.scenario = scenario;
  }

  get importScenario(): ImportScenario | undefined {
    return this.scenario;
  }

  /** The next download sends the full Content-Length but closes the connection after half the bytes. */
  truncateNextDownload(): void {
    this.fileRepository.pendingDownloadFaults.push('truncate');
  }

  /** The next download answers 200 with an empty body (Content-Length 0). */
  emptyNextDownload(): void {
    this.fileRepository.pendingDownloadFaults.push('empty');
  }

  /** The next upload with a file answers HTTP 200 `{"success": false, "message": ...}` and stores nothing. */
  failNextUpload(): void {
    this.fileRepository.pendingUploadFaults.push('fail');
  }

  /** The next upload with a file answers `{"Id": <guid>}` (the documents' slip) instead of `guid`. */
  omitGuidNextUpload(): void {
    this.fileRepository.pendingUploadFaults.push('omit-guid');
  }

  /** Imports that really imported (not dry runs). */
  realImports(): SmaxImport[] {
    return [...this.imports.values()].filter((i) => !i.dryRun);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const forget = () => this.pending.delete(work);
    work.then(forget, forget);
    return work;
  }

  private startExport(req: SandboxRequest): SandboxResponse {
    const { tenant, pkg } = req.params;
    const magic = MAGIC_PACKAGE_IDS.find(([id]) => id === pkg);
    if (!magic && !this.packageIds.has(pkg)) {
      return { status: 404, json: smaxErrorBody(404, `Package '${pkg}' was not found on tenant ${tenant}`) };
    }
    const now = this.server.now();
    const record: SmaxExport = {
      id: randomBytes(12).toString('hex'),
      tenant,
      packageId: pkg,
      scenario: magic?.[1] ?? 'clean',
      bundleName: bundleName(pkg, tenant, now),
      statistics: this.exportStatistics.map((s) => ({ ...s })),
      createdAt: now,
    };
    if (record.scenario !== 'export-failed') {
      record.file = this.fileRepository.addPackage(tenant, pkg, this.packageBytes, `${record.bundleName}.zip`);
    }
    this.exports.set(record.id, record);
    return { json: { Id: record.id } };
  }

  private async exportStatus(req: SandboxRequest): Promise<SandboxResponse> {
    const { tenant, id } = req.params;
    const record = this.exports.get(id);
    if (!record || record.tenant !== tenant) return notFound(`Export '${id}' was not found on tenant ${tenant}`);
    const now = this.server.now();
    // A completed export's file is on disk before the status says so.
    if (exportStatusOf(record, now, this.exportDurationMs) === 'COMPLETED') await record.file?.ready;
    return { json: exportStatusBody(record, now, this.exportDurationMs) };
  }

  private async startImport(req: SandboxRequest): Promise<SandboxResponse> {
    const tenant = req.params.tenant;
    let fileId: unknown;
    try {
      fileId = req.json<{ FileId?: unknown } | null>()?.FileId;
    } catch {
      return { status: 400, json: smaxErrorBody(400, 'The request body must be JSON') };
    }
    if (typeof fileId !== 'string' || fileId === '') {
      return { status: 400, json: smaxErrorBody(400, 'FileId is required') };
    }
    const file = this.fileRepository.get(tenant, fileId);
    if (!file) return notFound(`File '${fileId}' was not found in the file repository of tenant ${tenant}`);
    await file.ready;
    const packageId = await readPackageMarker(file.path);
    const record: SmaxImport = {
      id: randomBytes(12).toString('hex'),
      tenant,
      fileId,
      dryRun: (req.query.get('dryRun') ?? '').toLowerCase() === 'true',
      scenario: this.scenario ?? importScenarioOf(packageId),
      packageId,
      packageManagerId: randomBytes(12).toString('hex'),
      createdAt: this.server.now(),
    };
    this.imports.set(record.id, record);
    return { json: { Id: record.id } };
  }

  private importStatus(req: SandboxRequest): SandboxResponse {
    const { tenant, id } = req.params;
    const record = this.imports.get(id);
    if (!record || record.tenant !== tenant) return notFound(`Import '${id}' was not found on tenant ${tenant}`);
    return { json: importStatusBody(record, this.server.now(), this.importDurationMs) };
  }
}

function notFound(message: string): SandboxResponse {
  return { status: 404, json: smaxErrorBody(404, message) };
}
