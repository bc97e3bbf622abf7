/**
 * DevOps Config applications and CDM deployables and shared components (docs/vendor-apis.md). Each function maps one
 * documented endpoint; failures the documents hide in successful-looking answers are thrown as ApiErrors.
 */
import { ApiError } from '../../errors.js';
import { isRecord } from '../../http/body.js';
import type { ApiClient } from '../../http/client.js';
import type { ApiResponse, RequestSpec } from '../../http/request.js';
import { nonEmptyString, scalarText, vendorNumber } from '../../json.js';
import { namesFailure } from '../../poll/states.js';
import {
  apiPath,
  cdmPath,
  messages,
  noApplicationHint,
  readServiceNowMessage,
  type ServiceNowConnection,
} from './connection.js';

type Connection = Pick<ServiceNowConnection, 'apiVersion'>;
type Query = Record<string, string | undefined>;

export const APP_TYPES = ['application', 'infrastructure'] as const;
export const ENV_TYPES = ['Development', 'Production', 'Test'] as const;

export interface AppFields {
  appDescription?: string;
  appManufacturerId?: string;
  appModelOwnerId?: string;
  appManagedByGroups?: string;
}

export interface AppIdentity {
  appName?: string;
  appModelId?: string;
  appModelName?: string;
  appServiceId?: string;
  appServiceName?: string;
  technicalServiceId?: string;
}

const appPath = (c: Connection, id?: string) =>
  apiPath('sn_devops_config', c, `devops_config/application${id ? `/${encodeURIComponent(id)}` : ''}`);

/** POST .../application → the new application's sys_id (`result.data`). */
export async function createApp(
  client: ApiClient,
  c: Connection,
  body: { type: string } & AppIdentity & AppFields,
): Promise<{ appId: string; message?: string }> {
  const spec: RequestSpec = { method: 'POST', path: appPath(c), json: body, what: 'create the application' };
  const result = client.objectIn(await client.json(spec), spec, 'result');
  if (typeof result.data !== 'string' || !result.data)
    throw client.unexpectedAnswer(spec, 'result.data (the new sys_id) is missing');
  return { appId: result.data, message: nonEmptyString(result.message) };
}

/** GET .../application/{id}; `result.status: 400` with `data.error` (HTTP 200) is a failure. */
export async function getApp(client: ApiClient, c: Connection, appId: string): Promise<Record<string, unknown>> {
  const spec: RequestSpec = { method: 'GET', path: appPath(c, appId), what: 'read the application' };
  const result = client.objectIn(await client.json(spec), spec, 'result');
  const status = vendorNumber(result.status);
  if (status.kind === 'number' && status.value >= 400) {
    throw failure(client, spec, readServiceNowMessage({ result }) ?? `result.status ${status.value}`);
  }
  if (!isRecord(result.data)) throw client.unexpectedAnswer(spec, 'result.data is missing');
  return result.data;
}

export async function updateApp(
  client: ApiClient,
  c: Connection,
  appId: string,
  fields: AppFields,
): Promise<string | undefined> {
  const spec: RequestSpec = { method: 'PATCH', path: appPath(c, appId), json: fields, what: 'update the application' };
  const result = client.objectIn(await client.json(spec), spec, 'result');
  return nonEmptyString(result.message);
}

/** DELETE .../application/{id}; a non-empty `result.errors` is a failure. */
export async function deleteApp(client: ApiClient, c: Connection, appId: string): Promise<string[]> {
  const spec: RequestSpec = { method: 'DELETE', path: appPath(c, appId), what: 'delete the application' };
  const result = client.objectIn(await client.json(spec), spec, 'result');
  const errors = messages(result.errors);
  if (errors.length) throw failure(client, spec, errors.join('; '));
  return messages(result.success);
}

/** POST /applications/deployables → the created deployable record. */
export async function createDeployable(
  client: ApiClient,
  c: Connection,
  query: { appName: string; name: string; envType: string; returnFields?: string },
): Promise<Record<string, unknown>> {
  const spec = cdm(c, 'POST', 'applications/deployables', query, 'create the deployable');
  return firstRecord(await client.json(spec), client, spec);
}

/** POST /applications/deployables/create → the sys_ids of the created deployables. */
export async function createDeployables(
  client: ApiClient,
  c: Connection,
  options: { appSysId: string; envType: string; quantity: number; autoConnect: boolean },
): Promise<string[]> {
  const query = { ...options, quantity: String(options.quantity), autoConnect: String(options.autoConnect) };
  const spec = cdm(c, 'POST', 'applications/deployables/create', query, 'create the deployables');
  const body = await client.json(spec);
  if (!isRecord(body) || !Array.isArray(body.result))
    throw client.unexpectedAnswer(spec, 'result is not a list of sys_ids');
  return body.result.map(String);
}

export async function updateDeployable(
  client: ApiClient,
  c: Connection,
  query: Query,
): Promise<Record<string, unknown>> {
  const spec = cdm(c, 'PUT', 'applications/deployables', query, 'update the deployable');
  return firstRecord(await client.json(spec), client, spec);
}

/** DELETE /applications/deployables: success is the status code alone. */
export async function deleteDeployable(
  client: ApiClient,
  c: Connection,
  query: { appName: string; name: string },
): Promise<void> {
  const spec = cdm(c, 'DELETE', 'applications/deployables', query, 'delete the deployable');
  failIfErrorBody(await client.send(spec), client, spec);
}

/**
 * Whether `error` is ServiceNow refusing to create deployable `name` because the application already has one of
 * that name: a client-error status whose message says "already exists" and names it. Anything else is not.
 */
export function isDeployableExists(error: unknown, name: string): error is ApiError {
  return clientError(error) && /already exists/i.test(error.vendorMessage) && namesQuoted(error.vendorMessage, name);
}

