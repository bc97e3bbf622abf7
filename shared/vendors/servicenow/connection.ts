/**
 * ServiceNow connection inputs shared by every CDM action: `instance-url`, `username` + `password` or `token`,
 * `api-version`; and the ApiClient built from them.
 */
import { credentialsAuth, readCredentials, type Credentials } from '../../auth/credentials.js';
import type { AuthProvider } from '../../auth/index.js';
import { isRecord } from '../../http/body.js';
import { jsonText } from '../../json.js';
import { ApiClient } from '../../http/client.js';
import type { InputReader } from '../../inputs/reader.js';
import type { Runtime } from '../../runtime.js';

export interface ServiceNowConnection {
  /** Base URL without a trailing slash. */
  instanceUrl: string;
  credentials: Credentials;
  /** e.g. `v1`; undefined for the default (latest) URLs. */
  apiVersion?: string;
}

/** Reads and checks the connection inputs; problems go to the reader. */
export function readServiceNowConnection(inputs: InputReader): ServiceNowConnection | undefined {
  const instanceUrl = inputs.url('instance-url', {
    required: true,
    normalize: instanceNameToUrl,
    expected: "an instance name such as 'acme' or a base URL such as https://acme.service-now.com",
  });
  const credentials = readCredentials(inputs, 'OAuth bearer');
  const apiVersion = inputs.string('api-version');
  if (apiVersion !== undefined && !/^v\d+$/.test(apiVersion)) {
    inputs.problem('api-version', 'must look like v1 or v2', apiVersion);
  }
  if (!instanceUrl || !credentials) return undefined;
  return { instanceUrl, credentials, apiVersion };
}

/** `acme` → https://acme.service-now.com; anything else is left for the URL parser. */
function instanceNameToUrl(value: string): string {
  return /^[a-z0-9][a-z0-9-]*$/i.test(value) ? `https://${value.toLowerCase()}.service-now.com` : value;
}

/** `/api/sn_cdm/{api_version}/...` when a version is set, `/api/sn_cdm/...` otherwise. */
export function cdmPath(connection: Pick<ServiceNowConnection, 'apiVersion'>, rest: string): string {
  return apiPath('sn_cdm', connection, rest);
}

/** The same for any scripted REST namespace, e.g. `sn_devops_config`. */
export function apiPath(namespace: string, connection: Pick<ServiceNowConnection, 'apiVersion'>, rest: string): string {
  return `/api/${namespace}/${connection.apiVersion ? `${connection.apiVersion}/` : ''}${rest.replace(/^\/+/, '')}`;
}

/**
 * ServiceNow's error body: `{"error": {"message", "detail"}, "status": "failure"}`; the DevOps Config API answers
 * some failures as `{"result": {"message", "data": {"error"}}}` instead.
 */
export function readServiceNowMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  if (isRecord(body.error)) {
    const { message, detail } = body.error;
    const parts = [message, detail].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
    if (parts.length) return parts.join(': ');
  }
  if (isRecord(body.result)) {
    const { message, data } = body.result;
    if (typeof message === 'string' && message) return message;
    if (isRecord(data) && typeof data.error === 'string' && data.error) return data.error;
  }
  return undefined;
}

export function serviceNowClient(connection: ServiceNowConnection, runtime: Runtime): ApiClient {
  const auth = credentialsAuth(connection.credentials, runtime.logger);
  return new ApiClient({
    baseUrl: connection.instanceUrl,
    urlInput: 'instance-url',
    runtime,
    auth,
    readVendorMessage: readServiceNowMessage,
    unexpectedAnswerHint: 'Check that instance-url points at a ServiceNow instance with the CDM plugin active',
    hintFor: (status, _spec, message) => serviceNowHint(status, message, auth, connection.credentials.kind),
  });
}

function serviceNowHint(
  status: number,
  message: string,
  auth: AuthProvider,
  kind: Credentials['kind'],
): string | undefined {
  if (/Size of uploaded data/i.test(message)) {
    return 'Split the data into smaller files, or have an administrator raise the sn_cdm.max_allowed_upload_file_size property (and set max-upload-size to match)';
  }
  if (/Could not find active application/i.test(message)) {
    return 'Check app-name: the application must exist in DevOps Config and be active';
  }
  const noApplication = noApplicationHint(message);
  if (noApplication) return noApplication;
  if (status === 401) {
    const check = kind === 'basic' ? 'check username and password' : 'check token (an OAuth token may have expired)';
    return `ServiceNow refused ${auth.description}: ${check}`;
  }
  if (status === 403) {
    return 'The user lacks a role this API needs (sn_cdm.cdm.viewer or sn_cdm.cdm_editor; some endpoints need CDM Admin)';
  }
  if (status === 404 && /does not represent any resource/i.test(message)) {
    return 'Check instance-url and api-version, and that the Configuration Data Management plugin is active on the instance';
  }
  return undefined;
}

/**
 * ServiceNow's "No valid Application" names neither the application nor where to look: say which inputs identify
 * it and where their values are found.
 */
export function noApplicationHint(message: string): string | undefined {
  if (!/No valid Application/i.test(message)) return undefined;
  return (
    "ServiceNow found no application for the id or name given: check app-id (the application's sys_id: open it in " +
    'DevOps Config > Applications and copy its sys_id, or use the app-id output of create-app) or app-name (the ' +
    'name exactly as that list shows it)'
  );
}

/** How much of one non-text error entry a message quotes. */
const ERROR_ENTRY_CHARS = 2000;

/** ServiceNow sends `errors` as a string or an array of strings (or objects, quoted as bounded JSON). */
export function messages(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : [value];
  return items
    .map((item) => (typeof item === 'string' ? item : jsonText(item, ERROR_ENTRY_CHARS)))
    .filter((item) => item !== '');
}
