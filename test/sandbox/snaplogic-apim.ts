/**
 * Loopback simulator of the SnapLogic APIM 3.0 Service version migration API:
 *   POST /api/1/rest/public/apim_service/migrate_service_version/{org}/{project_space}/{project}/{service}/{version}
 *   GET  /api/1/rest/public/migrate/{status_token}
 * Every answer uses the `{"response_map": ..., "http_status_code": N}` envelope of the vendor document.
 */
import { BasicOrBearerSandbox } from './vendor-sandbox.js';
import { createHash, randomUUID } from 'node:crypto';
import { SandboxServer, type SandboxRequest, type SandboxResponse } from './server.js';

export const ASSET_TYPES = ['Account', 'File', 'Job', 'Pipeline', 'Policy'] as const;
export type AssetType = (typeof ASSET_TYPES)[number];

export type MigrationScenario = 'success' | 'partial-failure' | 'failed' | 'never-completes';
export type MigrationStatus = 'Started' | 'Completed' | 'Failed';

/** Substrings of the source service name that select a scenario without code (checked in this order). */
export const MAGIC_SERVICE_NAMES: ReadonlyArray<readonly [string, MigrationScenario]> = [
  ['partial', 'partial-failure'],
  ['failed', 'failed'],
  ['slow', 'never-completes'],
];

/** Messages of the vendor document's error table (verbatim). */
export const DOCUMENTED_MESSAGES = {
  401: 'Unauthorized',
  404: 'Not Found',
  409: 'Service version already exists at destination',
} as const;
/** Not in the document (it only says basic calls answer 403 when basic auth is disabled for the org). */
export const BASIC_AUTH_DISABLED_MESSAGE =
  'Basic authentication is disabled for this organization; authenticate with a JWT (Authorization: Bearer)';

export const DEFAULT_SOURCES = ['/Acme/Dev/Payments/OrdersAPI/1.0', '/Acme/Dev/Payments/OrdersAPI/2.0'];
export const DEFAULT_EXISTING_DESTINATIONS = ['/Acme/Prod/Payments/OrdersAPI/1.0'];

export interface SnapLogicApimSandboxOptions {
  username?: string;
  password?: string;
  token?: string;
  /** Time from acceptance to the final status; `Started` until then. Default 1500. */
  migrationDurationMs?: number;
  /** Whether the POST answer carries a `status_url` (this sandbox's status endpoint). Default false. */
  statusUrl?: boolean;
  /** Basic-auth calls answer 403; bearer calls still work. Default false. */
  basicAuthDisabled?: boolean;
  /** Known source Service versions `/{org}/{project_space}/{project}/{service}/{version}`. */
  sources?: Iterable<string>;
  /** Service versions already at a destination `/{org}/{project_space}/{project}/{service}/{version}`. */
  existingDestinations?: Iterable<string>;
  now?: () => number;
}

export type MigrationParams = Record<'org' | 'projectSpace' | 'project' | 'service' | 'version', string>;

export interface MigrationAsset {
  snode_id: string;
  name: string;
  asset_type: AssetType;
}

/** The document gives failed entries no shape: the asset plus the reason, as both `message` and `error`. */
export type FailedAsset = MigrationAsset & { message: string; error: string };

export interface ApimMigration {
  statusToken: string;
  params: MigrationParams;
  srcPath: string;
  /** Normalised `dest_path` (leading slash added, trailing slash removed). */
  destPath: string;
  /** `destPath` plus the source version: the Service version the migration creates. */
  destVersionPath: string;
  assetTypes: AssetType[];
  duplicateCheck: boolean;
  body: unknown;
  auth: 'basic' | 'bearer';
  scenario: MigrationScenario;
  createdAt: number;
}

/** Plausible assets of the OrdersAPI Service, per type. */
const CATALOG: Record<AssetType, string[]> = {
  Account: ['prod-db', 'payments-gateway-oauth2'],
  File: ['orders-openapi.json', 'order-schema.json'],
  Job: ['GetOrder Task', 'CreateOrder Task'],
  Pipeline: ['orders-get-order', 'orders-create-order'],
  Policy: ['Client Throttling'],
};

const PUBLIC = '/api/1/rest/public';

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function snapLogicErrorBody(status: number, message: string): unknown {
  return { response_map: { error: message }, http_status_code: status };
}

