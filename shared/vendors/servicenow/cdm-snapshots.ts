/**
 * CDM snapshots after a commit: the snapshot records and the validate and publish calls (CdmSnapshotApi, and the
 * Table API for sn_cdm_snapshot); changesets and deployables are in cdm-changesets.ts.
 * Every row read is checked against the sys_ids asked for, because the Table API drops an unknown query field
 * silently and would then answer unrelated rows.
 */
import { ApiError } from '../../errors.js';
import { isRecord, tryParseJson } from '../../http/body.js';
import { describeHtml, isHtml } from '../../html.js';
import type { ApiClient } from '../../http/client.js';
import type { RequestSpec } from '../../http/request.js';
import { cdmPath, readServiceNowMessage, type ServiceNowConnection } from './connection.js';
import { queryTable, queryValue, readTableRecord, referenceValue, textField, type TableRow } from './table.js';

type Connection = Pick<ServiceNowConnection, 'apiVersion'>;

/** Every `validation` value ServiceNow documents for a snapshot. */
const VALIDATION_STATES = [
  'not_validated',
  'requested',
  'in_progress',
  'passed',
  'passed_with_exception',
  'failed',
  'execution_error',
] as const;
export type ValidationState = (typeof VALIDATION_STATES)[number];
export const PENDING_VALIDATION_STATES: ReadonlySet<string> = new Set(['requested', 'in_progress']);
export const FINAL_VALIDATION_STATES: ReadonlySet<string> = new Set([
  'passed',
  'passed_with_exception',
  'failed',
  'execution_error',
]);

export function isValidationState(value: string): value is ValidationState {
  return (VALIDATION_STATES as readonly string[]).includes(value);
}

export interface Snapshot {
  sysId: string;
  number: string;
  name: string;
  /** Lower case; not necessarily one of VALIDATION_STATES (the caller decides what an unknown one means). */
  validation: string;
  published: boolean;
  lastValidated: string;
  changesetSysId: string;
  /** The changeset's number when the instance sends the dot-walked field; '' otherwise. */
  changesetNumber: string;
  deployableSysId: string;
  /** The snapshot's application (`cdm_application_id`) and, when the instance sends it, its name; '' otherwise. */
  appSysId: string;
  appName: string;
  createdOn: string;
}

export interface SnapshotValidation {
  validation: string;
  lastValidated: string;
  published: boolean;
}

const SNAPSHOT_FIELDS = [
  'sys_id',
  'number',
  'name',
  'validation',
  'published',
  'last_validated',
  'sys_created_on',
  'changeset_id',
  'changeset_id.number',
  'cdm_deployable_id',
  'cdm_application_id',
  'cdm_application_id.name',
];

/** Whose snapshot is asked for: the deployable, and the application the gate was asked about. */
export interface SnapshotOwner {
  deployableSysId: string;
  /** The deployable's application (`cdm_app`); '' when its record did not say. */
  appSysId: string;
  appName: string;
}

/** The snapshot this changeset created for the deployable, if any. */
export function findChangesetSnapshot(
  client: ApiClient,
  changesetSysId: string,
  owner: SnapshotOwner,
): Promise<Snapshot | undefined> {
  return findSnapshot(
    client,
    `changeset_id=${changesetSysId}^cdm_deployable_id=${owner.deployableSysId}^ORDERBYDESCsys_created_on`,
    { ...owner, changesetSysId },
    'find the snapshot the changeset created',
  );
}

/** The deployable's most recently created snapshot, whatever changeset made it. */
export function findLatestSnapshot(client: ApiClient, owner: SnapshotOwner): Promise<Snapshot | undefined> {
  return findSnapshot(
    client,
    `cdm_deployable_id=${owner.deployableSysId}^ORDERBYDESCsys_created_on`,
    owner,
    'find the latest snapshot',
  );
}

/** The deployable's snapshot with this name. */
export function findNamedSnapshot(
  client: ApiClient,
  owner: SnapshotOwner,
  name: string,
): Promise<Snapshot | undefined> {
  return findSnapshot(
    client,
    `cdm_deployable_id=${owner.deployableSysId}^name=${queryValue(name)}^ORDERBYDESCsys_created_on`,
    { ...owner, name },
    `find the snapshot '${name}'`,
  );
}

/**
 * The first row of a snapshot query, checked against what was asked: its application first (a snapshot of another
 * application is never gated, and the error names whose it is), then its deployable, changeset and name.
 */
