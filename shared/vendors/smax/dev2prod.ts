/**
 * SMAX Dev2Prod and the file repository (Case Exchange attachments).
 * Spec: 000 (export, export status, import, import status), 001 (download, upload), with specs/README.md's
 * corrections: the upload answer's `guid` is the new FileId; download is /rest/{tenant}/ces/attachment/{id}.
 */
import type { WrittenFile } from '../../fs/atomic.js';
import { ApiError } from '../../errors.js';
import { isRecord } from '../../http/body.js';
import { ApiClient, type RequestSpec } from '../../http/client.js';
import { downloadToFile, multipartFileBody } from '../../http/transfer.js';
import type { Runtime } from '../../runtime.js';
import { readSmaxMessage, smaxSession, type SmaxTenant } from './session.js';

/** The documents ask for this agent on uploads. */
const UPLOAD_USER_AGENT = 'Apache-HttpClient/4.4.1';
/** A package download or upload may be slow to start and long; only silence this long gives up. */
const TRANSFER_IDLE_TIMEOUT_MS = 300_000;

export interface ExportStatus {
  status: string;
  fileId?: string;
  packageBundleName?: string;
  itemCount?: number;
  statistics: { packageName: string; itemCount?: number }[];
  /** A failure message, when the answer carries one. */
  message?: string;
}

export interface ImportResult {
  packageName: string;
  statistics: Record<string, number>;
  errors: string[];
  warnings: string[];
}

export interface ImportStatus {
  status: string;
  dryRun?: boolean;
  studioLocked?: boolean;
  systemLocked?: boolean;
  results: ImportResult[];
  totals: Record<string, number>;
  /** `Results` and `Totals` as SMAX sent them, for the outputs. */
  rawResults: unknown;
  rawTotals: unknown;
  message?: string;
}

/** Only COMPLETED is documented; anything naming a failure is one, the rest is still running (specs/README.md). */
export function isFailedStatus(status: string): boolean {
  return /FAIL|ERROR|ABORT|CANCEL/i.test(status);
}

export function smaxClient(tenant: SmaxTenant, runtime: Runtime): ApiClient {
  return new ApiClient({
    baseUrl: tenant.url,
    runtime,
    auth: smaxSession(tenant, runtime),
    readVendorMessage: readSmaxMessage,
    unexpectedAnswerHint: 'Check that the URL is the SMAX server address and the tenant id is right',
    checkHint: `look for it in Dev2Prod on tenant ${tenant.tenantId} at ${tenant.url}`,
    hintFor: (status) => {
      if (status === 401)
        return `Tenant ${tenant.tenantId} refused '${tenant.username}' even after logging in again: check the credentials`;
      if (status === 403)
        return `'${tenant.username}' may not use Dev2Prod on tenant ${tenant.tenantId}: it needs the tenant admin role`;
      if (status === 404) return `Check the tenant id (${tenant.tenantId}) and the package or file id`;
      return undefined;
    },
  });
}

export async function startExport(client: ApiClient, tenantId: string, packageId: string): Promise<string> {
  const spec: RequestSpec = {
    method: 'POST',
    path: `/rest/${encodeURIComponent(tenantId)}/dev2prod/export/types/${encodeURIComponent(packageId)}`,
    json: {},
    what: `export package ${packageId}`,
  };
  return idOf(await client.json(spec), client, spec);
}

export async function getExport(client: ApiClient, tenantId: string, exportId: string): Promise<ExportStatus> {
  const spec: RequestSpec = {
    method: 'GET',
    path: `/rest/${encodeURIComponent(tenantId)}/dev2prod/export/${encodeURIComponent(exportId)}`,
    what: 'read the export status',
  };
  const body = record(await client.json(spec), client, spec);
  if (typeof body.Status !== 'string') throw client.unexpectedAnswer(spec, 'Status is missing');
  const statistics = Array.isArray(body.Statistics) ? body.Statistics.filter(isRecord) : [];
  return {
    status: body.Status,
    fileId: stringOf(body.FileId),
    packageBundleName: stringOf(body.PackageBundleName),
    itemCount: typeof body.ItemCount === 'number' ? body.ItemCount : undefined,
    statistics: statistics.map((s) => ({
      packageName: String(s.PackageName ?? ''),
      itemCount: typeof s.ItemCount === 'number' ? s.ItemCount : undefined,
    })),
    message: readSmaxMessage(body) ?? stringOf(body.ErrorMessage) ?? stringOf(body.Error),
  };
}

