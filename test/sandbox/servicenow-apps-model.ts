/**
 * Records, errors and helpers shared by the ServiceNow application simulators (servicenow-apps*.ts): DevOps Config
 * applications, CDM deployables and CDM shared components.
 */
import { randomBytes } from 'node:crypto';
import { serviceNowErrorBody, type SandboxRequest, type SandboxResponse } from './server.js';

export type AppType = 'application' | 'infrastructure' | 'shared_library';
export const ENV_TYPES = ['Development', 'Production', 'Test'] as const;
export type EnvType = (typeof ENV_TYPES)[number];

export interface AppRecord {
  sysId: string;
  name: string;
  /** `sdlcType` of the DevOps Config API. */
  type: AppType;
  description: string;
  modelId: string;
  modelName: string;
  manufacturerId: string;
  modelOwnerId: string;
  managedByGroups: string[];
  /** Application service or dynamic CI group the application was created from, else ''. */
  serviceId: string;
  createdAt: number;
  updatedAt: number;
}

export interface DeployableRecord {
  sysId: string;
  appSysId: string;
  name: string;
  description: string | null;
  environmentType: EnvType;
  identifier: string | null;
  /** `cmdb_ci`: sys_id of the connected application service / dynamic CI group, '' when not connected. */
  serviceId: string;
  nodeSysId: string;
  createdAt: number;
  updatedAt: number;
}

export interface ComponentVersion {
  /** Version (snapshot) name such as `LoggingConfig-v2.shc`. */
  name: string;
  /** sys_id of the CDM Snapshot [sn_cdm_snapshot] record. */
  sysId: string;
}

export interface SharedComponent {
  sysId: string;
  libraryName: string;
  name: string;
  description: string;
  /** `linked_to` of the nodes linking it: id of its main node in the library. */
  mainId: string;
  /** Published versions, oldest first; empty for a component that was never published. */
  versions: ComponentVersion[];
}

/** A shared component used by an application (a `sn_cdm_node_linked_shared_component` node). */
export interface ComponentUsage {
  /** sys_id of the linked node; a version update replaces it (the old one becomes `previous_version`). */
  nodeSysId: string;
  appSysId: string;
  libraryName: string;
  componentName: string;
  versionName: string;
  /** Changeset of the last add/update; undefined for seeded usages. */
  changesetNumber?: string;
  previousNodeSysId?: string;
  mainId: string;
  status: 'new' | 'updated';
  createdAt: number;
  updatedAt: number;
}

export type AppsEntity = 'application' | 'deployable' | 'shared_component';
export type AppsAction = 'create' | 'update' | 'delete';

/** One accepted mutation, in order. */
export interface AppsEvent {
  at: number;
  entity: AppsEntity;
  action: AppsAction;
  /** Application concerned (for `application` events the application itself). */
  appName: string;
  /** Application, deployable or shared component name (a rename records the old name). */
  name: string;
  /** sys_id of the application, deployable or linked node. */
  sysId: string;
  /** Fields as created, the fields changed by an update, or what a delete removed. */
  details: Record<string, unknown>;
  changesetNumber?: string;
  apiVersion?: string;
}

/** What the simulator needs of the upload simulator's changesets. */
export interface ChangesetView {
  readonly sysId: string;
  readonly number: string;
  readonly appName: string;
  readonly state: string;
}

/** An answer that ends a request early: `json` with `status`, or an empty body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly json: unknown,
  ) {
    super(`HTTP ${status}`);
  }

  answer(): SandboxResponse {
    return { status: this.status, json: this.json };
  }
}

/** 400 (or `status`) in ServiceNow's `{error:{message,detail},status:'failure'}` shape, detail ''. */
export function snError(message: string, status = 400): ApiError {
  return new ApiError(status, serviceNowErrorBody(message, ''));
}

/** 404 `{result:{message}}`, the DevOps Config answer when an application is not created or not updated. */
export const notDone = (message: string): ApiError => new ApiError(404, { result: { message } });

export const NOT_AUTHORIZED = serviceNowErrorBody('User Not Authorized', 'Failed API level ACL Validation');

export const newSysId = (): string => randomBytes(16).toString('hex');

/** `YYYY-MM-DD HH:mm:ss` in UTC, ServiceNow's display format. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** A reference field as the Table API renders it: `{value, link}`, or '' when empty. */
export function reference(baseUrl: string, table: string, sysId: string | undefined): unknown {
  return sysId ? { value: sysId, link: `${baseUrl}/api/now/table/${table}/${sysId}` } : '';
}

export function requiredParam(query: URLSearchParams, name: string, status = 400): string {
  const value = query.get(name);
  if (!value) throw snError(`Missing required param '${name}'`, status);
  return value;
}

export function booleanParam(query: URLSearchParams, name: string, fallback: boolean, status = 400): boolean {
  const value = query.get(name);
  if (value === null || value === '') return fallback;
  if (value !== 'true' && value !== 'false') throw snError(`Invalid Boolean value (${value}).`, status);
  return value === 'true';
}

/** Keeps the fields named in the comma-separated `returnFields` (all when absent or empty). */
export function pickFields(record: Record<string, unknown>, returnFields: string | null): Record<string, unknown> {
  const wanted = (returnFields ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (wanted.length === 0) return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => wanted.includes(key)));
}

/** Compact printable encoding of node ids, as in `main_id_encoded` and `node_path`. */
export function encodeNodeId(id: number): string {
  const digits = '#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~';
  let n = id;
  let out = '';
  do {
    out = digits[n % digits.length] + out;
    n = Math.floor(n / digits.length);
  } while (n > 0);
  return out;
}

/** The JSON object of a DevOps Config request (an empty body counts as `{}`); else 400. */
export function jsonBody(req: SandboxRequest): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = req.body.length ? req.json() : {};
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError(400, serviceNowErrorBody('Exception while reading request', 'The payload is not valid JSON.'));
  }
  return parsed as Record<string, unknown>;
}

/** A string field of a DevOps Config body, undefined when absent or null; else 404 `{result:{message}}`. */
export function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw notDone(`Invalid ${name} value: expected a string`);
  return value;
}
