/**
 * ServiceNow connection inputs shared by every CDM action: `instance-url`, `username` + `password` or `token`,
 * `api-version`; and the ApiClient built from them.
 */
import { basicAuth, bearerAuth, type AuthProvider } from '../../auth/index.js';
import { isRecord } from '../../http/body.js';
import { ApiClient, type RequestSpec } from '../../http/client.js';
import type { InputReader } from '../../inputs/reader.js';
import type { Logger, Runtime } from '../../runtime.js';

export type ServiceNowCredentials =
  { kind: 'basic'; username: string; password: string } | { kind: 'bearer'; token: string };

export interface ServiceNowConnection {
  /** Base URL without a trailing slash. */
  instanceUrl: string;
  credentials: ServiceNowCredentials;
  /** e.g. `v1`; undefined for the default (latest) URLs. */
  apiVersion?: string;
}

/** Reads and checks the connection inputs; problems go to the reader. */
export function readServiceNowConnection(inputs: InputReader, logger: Logger): ServiceNowConnection | undefined {
  const rawUrl = inputs.string('instance-url', { required: true });
  const instanceUrl = rawUrl === undefined ? undefined : resolveInstanceUrl(rawUrl);
  if (rawUrl !== undefined && instanceUrl === undefined) {
    inputs.problem(
      'instance-url',
      `must be an instance name such as 'acme' or a base URL such as https://acme.service-now.com (got '${rawUrl}')`,
    );
  }
  const username = inputs.string('username');
  const password = inputs.secret('password');
  const token = inputs.secret('token');
  let credentials: ServiceNowCredentials | undefined;
  if (token && (username || password)) {
    inputs.problem('token', 'give either username and password (basic auth) or token (OAuth bearer), not both');
  } else if (token) {
    credentials = { kind: 'bearer', token };
  } else if (username && password) {
    credentials = { kind: 'basic', username, password };
  } else if (username) {
    inputs.problem('password', 'is required with username');
  } else if (password) {
    inputs.problem('username', 'is required with password');
  } else {
    inputs.problem('username', 'give username and password (basic auth) or token (OAuth bearer)');
  }
  const apiVersion = inputs.string('api-version');
  if (apiVersion !== undefined && !/^v\d+$/.test(apiVersion)) {
    inputs.problem('api-version', `must look like v1 or v2 (got '${apiVersion}')`);
  }
  if (instanceUrl && /^http:/.test(instanceUrl) && !isLoopback(new URL(instanceUrl).hostname)) {
    logger.warning(
      `instance-url uses plain http: credentials travel unencrypted to ${new URL(instanceUrl).host}. Use https.`,
      'Unencrypted connection',
    );
  }
  if (!instanceUrl || !credentials) return undefined;
  return { instanceUrl, credentials, apiVersion };
}

/** `acme` → https://acme.service-now.com; a host or URL is kept (https added when no scheme is given). */
export function resolveInstanceUrl(value: string): string | undefined {
  const text = value.trim();
  if (/^[a-z0-9][a-z0-9-]*$/i.test(text)) return `https://${text.toLowerCase()}.service-now.com`;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
    return undefined;
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';
}

/** `/api/sn_cdm/{api_version}/...` when a version is set, `/api/sn_cdm/...` otherwise. */
export function cdmPath(connection: Pick<ServiceNowConnection, 'apiVersion'>, rest: string): string {
  return `/api/sn_cdm/${connection.apiVersion ? `${connection.apiVersion}/` : ''}${rest.replace(/^\/+/, '')}`;
}

/** ServiceNow's error body: `{"error": {"message", "detail"}, "status": "failure"}`. */
export function readServiceNowMessage(body: unknown): string | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined;
  const { message, detail } = body.error;
  const parts = [message, detail].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
  return parts.length ? parts.join(': ') : undefined;
}

export function serviceNowClient(connection: ServiceNowConnection, runtime: Runtime): ApiClient {
  const { credentials } = connection;
  const auth: AuthProvider =
    credentials.kind === 'basic'
      ? basicAuth(credentials.username, credentials.password, runtime.logger)
      : bearerAuth(credentials.token, runtime.logger);
  return new ApiClient({
    baseUrl: connection.instanceUrl,
    runtime,
    auth,
    readVendorMessage: readServiceNowMessage,
    hintFor: (status, spec) => serviceNowHint(status, spec, auth),
  });
}

function serviceNowHint(status: number, spec: RequestSpec, auth: AuthProvider): string | undefined {
  if (status === 401) {
    return `ServiceNow did not accept ${auth.description}: check the credentials (an OAuth token may have expired)`;
  }
  if (status === 403) {
    return 'The user lacks a role this API needs (sn_cdm.cdm.viewer or sn_cdm.cdm_editor; some endpoints need CDM Admin)';
  }
  if (status === 404 && spec.path.includes('/api/sn_cdm/')) {
    return 'Check instance-url and api-version, and that the Configuration Data Management plugin is active on the instance';
  }
  return undefined;
}