export function normalizePath(path: string): string {
  const trimmed = path.trim().replace(/\/+$/, '');
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export class SnapLogicApimSandbox extends BasicOrBearerSandbox {
  readonly server: SandboxServer;
  readonly migrations = new Map<string, ApimMigration>();
  readonly sources: Set<string>;
  readonly existingDestinations: Set<string>;
  readonly username: string;
  readonly password: string;
  readonly token: string;
  migrationDurationMs: number;
  statusUrl: boolean;
  basicAuthDisabled: boolean;
  private scenario: MigrationScenario = 'success';

  constructor(options: SnapLogicApimSandboxOptions = {}) {
    super();
    this.username = options.username ?? 'dev@example.com';
    this.password = options.password ?? 'sandbox-password';
    this.token = options.token ?? 'sandbox-jwt';
    this.migrationDurationMs = options.migrationDurationMs ?? 1500;
    this.statusUrl = options.statusUrl ?? false;
    this.basicAuthDisabled = options.basicAuthDisabled ?? false;
    this.sources = new Set([...(options.sources ?? DEFAULT_SOURCES)].map(normalizePath));
    this.existingDestinations = new Set(
      [...(options.existingDestinations ?? DEFAULT_EXISTING_DESTINATIONS)].map(normalizePath),
    );
    this.server = new SandboxServer({
      name: 'snaplogic-apim',
      auth: { basic: { username: this.username, password: this.password }, bearer: this.token },
      unauthorizedBody: snapLogicErrorBody(401, DOCUMENTED_MESSAGES[401]),
      errorBody: (status, message) => snapLogicErrorBody(status, status === 404 ? DOCUMENTED_MESSAGES[404] : message),
      now: options.now,
    });
    const source = new Array(5).fill('([^/]+)').join('/');
    const migrate = new RegExp(`^${PUBLIC}/apim_service/migrate_service_version/${source}/?$`);
    this.server.route('POST', migrate, (req) => this.handle(req, () => this.migrate(req)));
    this.server.route('GET', new RegExp(`^${PUBLIC}/migrate/(?<token>[^/]+)/?$`), (req) =>
      this.handle(req, () => this.status(req.params.token)),
    );
  }

  /** Outcome of the migrations accepted from now on (sticky); a magic service name still wins. */
  setMigrationScenario(scenario: MigrationScenario): void {
    this.scenario = scenario;
  }

  get migrationScenario(): MigrationScenario {
    return this.scenario;
  }

  /** Status the status endpoint reports for a migration at the sandbox clock's current time. */
  statusOf(record: ApimMigration): MigrationStatus {
    const elapsed = this.server.now() - record.createdAt;
    if (record.scenario === 'never-completes' || elapsed < this.migrationDurationMs) return 'Started';
    return record.scenario === 'failed' ? 'Failed' : 'Completed';
  }

  /** A destination version exists if configured so, or once a migration that creates it has completed. */
  destinationExists(destVersionPath: string): boolean {
    if (this.existingDestinations.has(destVersionPath)) return true;
    return [...this.migrations.values()].some(
      (m) => m.destVersionPath === destVersionPath && this.statusOf(m) === 'Completed',
    );
  }

  private handle(req: SandboxRequest, answer: () => SandboxResponse): SandboxResponse {
    try {
      if (this.basicAuthDisabled && authKind(req) === 'basic') throw new ApiError(403, BASIC_AUTH_DISABLED_MESSAGE);
      return answer();
    } catch (err) {
      if (err instanceof ApiError) return { status: err.status, json: snapLogicErrorBody(err.status, err.message) };
      throw err;
    }
  }

  private migrate(req: SandboxRequest): SandboxResponse {
    const [org, projectSpace, project, service, version] = ['1', '2', '3', '4', '5'].map((i) => req.params[i]);
    const srcPath = `/${org}/${projectSpace}/${project}/${service}/${version}`;
    const body = parseBody(req);
    const destPath = normalizePath(body.dest_path);
    const magic = MAGIC_SERVICE_NAMES.find(([name]) => service.includes(name));
    if (!magic && !this.sources.has(srcPath)) throw new ApiError(404, DOCUMENTED_MESSAGES[404]);
    const destVersionPath = `${destPath}/${version}`;
    if (body.duplicate_check && this.destinationExists(destVersionPath)) {
      throw new ApiError(409, DOCUMENTED_MESSAGES[409]);
    }
    const record: ApimMigration = {
      statusToken: randomUUID(),
      params: { org, projectSpace, project, service, version },
      srcPath,
      destPath,
      destVersionPath,
      assetTypes: body.asset_types ?? [...ASSET_TYPES],
      duplicateCheck: body.duplicate_check ?? false,
      body: body.raw,
      auth: authKind(req),
      scenario: magic ? magic[1] : this.scenario,
      createdAt: this.server.now(),
    };
    this.migrations.set(record.statusToken, record);
    const responseMap: Record<string, string> = { status_token: record.statusToken };
    if (this.statusUrl) responseMap.status_url = `${this.url}${PUBLIC}/migrate/${record.statusToken}?via=status_url`;
    return { json: { response_map: responseMap, http_status_code: 200 } };
  }

  private status(token: string): SandboxResponse {
    const record = this.migrations.get(token);
    if (!record) throw new ApiError(404, `No migration found for status token '${token}'`);
    const status = this.statusOf(record);
    const assets = status === 'Started' ? [] : assetsOf(record);
    let failed: FailedAsset[] = [];
    if (status === 'Failed') {
      const reason = `Destination Service '${record.destPath}' was not found in the target environment`;
      failed = assets.map((a) => failure(a, `${a.asset_type} '${a.name}' was not migrated: ${reason}`));
    } else if (status === 'Completed' && record.scenario === 'partial-failure' && assets.length > 0) {
      const victim = assets.find((a) => a.asset_type === 'Account') ?? assets[0];
      const problem = victim.asset_type === 'Account' ? 'requires a trusted destination org' : 'could not be written';
      failed = [failure(victim, `${victim.asset_type} '${victim.name}' ${problem}`)];
    }
    const successful = assets.filter((a) => !failed.some((f) => f.snode_id === a.snode_id));
    return {
      json: {
        response_map: {
          status,
          src_path: record.srcPath,
          dest_path: record.destPath,
          asset_types: record.assetTypes,
          create_time: new Date(record.createdAt).toISOString(),
          failed,
          successful,
        },
        http_status_code: 200,
      },
    };
  }
}

function authKind(req: SandboxRequest): 'basic' | 'bearer' {
  return /^basic\s/i.test(req.headers.authorization ?? '') ? 'basic' : 'bearer';
}

type MigrateBody = { dest_path: string; asset_types?: AssetType[]; duplicate_check?: boolean; raw: unknown };

function parseBody(req: SandboxRequest): MigrateBody {
  let raw: unknown;
  try {
    raw = req.json();
  } catch {
    raw = undefined;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ApiError(400, 'Body must be a JSON object');
  const { dest_path, asset_types, duplicate_check } = raw as Record<string, unknown>;
  if (typeof dest_path !== 'string' || dest_path.trim() === '') throw new ApiError(400, 'dest_path is required');
  if (normalizePath(dest_path).split('/').length !== 5) {
    throw new ApiError(400, `dest_path '${dest_path}' must have the form /{org}/{project_space}/{project}/{service}`);
  }
  if (duplicate_check !== undefined && typeof duplicate_check !== 'boolean') {
    throw new ApiError(400, 'duplicate_check must be a boolean');
  }
  if (asset_types !== undefined) {
    if (!Array.isArray(asset_types)) throw new ApiError(400, 'asset_types must be an array');
    const invalid = asset_types.find((t) => !(ASSET_TYPES as readonly unknown[]).includes(t));
    if (invalid !== undefined) {
      throw new ApiError(400, `Invalid asset type '${String(invalid)}'. Valid values: ${ASSET_TYPES.join(', ')}`);
    }
  }
  return {
    dest_path,
    asset_types: asset_types === undefined ? undefined : [...new Set(asset_types as AssetType[])],
    duplicate_check,
    raw,
  };
}

function assetsOf(record: ApimMigration): MigrationAsset[] {
  return ASSET_TYPES.filter((type) => record.assetTypes.includes(type)).flatMap((type) =>
    CATALOG[type].map((name) => ({
      snode_id: createHash('sha1').update(`${record.statusToken}/${type}/${name}`).digest('hex').slice(0, 24),
      name,
      asset_type: type,
    })),
  );
}

function failure(asset: MigrationAsset, message: string): FailedAsset {
  return { ...asset, message, error: message };
}
