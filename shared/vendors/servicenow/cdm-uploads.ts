/**
 * CdmApplicationsApi uploads: the seven upload endpoints and the upload status.
 * docs/vendor-apis.md (POST /sn_cdm/applications/uploads/{components,collections,deployables}[/file], .../components/vars,
 * GET /sn_cdm/applications/upload-status/{upload_id}).
 */
import { isRecord } from '../../http/body.js';
import type { ApiClient } from '../../http/client.js';
import type { RequestSpec } from '../../http/request.js';
import { bufferBody } from '../../http/transfer.js';
import { namesFailure } from '../../poll/states.js';
import { cdmPath, messages, type ServiceNowConnection } from './connection.js';

export const UPLOAD_TARGETS = ['component', 'collection', 'deployable', 'vars'] as const;
export type UploadTarget = (typeof UPLOAD_TARGETS)[number];
export const UPLOAD_DATA_FORMATS = ['csv', 'ini', 'json', 'properties', 'raw', 'xml', 'yaml'] as const;
export type UploadDataFormat = (typeof UPLOAD_DATA_FORMATS)[number];
export const PUBLISH_OPTIONS = ['publish_none', 'publish_valid'] as const;
export type PublishOption = (typeof PUBLISH_OPTIONS)[number];

const ENDPOINTS: Record<UploadTarget, string> = {
  component: 'applications/uploads/components',
  collection: 'applications/uploads/collections',
  deployable: 'applications/uploads/deployables',
  vars: 'applications/uploads/components/vars',
};

/** The query parameters each endpoint documents (beyond appName, namePath, changesetNumber and the commit trio). */
const DATA_PARAMETERS: Record<UploadTarget, readonly string[]> = {
  component: [
    'dataFormat',
    'dataFormatAttributes',
    'autoDelete',
    'deleteRedundantOverrides',
    'identifierKeys',
    'ignoreAttributes',
    'sharedLibraryName',
  ],
  collection: [
    'collectionName',
    'dataFormat',
    'dataFormatAttributes',
    'autoDelete',
    'deleteRedundantOverrides',
    'ignoreAttributes',
  ],
  deployable: [
    'deployableName',
    'dataFormat',
    'dataFormatAttributes',
    'autoDelete',
    'deleteRedundantOverrides',
    'identifierKeys',
    'ignoreAttributes',
  ],
  vars: [
    'dataFormat',
    'autoDelete',
    'deleteRedundantOverrides',
    'identifierKeys',
    'ignoreAttributes',
    'sharedLibraryName',
  ],
};
const FILE_PARAMETERS: Record<Exclude<UploadTarget, 'vars'>, readonly string[]> = {
  component: ['fileName', 'fileNodeName'],
  collection: ['collectionName', 'fileName', 'fileNodeName'],
  deployable: ['deployableName', 'fileName', 'fileNodeName'],
};

export interface UploadOptions {
  appName: string;
  target: UploadTarget;
  collectionName?: string;
  deployableName?: string;
  dataFormatAttributes?: Record<string, unknown>;
  autoDelete: boolean;
  deleteRedundantOverrides: boolean;
  identifierKeys: string[];
  ignoreAttributes: boolean;
  sharedLibraryName?: string;
}

export interface UploadRequest {
  namePath?: string;
  /** For data uploads; file uploads (`fileName` set) store the bytes as a file node instead. */
  dataFormat?: UploadDataFormat;
  fileName?: string;
  fileNodeName?: string;
  changesetNumber?: string;
  /** Set on the upload that commits the changeset: autoCommit, autoValidate and publishOption go only with it. */
  commit?: { autoValidate: boolean; publishOption: PublishOption };
  body: Buffer;
  contentType: string;
}

export interface Changeset {
  number?: string;
  state?: string;
  sysId?: string;
}

export interface UploadStatus {
  /** The request queue's state: new, ready, in_progress, completed, error. */
  state: string;
  /** The reasons of a failed upload: `errors`, or the `output` text when that is what the answer carries. */
  errors: string[];
  /** The changeset, when `output` is one. */
  changeset?: Changeset;
}

function uploadPath(target: UploadTarget, asFile: boolean): string {
  return `${ENDPOINTS[target]}${asFile ? '/file' : ''}`;
}

export async function requestUpload(
  client: ApiClient,
  connection: Pick<ServiceNowConnection, 'apiVersion'>,
  options: UploadOptions,
  request: UploadRequest,
  hooks: Pick<RequestSpec, 'onThrottled'> = {},
): Promise<string> {
  const asFile = request.fileName !== undefined;
  const all: Record<string, string | undefined> = {
    collectionName: options.collectionName,
    deployableName: options.deployableName,
    dataFormat: request.dataFormat,
    dataFormatAttributes: options.dataFormatAttributes && JSON.stringify(options.dataFormatAttributes),
    autoDelete: String(options.autoDelete),
    deleteRedundantOverrides: String(options.deleteRedundantOverrides),
    identifierKeys: options.identifierKeys.length ? JSON.stringify(options.identifierKeys) : undefined,
    ignoreAttributes: String(options.ignoreAttributes),
    sharedLibraryName: options.sharedLibraryName,
    fileName: request.fileName,
    fileNodeName: request.fileNodeName,
  };
  const documented =
    asFile && options.target !== 'vars' ? FILE_PARAMETERS[options.target] : DATA_PARAMETERS[options.target];
  const query: Record<string, string | undefined> = {
    appName: options.appName,
    namePath: request.namePath,
    changesetNumber: request.changesetNumber,
    autoCommit: String(request.commit !== undefined),
    autoValidate: request.commit && String(request.commit.autoValidate),
    publishOption: request.commit?.publishOption,
  };
  for (const name of documented) query[name] = all[name];
  const spec: RequestSpec = {
    method: 'POST',
    path: cdmPath(connection, uploadPath(options.target, asFile)),
    query,
    body: bufferBody(request.body, request.contentType),
    what: 'start the upload',
    ...hooks,
  };
  const result = client.objectIn(await client.json(spec), spec, 'result');
  if (typeof result.upload_id !== 'string' || !result.upload_id) {
    throw client.unexpectedAnswer(spec, 'result.upload_id is missing');
  }
  return result.upload_id;
}

export async function getUploadStatus(
  client: ApiClient,
  connection: Pick<ServiceNowConnection, 'apiVersion'>,
  uploadId: string,
  hooks: Pick<RequestSpec, 'onThrottled'> = {},
): Promise<UploadStatus> {
  const spec: RequestSpec = {
    method: 'GET',
    path: cdmPath(connection, `applications/upload-status/${encodeURIComponent(uploadId)}`),
    what: 'read the upload status',
    ...hooks,
  };
  const result = client.objectIn(await client.json(spec), spec, 'result');
  if (typeof result.state !== 'string') throw client.unexpectedAnswer(spec, 'result.state is missing');
  const output = result.output;
  const changeset = isRecord(output)
    ? {
        number: typeof output.number === 'string' ? output.number : undefined,
        state: typeof output.state === 'string' ? output.state : undefined,
        sysId: typeof output.sys_id === 'string' ? output.sys_id : undefined,
      }
    : undefined;
  const errors = messages(result.errors);
  if (!errors.length && typeof output === 'string' && namesFailure(result.state)) errors.push(output);
  return { state: result.state, errors, changeset };
}