/**
 * Whether `error` is ServiceNow refusing to delete deployable `name` because the application has none of that name.
 * A missing application is not this (its message names no deployable): that stays a failure.
 */
export function isDeployableMissing(error: unknown, name: string): error is ApiError {
  if (!clientError(error)) return false;
  const message = error.vendorMessage;
  return (
    /could not find|not found|does not exist/i.test(message) &&
    /\bdeployable\b/i.test(message) &&
    !/could not find (active )?application/i.test(message) &&
    namesQuoted(message, name)
  );
}

function clientError(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status !== undefined && error.status >= 400 && error.status < 500;
}

/** The message names `name` as a whole: quoted, or set off by spaces or the message's ends. */
function namesQuoted(message: string, name: string): boolean {
  return [`'${name}'`, `"${name}"`].some((quoted) => message.includes(quoted)) || message.split(/\s+/).includes(name);
}

export interface SharedComponent {
  name: string;
  description?: string;
  sharedLibraryName?: string;
  currentVersion?: string;
  currentVersionName?: string;
  updateVersionName?: string;
}

/**
 * GET /applications/shared_components. The document's table names the filter `withUpdatesOnly`, its example
 * `updatesOnly`: both are sent.
 */
export async function listSharedComponents(
  client: ApiClient,
  c: Connection,
  appName: string,
  withUpdatesOnly: boolean,
): Promise<SharedComponent[]> {
  const flag = String(withUpdatesOnly);
  const spec = cdm(
    c,
    'GET',
    'applications/shared_components',
    { appName, withUpdatesOnly: flag, updatesOnly: flag },
    'list the shared components',
  );
  const body = await client.json(spec);
  if (!isRecord(body) || !Array.isArray(body.result)) throw client.unexpectedAnswer(spec, 'result is not a list');
  return body.result.filter(isRecord).map((r) => ({
    name: scalarText(r.name),
    description: nonEmptyString(r.description),
    sharedLibraryName: nonEmptyString(r.sharedLibraryName),
    currentVersion: r.currentVersion === undefined ? undefined : scalarText(r.currentVersion),
    currentVersionName: nonEmptyString(r.currentVersionName),
    updateVersionName: nonEmptyString(r.updateVersionName),
  }));
}

export async function addSharedComponent(
  client: ApiClient,
  c: Connection,
  query: { appName: string; changesetNumber: string; sharedComponentName: string; sharedLibraryName: string },
): Promise<Record<string, unknown>> {
  const spec = cdm(c, 'POST', 'applications/shared_components', query, 'add the shared component');
  return firstRecord(await client.json(spec), client, spec);
}

/** PUT /applications/shared_components. The table names the version `version`, the example `versionName`: both are sent. */
export async function updateSharedComponent(
  client: ApiClient,
  c: Connection,
  query: {
    appName: string;
    changesetNumber: string;
    sharedComponentName: string;
    sharedLibraryName: string;
    versionName: string;
  },
): Promise<Record<string, unknown>> {
  const spec = cdm(
    c,
    'PUT',
    'applications/shared_components',
    { ...query, version: query.versionName },
    'update the shared component',
  );
  return firstRecord(await client.json(spec), client, spec);
}

export async function removeSharedComponent(
  client: ApiClient,
  c: Connection,
  query: { appName: string; changesetNumber: string; sharedComponentName: string },
): Promise<void> {
  const spec = cdm(c, 'DELETE', 'applications/shared_components', query, 'remove the shared component');
  failIfErrorBody(await client.send(spec), client, spec);
}

/** GET /applications/shared_libraries/components/applications → the applications using the component. */
export async function listComponentApplications(
  client: ApiClient,
  c: Connection,
  query: { sharedLibraryName: string; sharedComponentName: string },
): Promise<Record<string, unknown>[]> {
  const spec = cdm(
    c,
    'GET',
    'applications/shared_libraries/components/applications',
    query,
    'list the applications using the component',
  );
  const body = await client.json(spec);
  // The document keys the list by the component ({"result": {"<component>": [...]}}).
  const result = client.objectIn(body, spec).result;
  const lists = Array.isArray(result) ? [result] : isRecord(result) ? Object.values(result).filter(Array.isArray) : [];
  return lists.flat().filter(isRecord);
}

function cdm(c: Connection, method: RequestSpec['method'], rest: string, query: Query, what: string): RequestSpec {
  return { method, path: cdmPath(c, rest), query, what };
}

/** `{"result": [record]}` or `{"result": record}`. */
function firstRecord(body: unknown, client: ApiClient, spec: RequestSpec): Record<string, unknown> {
  const result = isRecord(body) ? body.result : undefined;
  const record = Array.isArray(result) ? result.find(isRecord) : result;
  if (!isRecord(record)) throw client.unexpectedAnswer(spec, 'the answer has no result record');
  return record;
}

/** Answers whose success is an empty body or `""` may still carry an error object. */
function failIfErrorBody(response: ApiResponse, client: ApiClient, spec: RequestSpec): void {
  const text = response.text.trim();
  if (!text || text === '""') return;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return;
  }
  if (isRecord(body) && (isRecord(body.error) || (typeof body.status === 'string' && namesFailure(body.status)))) {
    throw failure(client, spec, readServiceNowMessage(body) ?? text);
  }
}

/** A failure ServiceNow reported inside an answer with a success status. */
function failure(client: ApiClient, spec: RequestSpec, vendorMessage: string): ApiError {
  const hint = noApplicationHint(vendorMessage);
  return new ApiError({ method: spec.method, url: client.displayUrl(spec), status: 200, vendorMessage, hint });
}