async function findSnapshot(
  client: ApiClient,
  query: string,
  expected: SnapshotOwner & { changesetSysId?: string; name?: string },
  what: string,
): Promise<Snapshot | undefined> {
  const { rows, spec } = await queryTable(client, {
    table: 'sn_cdm_snapshot',
    query,
    fields: SNAPSHOT_FIELDS,
    limit: 1,
    what,
  });
  if (!rows.length) return undefined;
  const snapshot = parseSnapshot(rows[0], client, spec);
  const otherApp =
    (snapshot.appSysId !== '' && expected.appSysId !== '' && snapshot.appSysId !== expected.appSysId) ||
    (snapshot.appName !== '' && snapshot.appName.toLowerCase() !== expected.appName.toLowerCase());
  const wrong = otherApp
    ? `application ${snapshot.appName || snapshot.appSysId}, not ${expected.appName}`
    : snapshot.deployableSysId !== expected.deployableSysId
      ? `deployable ${snapshot.deployableSysId || '(none)'} instead of ${expected.deployableSysId}`
      : expected.changesetSysId !== undefined && snapshot.changesetSysId !== expected.changesetSysId
        ? `changeset ${snapshot.changesetSysId || '(none)'} instead of ${expected.changesetSysId}`
        : expected.name !== undefined && snapshot.name !== expected.name
          ? `name '${snapshot.name}' instead of '${expected.name}'`
          : undefined;
  if (wrong) throw client.unexpectedAnswer(spec, `snapshot ${snapshot.name} belongs to ${wrong}`);
  return snapshot;
}

function parseSnapshot(row: TableRow, client: ApiClient, spec: RequestSpec): Snapshot {
  const sysId = textField(row, 'sys_id');
  const name = textField(row, 'name');
  if (!sysId || !name) throw client.unexpectedAnswer(spec, `a snapshot has no ${sysId ? 'name' : 'sys_id'}`);
  const state = parseValidation(row, client, spec);
  return {
    sysId,
    name,
    number: textField(row, 'number') ?? '',
    ...state,
    changesetSysId: referenceValue(row.changeset_id),
    changesetNumber: textField(row, 'changeset_id.number') ?? '',
    deployableSysId: referenceValue(row.cdm_deployable_id),
    appSysId: referenceValue(row.cdm_application_id),
    appName: textField(row, 'cdm_application_id.name') ?? '',
    createdOn: textField(row, 'sys_created_on') ?? '',
  };
}

function parseValidation(row: TableRow, client: ApiClient, spec: RequestSpec): SnapshotValidation {
  const validation = textField(row, 'validation');
  if (!validation) throw client.unexpectedAnswer(spec, 'the snapshot has no validation state');
  const published = textField(row, 'published')?.toLowerCase();
  if (published !== 'true' && published !== 'false') {
    throw client.unexpectedAnswer(
      spec,
      `the snapshot's published flag is '${published ?? 'missing'}', not true or false`,
    );
  }
  return {
    validation: validation.toLowerCase(),
    published: published === 'true',
    lastValidated: textField(row, 'last_validated') ?? '',
  };
}

/** The snapshot's current validation state. */
export async function getSnapshotValidation(client: ApiClient, sysId: string): Promise<SnapshotValidation> {
  const { row, spec } = await readTableRecord(
    client,
    'sn_cdm_snapshot',
    sysId,
    ['validation', 'last_validated', 'published'],
    'read the snapshot validation state',
  );
  return parseValidation(row, client, spec);
}

/** Starts a validation; it runs asynchronously, so success only means it started. The body is not read. */
export function validateSnapshot(client: ApiClient, connection: Connection, sysId: string): Promise<void> {
  return snapshotAction(client, connection, sysId, 'validate', 'start the snapshot validation');
}

/** Publishes the snapshot. The body is not read: the documented success body is not JSON. */
export function publishSnapshot(client: ApiClient, connection: Connection, sysId: string): Promise<void> {
  return snapshotAction(client, connection, sysId, 'publish', 'publish the snapshot');
}

/**
 * POST validate/publish: any 2xx is success and its body may be empty or not JSON at all, but an HTML page (a
 * login or proxy page) or a ServiceNow error object inside the 2xx answer is a failure.
 */
async function snapshotAction(
  client: ApiClient,
  connection: Connection,
  sysId: string,
  action: 'validate' | 'publish',
  what: string,
): Promise<void> {
  const spec: RequestSpec = {
    method: 'POST',
    path: cdmPath(connection, `snapshots/${encodeURIComponent(sysId)}/${action}`),
    what,
  };
  const response = await client.send(spec);
  const fail = (vendorMessage: string) =>
    new ApiError({ method: 'POST', url: client.displayUrl(spec), status: response.status, vendorMessage });
  if (isHtml(response.headers['content-type'], response.text)) throw fail(describeHtml(response.text));
  const body = tryParseJson(response.text);
  if (isRecord(body) && (body.status === 'failure' || isRecord(body.error))) {
    throw fail(readServiceNowMessage(body) ?? 'ServiceNow answered with status: failure and no message');
  }
}
