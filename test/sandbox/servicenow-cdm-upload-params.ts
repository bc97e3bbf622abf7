/**
 * Query parameters of the ServiceNow CDM upload endpoints (CdmApplicationsApi uploads/*): validation with
 * ServiceNow's 400 messages, and the size-limit message. Used by servicenow-cdm-uploads.ts.
 */

/** A rejected upload request: HTTP 400 with `{"error":{"message","detail":""},"status":"failure"}`. */
export class UploadBadRequest extends Error {}

export const UPLOAD_TARGETS = [
  'components',
  'components/file',
  'components/vars',
  'collections',
  'collections/file',
  'deployables',
  'deployables/file',
] as const;
export type UploadTarget = (typeof UPLOAD_TARGETS)[number];
export const UPLOAD_DATA_FORMATS = ['csv', 'ini', 'json', 'properties', 'raw', 'xml', 'yaml'] as const;
export type UploadDataFormat = (typeof UPLOAD_DATA_FORMATS)[number];
export type PublishOption = 'publish_none' | 'publish_valid';

export interface CdmUploadParams {
  appName: string;
  namePath?: string;
  dataFormat?: UploadDataFormat;
  dataFormatAttributes?: Record<string, unknown>;
  changesetNumber?: string;
  autoCommit: boolean;
  autoValidate: boolean;
  autoDelete: boolean;
  publishOption: PublishOption;
  deleteRedundantOverrides: boolean;
  identifierKeys?: string[];
  ignoreAttributes: boolean;
  sharedLibraryName?: string;
  collectionName?: string;
  deployableName?: string;
  fileName?: string;
  fileNodeName?: string;
}

/** Validates the query of an upload; throws UploadBadRequest with ServiceNow's messages. */
export function parseUploadParams(q: URLSearchParams, target: UploadTarget): CdmUploadParams {
  const opt = (name: string): string | undefined => q.get(name) || undefined;
  const required = (name: string): string => {
    const value = opt(name);
    if (value === undefined) throw new UploadBadRequest(`Missing required param '${name}'`);
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const value = q.get(name) ?? String(fallback);
    if (value !== 'true' && value !== 'false') throw new UploadBadRequest(`Invalid Boolean value (${value}).`);
    return value === 'true';
  };
  const params: CdmUploadParams = {
    appName: required('appName'),
    namePath: opt('namePath'),
    changesetNumber: opt('changesetNumber'),
    autoCommit: false,
    autoValidate: false,
    autoDelete: false,
    publishOption: 'publish_none',
    deleteRedundantOverrides: true,
    ignoreAttributes: false,
    sharedLibraryName: opt('sharedLibraryName'),
    fileName: opt('fileName'),
    fileNodeName: opt('fileNodeName'),
  };
  if (!target.endsWith('/file')) {
    const format = required('dataFormat');
    const allowed = target === 'components/vars' ? UPLOAD_DATA_FORMATS.filter((f) => f !== 'csv') : UPLOAD_DATA_FORMATS;
    if (!(allowed as readonly string[]).includes(format)) throw new UploadBadRequest(`Invalid dataFormat '${format}'`);
    params.dataFormat = format as UploadDataFormat;
  }
  if (target.startsWith('collections')) params.collectionName = required('collectionName');
  if (target.startsWith('deployables')) params.deployableName = required('deployableName');
  params.autoCommit = bool('autoCommit', false);
  params.autoValidate = bool('autoValidate', false);
  params.autoDelete = bool('autoDelete', false);
  params.deleteRedundantOverrides = bool('deleteRedundantOverrides', true);
  params.ignoreAttributes = bool('ignoreAttributes', false);
  const publish = q.get('publishOption') || 'publish_none';
  if (publish !== 'publish_none' && publish !== 'publish_valid') {
    throw new UploadBadRequest(`Invalid publishOption '${publish}'`);
  }
  params.publishOption = publish;
  const keys = opt('identifierKeys');
  if (keys !== undefined) params.identifierKeys = parseIdentifierKeys(keys);
  const attributes = opt('dataFormatAttributes');
  if (attributes !== undefined) {
    if (params.dataFormat !== 'csv')
      throw new UploadBadRequest("'dataFormatAttributes' is only supported with dataFormat csv");
    params.dataFormatAttributes = parseJsonObject(attributes);
  }
  return params;
}

function parseIdentifierKeys(text: string): string[] {
  if (!text.trimStart().startsWith('[')) return text.split(',').map((key) => key.trim());
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || !parsed.every((key) => typeof key === 'string')) {
    throw new UploadBadRequest(`Invalid identifierKeys value (${text}).`);
  }
  return parsed;
}

function parseJsonObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UploadBadRequest(`Invalid dataFormatAttributes value (${text}).`);
  }
  return parsed as Record<string, unknown>;
}

/** Java's Double.toString of a whole number, as in ServiceNow's size message: 6853632.0, 1.048576E7. */
export function javaDouble(n: number): string {
  if (n < 1e7) return Number.isInteger(n) ? `${n}.0` : String(n);
  const exponent = Math.floor(Math.log10(n));
  const mantissa = String(Number((n / 10 ** exponent).toPrecision(15)));
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent}`;
}

/** ServiceNow's message for a body over the limit, numbers as Java doubles. */
export function sizeLimitMessage(bytes: number, limit: number): string {
  return (
    `Size of uploaded data:${javaDouble(bytes)}(bytes) is greater than max allowed upload limit of ` +
    `${javaDouble(limit)}(bytes)`
  );
}
