/**
 * SMAX Dev2Prod and the file repository (Case Exchange attachments).
 * Export, export status, import and import status, download and upload, with the corrections in
 * docs/vendor-apis.md: the upload answer's `guid` is the new FileId; download is /rest/{tenant}/ces/attachment/{id}.
 */
import type { WrittenFile } from '../../fs/atomic.js';
import { HEAD_BYTES, zipProblem } from '../../fs/zip.js';
import { ApiError } from '../../errors.js';
import { isRecord } from '../../http/body.js';
import { ApiClient } from '../../http/client.js';
import type { RequestSpec } from '../../http/request.js';
import { downloadToFile, multipartFileBody } from '../../http/transfer.js';
import type { Runtime } from '../../runtime.js';
import { describeValue, jsonText, nonEmptyString, scalarText, vendorNumber } from '../../json.js';
import type { KnownStates } from '../../poll/states.js';
import { readImportStatus, type ImportStatus } from './import-status.js';
import { readSmaxMessage, smaxSession, type SmaxTenant } from './session.js';

export type { ImportResult, ImportStatus } from './import-status.js';

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

/**
 * The job states of exports and imports. Only COMPLETED is documented; states naming a failure are failures, and
 * the running states are the ones SMAX is known to send (any other is waited on, with a warning).
 */
export const SMAX_JOB_STATES: KnownStates = {
  running: ['IN_PROGRESS', 'RUNNING', 'PENDING', 'QUEUED', 'STARTED', 'NEW'],
  done: ['COMPLETED'],
};

export function smaxClient(tenant: SmaxTenant, runtime: Runtime): ApiClient {
  return new ApiClient({
    baseUrl: tenant.url,
    urlInput: tenant.urlInput,
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
  const body = client.objectIn(await client.json(spec), spec);
  if (typeof body.Status !== 'string') throw client.unexpectedAnswer(spec, 'Status is missing');
  checkJobId(body, exportId, 'export', client, spec);
  const statistics = Array.isArray(body.Statistics) ? body.Statistics.filter(isRecord) : [];
  return {
    status: body.Status,
    fileId: nonEmptyString(body.FileId),
    packageBundleName: nonEmptyString(body.PackageBundleName),
    itemCount: countOf(body.ItemCount),
    statistics: statistics.map((s) => ({
      packageName: scalarText(s.PackageName),
      itemCount: countOf(s.ItemCount),
    })),
    message: readSmaxMessage(body) ?? nonEmptyString(body.ErrorMessage) ?? nonEmptyString(body.Error),
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
  return downloadToFile(client, spec, destination, {
    bytes: HEAD_BYTES,
    problem: zipProblem,
    hint: 'Check that the source user may read the file repository (a session that expired or a single sign-on page answers with HTML), then run again',
  });
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
  const body = client.objectIn(await client.json(spec), spec);
  if (body.success === false) {
    throw new ApiError({
      method: 'POST',
      url: client.displayUrl(spec),
      status: 200,
      vendorMessage: `the file repository refused the package: ${readSmaxMessage(body) ?? jsonText(body, 500)}`,
      hint: 'Check the package file and the target tenant, then run again',
    });
  }
  const fileId = nonEmptyString(body.guid) ?? nonEmptyString(body.Id) ?? nonEmptyString(body.id);
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

/**
 * The status of import `importId`, started as a dry run or not (`dryRun`). An answer about another job, or one whose
 * DryRun says otherwise, fails: its result must not decide this job's gate.
 */
export async function getImport(
  client: ApiClient,
  tenantId: string,
  importId: string,
  dryRun: boolean,
): Promise<ImportStatus> {
  const spec: RequestSpec = {
    method: 'GET',
    path: `/rest/${encodeURIComponent(tenantId)}/dev2prod/import/${encodeURIComponent(importId)}`,
    what: 'read the import status',
  };
  const body = client.objectIn(await client.json(spec), spec);
  if (typeof body.Status !== 'string') throw client.unexpectedAnswer(spec, 'Status is missing');
  const label = dryRun ? 'dry run' : 'import';
  checkJobId(body, importId, label, client, spec);
  const status = { ...readImportStatus({ ...body, Status: body.Status }), fileId: nonEmptyString(body.FileId) };
  if (status.dryRun !== undefined && status.dryRun !== dryRun) {
    throw jobMismatch(
      client,
      spec,
      `the status of ${label} ${importId} says DryRun: ${status.dryRun}: it is ${status.dryRun ? 'a dry run' : 'a real import'}, not ${dryRun ? 'a dry run' : 'a real import'}`,
    );
  }
  return status;
}

/** The status answer's own id (`Id` or `id`), when it carries one, must be the job asked about. */
function checkJobId(
  body: Record<string, unknown>,
  expected: string,
  label: string,
  client: ApiClient,
  spec: RequestSpec,
): void {
  for (const key of ['Id', 'id']) {
    const value = body[key];
    if (value === undefined || value === null || scalarText(value) === expected) continue;
    throw jobMismatch(
      client,
      spec,
      `asked for ${label} ${expected}, the answer is about ${key} ${describeValue(value, 100)}`,
    );
  }
}

function jobMismatch(client: ApiClient, spec: RequestSpec, what: string): ApiError {
  return new ApiError({
    method: spec.method,
    url: client.displayUrl(spec),
    status: 200,
    vendorMessage: `unexpected answer: ${what}`,
    hint: 'The answer cannot decide this job, so the step stops here. A cache or proxy between the runner and SMAX may have mixed up answers: look at the job in Package Manager on the tenant',
  });
}

function idOf(body: unknown, client: ApiClient, spec: RequestSpec): string {
  const answer = client.objectIn(body, spec);
  const id = nonEmptyString(answer.Id) ?? nonEmptyString(answer.id);
  if (!id) throw client.unexpectedAnswer(spec, 'Id is missing');
  return id;
}

/** A count sent as a number or as text; undefined when absent or unreadable (it only informs, never gates). */
function countOf(value: unknown): number | undefined {
  const count = vendorNumber(value);
  return count.kind === 'number' ? count.value : undefined;
}
