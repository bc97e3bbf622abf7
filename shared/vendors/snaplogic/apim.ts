/**
 * SnapLogic APIM 3.0: migrate a Service version, and the migration status.
 * POST /api/1/rest/public/apim_service/migrate_service_version/{src_path}, then the migration status at
 * GET /api/1/rest/public/migrate/{status_token} or the answer's status_url (docs/vendor-apis.md, SnapLogic).
 */
import { credentialsAuth, type Credentials } from '../../auth/credentials.js';
import { isRecord } from '../../http/body.js';
import { ApiClient } from '../../http/client.js';
import type { RequestSpec } from '../../http/request.js';
import { describeValue, jsonText } from '../../json.js';
import type { KnownStates } from '../../poll/states.js';
import type { Runtime } from '../../runtime.js';

export const ASSET_TYPES = ['Account', 'File', 'Job', 'Pipeline', 'Policy'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];
export const DEFAULT_CONTROL_PLANE = 'https://elastic.snaplogic.com';

export interface SnapLogicConnection {
  controlPlaneUrl: string;
  credentials: Credentials;
}

export interface MigrationRequest {
  /** `/{org}/{project_space}/{project}/{service}/{version}` */
  sourcePath: string;
  /** `/{org}/{project_space}/{project}/{service}` */
  destPath: string;
  /** Undefined: every type (the API's default). */
  assetTypes?: AssetType[];
  duplicateCheck: boolean;
}

export interface StartedMigration {
  statusToken: string;
  statusUrl?: string;
}

export type AssetEntry = Record<string, unknown>;

/** The migration's states; a state naming a failure is one too. */
export const MIGRATION_STATES: KnownStates = { running: ['Started'], done: ['Completed'], failed: ['Failed'] };

export interface MigrationStatus {
  /** Started, Completed or Failed. */
  status: string;
  successful: AssetEntry[];
  failed: AssetEntry[];
  /** `failed` when it came as something else than a list and is not empty: what it holds, described briefly. */
  failedOther?: string;
  /** The whole `response_map`, for the `result` output. */
  responseMap: Record<string, unknown>;
}

/** SnapLogic's error bodies: `{"response_map": {"error": ...}}`, or a top-level `message`/`error`. */
export function readSnapLogicMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  const map = isRecord(body.response_map) ? body.response_map : undefined;
  for (const value of [map?.error, map?.message, map?.error_list, body.message, body.error]) {
    if (typeof value === 'string' && value) return value;
    if (Array.isArray(value) && value.length)
      return value.map((v) => (typeof v === 'string' ? v : jsonText(v, QUOTE_CHARS))).join('; ');
  }
  return undefined;
}

export function snapLogicClient(connection: SnapLogicConnection, runtime: Runtime): ApiClient {
  return new ApiClient({
    baseUrl: connection.controlPlaneUrl,
    urlInput: 'control-plane-url',
    runtime,
    auth: credentialsAuth(connection.credentials, runtime.logger),
    readVendorMessage: readSnapLogicMessage,
    unexpectedAnswerHint: 'Check that control-plane-url points at a SnapLogic control plane',
    hintFor: (status, spec) => snapLogicHint(status, spec, connection.credentials.kind),
  });
}

/** The resolutions the document gives for its error answers. */
function snapLogicHint(status: number, spec: RequestSpec, kind: Credentials['kind']): string | undefined {
  const migrating = spec.method === 'POST';
  if (status === 401) {
    return 'Verify your credentials and that you have read permission on the source project and write permission on the target';
  }
  if (status === 403) {
    return kind === 'basic'
      ? 'Basic authentication may be disabled for this organization: use token (a JWT from its identity provider) instead of username and password'
      : 'The token is valid but not allowed to do this: check its permissions on the source and target projects';
  }
  if (status === 404 && migrating) return 'Verify the source Org and Service version path are correct and exist';
  if (status === 409) {
    return 'The destination already contains a Service version with the same name: set duplicate-check: false to overwrite, or use a different dest-path';
  }
  return undefined;
}

export async function startMigration(client: ApiClient, request: MigrationRequest): Promise<StartedMigration> {
  const spec: RequestSpec = {
    method: 'POST',
    path: `/api/1/rest/public/apim_service/migrate_service_version${encodePath(request.sourcePath)}`,
    json: {
      dest_path: request.destPath,
      ...(request.assetTypes ? { asset_types: request.assetTypes } : {}),
      duplicate_check: request.duplicateCheck,
    },
    what: 'start the migration',
  };
  const map = client.objectIn(await client.json(spec), spec, 'response_map');
  if (typeof map.status_token !== 'string' || !map.status_token) {
    throw client.unexpectedAnswer(spec, 'response_map.status_token is missing');
  }
  return {
    statusToken: map.status_token,
    statusUrl: typeof map.status_url === 'string' && map.status_url ? map.status_url : undefined,
  };
}

export function migrationStatusPath(statusToken: string): string {
  return `/api/1/rest/public/migrate/${encodeURIComponent(statusToken)}`;
}

/** `location`: the answer's status_url, or migrationStatusPath(token). */
export async function getMigrationStatus(client: ApiClient, location: string): Promise<MigrationStatus> {
  const spec: RequestSpec = { method: 'GET', path: location, what: 'read the migration status' };
  const map = client.objectIn(await client.json(spec), spec, 'response_map');
  if (typeof map.status !== 'string') throw client.unexpectedAnswer(spec, 'response_map.status is missing');
  if (!isEmpty(map.successful) && !Array.isArray(map.successful))
    throw client.unexpectedAnswer(spec, `response_map.successful is ${describeValue(map.successful)}, not a list`);
  const failedOther =
    isEmpty(map.failed) || Array.isArray(map.failed) ? undefined : describeValue(map.failed, QUOTE_CHARS);
  return {
    status: map.status,
    successful: entries(map.successful),
    failed: entries(map.failed),
    failedOther,
    responseMap: map,
  };
}

/** How much of an odd value an error message quotes. */
const QUOTE_CHARS = 2000;

/** Absent, null, or an empty list, object, text, 0 or false: nothing in it. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

/** The entries of a list (other items become an entry named after them); nothing for any other shape. */
function entries(value: unknown): AssetEntry[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) =>
    isRecord(item) ? item : { name: typeof item === 'string' ? item : jsonText(item, QUOTE_CHARS) },
  );
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