/** Streams the file repository's file to `destination`. */
export function downloadAttachment(
  client: ApiClient,
  tenantId: string,
  fileId: string,
  destination: string,
): Promise<WrittenFile> {
  const spec: RequestSpec = {
    method: 'GET',
    path: `/rest/${encodeURIComponent(tenantId)}/ces/attachment/${encodeURIComponent(fileId)}`,
    headers: { Accept: '*/*' },
    what: 'download the package',
    timeoutMs: TRANSFER_IDLE_TIMEOUT_MS,
  };
  return downloadToFile(client, spec, destination);
}

/** Streams a file from disk into the tenant's file repository; returns its new id (`guid`). */
export async function uploadAttachment(client: ApiClient, tenantId: string, file: string): Promise<string> {
  const spec: RequestSpec = {
    method: 'POST',
    path: `/rest/${encodeURIComponent(tenantId)}/ces/attachment`,
    body: await multipartFileBody({ field: 'files[]', filePath: file, contentType: 'application/zip' }),
    headers: { 'User-Agent': UPLOAD_USER_AGENT },
    what: 'upload the package',
    timeoutMs: TRANSFER_IDLE_TIMEOUT_MS,
  };
  const body = record(await client.json(spec), client, spec);
  if (body.success === false) {
    throw new ApiError({
      method: 'POST',
      url: client.displayUrl(spec),
      status: 200,
      vendorMessage: `the file repository refused the package: ${readSmaxMessage(body) ?? JSON.stringify(body)}`,
      hint: 'Check the package file and the target tenant, then run again',
    });
  }
  const fileId = stringOf(body.guid) ?? stringOf(body.Id) ?? stringOf(body.id);
  if (!fileId) throw client.unexpectedAnswer(spec, 'the answer has no guid');
  return fileId;
}

export async function startImport(
  client: ApiClient,
  tenantId: string,
  fileId: string,
  dryRun: boolean,
): Promise<string> {
  const spec: RequestSpec = {
    method: 'POST',
    path: `/rest/${encodeURIComponent(tenantId)}/dev2prod/import`,
    query: { dryRun: dryRun ? 'true' : undefined },
    json: { FileId: fileId },
    what: dryRun ? 'start the dry run' : 'start the import',
  };
  return idOf(await client.json(spec), client, spec);
}

export async function getImport(client: ApiClient, tenantId: string, importId: string): Promise<ImportStatus> {
  const spec: RequestSpec = {
    method: 'GET',
    path: `/rest/${encodeURIComponent(tenantId)}/dev2prod/import/${encodeURIComponent(importId)}`,
    what: 'read the import status',
  };
  const body = record(await client.json(spec), client, spec);
  if (typeof body.Status !== 'string') throw client.unexpectedAnswer(spec, 'Status is missing');
  const results = Array.isArray(body.Results) ? body.Results.filter(isRecord) : [];
  return {
    status: body.Status,
    dryRun: typeof body.DryRun === 'boolean' ? body.DryRun : undefined,
    studioLocked: typeof body.StudioLocked === 'boolean' ? body.StudioLocked : undefined,
    systemLocked: typeof body.SystemLocked === 'boolean' ? body.SystemLocked : undefined,
    results: results.map((r) => ({
      packageName: String(r.PackageName ?? ''),
      statistics: numbers(r.Statistics),
      errors: texts(r.Errors),
      warnings: texts(r.Warnings),
    })),
    totals: numbers(body.Totals),
    rawResults: body.Results ?? [],
    rawTotals: body.Totals ?? {},
    message: readSmaxMessage(body) ?? stringOf(body.ErrorMessage) ?? stringOf(body.Error),
  };
}

function idOf(body: unknown, client: ApiClient, spec: RequestSpec): string {
  const id = stringOf(record(body, client, spec).Id) ?? stringOf(record(body, client, spec).id);
  if (!id) throw client.unexpectedAnswer(spec, 'Id is missing');
  return id;
}

function record(body: unknown, client: ApiClient, spec: RequestSpec): Record<string, unknown> {
  if (!isRecord(body)) throw client.unexpectedAnswer(spec, 'the answer is not a JSON object');
  return body;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function numbers(value: unknown): Record<string, number> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
}

/** Errors and Warnings entries are undocumented: strings are kept, objects shown as their message or JSON. */
function texts(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) =>
    typeof item === 'string' ? item : (isRecord(item) && readSmaxMessage(item)) || JSON.stringify(item),
  );
}
