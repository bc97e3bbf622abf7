/**
 * CDM changesets and their deployables: the deployables a changeset impacted (CdmChangesetsApi), deployables by
 * name, the application a deployable or changeset belongs to, and the changeset's snapshot generation (Table API
 * sn_cdm_changeset and sn_cdm_deployable). Rows are checked against what was asked for, as the Table API drops an
 * unknown query field silently and would then answer unrelated rows.
 */
import { isRecord } from '../../http/body.js';
import type { ApiClient } from '../../http/client.js';
import type { RequestSpec } from '../../http/request.js';
import { cdmPath, type ServiceNowConnection } from './connection.js';
import { queryTable, queryValue, readTableRecord, referenceValue, textField, type TableRow } from './table.js';

type Connection = Pick<ServiceNowConnection, 'apiVersion'>;

export interface Deployable {
  sysId: string;
  name: string;
  /** `active` or `deleted` (lower case); other values are kept as sent. */
  state: string;
  appSysId: string;
  /** The connected service (`cmdb_ci`, or `cdm_ci` as one page of the docs names it); '' when not connected. */
  serviceId: string;
}

export interface Changeset {
  number: string;
  sysId: string;
  state: string;
  /** `created`, `none`, `error` or an in-flight value; undefined when the instance does not have the field. */
  snapshotStatus?: string;
  /** The application the changeset belongs to: its sys_id and its name. */
  appSysId: string;
  appName: string;
}

const DEPLOYABLE_FIELDS = ['sys_id', 'name', 'state', 'cdm_app', 'cmdb_ci', 'cdm_ci'];

/** The deployables a committed changeset impacted (deleted ones included; the caller skips them). */
export async function getImpactedDeployables(
  client: ApiClient,
  connection: Connection,
  changesetNumber: string,
): Promise<Deployable[]> {
  const spec: RequestSpec = {
    method: 'GET',
    path: cdmPath(connection, 'changesets/impacted-deployables'),
    query: { changesetNumber, returnFields: DEPLOYABLE_FIELDS.join(',') },
    what: 'list the deployables the changeset impacted',
  };
  const body = await client.json(spec);
  if (!isRecord(body) || !Array.isArray(body.result))
    throw client.unexpectedAnswer(spec, 'the answer has no result array');
  return body.result.map((row) => {
    if (!isRecord(row)) throw client.unexpectedAnswer(spec, 'a deployable is not an object');
    return parseDeployable(row, client, spec);
  });
}

/**
 * The application's deployables with these names (compared case-insensitively); missing names are left out.
 * Deployables are found by name and then kept only when their application's name matches: the application's name
 * is `cdm_app.name` on some instances and `cdm_app.node.name` on others, and a query on the wrong one would be
 * dropped silently, so both are read and neither is queried.
 */
export async function findDeployables(
  client: ApiClient,
  appName: string,
  names: readonly string[],
): Promise<Deployable[]> {
  const found: Deployable[] = [];
  const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();
  for (const name of names) {
    const { rows, spec } = await queryTable(client, {
      table: 'sn_cdm_deployable',
      query: `name=${queryValue(name)}`,
      fields: [...DEPLOYABLE_FIELDS, 'cdm_app.name', 'cdm_app.node.name'],
      limit: 100,
      what: `find the deployable '${name}'`,
    });
    const named = rows.filter((row) => same(textField(row, 'name'), name));
    if (named.length && named.every((row) => !textField(row, 'cdm_app.name') && !textField(row, 'cdm_app.node.name'))) {
      throw client.unexpectedAnswer(
        spec,
        'the deployables carry no application name (cdm_app.name or cdm_app.node.name)',
      );
    }
    const matching = named.filter(
      (row) => same(textField(row, 'cdm_app.name'), appName) || same(textField(row, 'cdm_app.node.name'), appName),
    );
    if (matching.length > 1) {
      throw client.unexpectedAnswer(spec, `${matching.length} deployables of '${appName}' are named '${name}'`);
    }
    if (matching.length === 1) found.push(parseDeployable(matching[0], client, spec));
  }
  return found;
}

function parseDeployable(row: TableRow, client: ApiClient, spec: RequestSpec): Deployable {
  const sysId = textField(row, 'sys_id');
  const name = textField(row, 'name');
  if (!sysId || !name) throw client.unexpectedAnswer(spec, `a deployable has no ${sysId ? 'name' : 'sys_id'}`);
  return {
    sysId,
    name,
    state: (textField(row, 'state') ?? '').toLowerCase(),
    appSysId: referenceValue(row.cdm_app),
    serviceId: referenceValue(row.cmdb_ci) || referenceValue(row.cdm_ci),
  };
}

/** The name of the application a deployable belongs to, as sn_cdm_deployable says; '' when it does not. */
export async function getDeployableAppName(client: ApiClient, deployableSysId: string): Promise<string> {
  const { row } = await readTableRecord(
    client,
    'sn_cdm_deployable',
    deployableSysId,
    ['cdm_app.name', 'cdm_app.node.name'],
    'read the application of a deployable',
  );
  return textField(row, 'cdm_app.name') || textField(row, 'cdm_app.node.name') || '';
}

/**
 * The changeset record with its snapshot generation status and its application; undefined when no changeset has
 * this number. The application's name is `cdm_application.name` on some instances and `cdm_application.node.name`
 * on others (as for deployables), so both are read; a changeset that says neither is refused, as the gate could not
 * tell whose it is.
 */
export async function getChangeset(client: ApiClient, number: string): Promise<Changeset | undefined> {
  const { rows, spec } = await queryTable(client, {
    table: 'sn_cdm_changeset',
    query: `number=${queryValue(number)}`,
    fields: [
      'number',
      'sys_id',
      'state',
      'snapshot_status',
      'cdm_application',
      'cdm_application.name',
      'cdm_application.node.name',
    ],
    limit: 1,
    what: `read changeset ${number}`,
  });
  if (!rows.length) return undefined;
  const row = rows[0];
  if (textField(row, 'number') !== number) {
    throw client.unexpectedAnswer(
      spec,
      `asked for changeset ${number}, got ${textField(row, 'number') ?? 'a row without a number'}`,
    );
  }
  const sysId = textField(row, 'sys_id');
  const state = textField(row, 'state');
  if (!sysId || state === undefined)
    throw client.unexpectedAnswer(spec, `the changeset has no ${sysId ? 'state' : 'sys_id'}`);
  const appSysId = referenceValue(row.cdm_application);
  const appName = textField(row, 'cdm_application.name') || textField(row, 'cdm_application.node.name');
  if (!appSysId || !appName) {
    throw client.unexpectedAnswer(
      spec,
      `the changeset carries no application ${appSysId ? 'name (cdm_application.name or cdm_application.node.name)' : '(cdm_application)'}`,
    );
  }
  const status = 'snapshot_status' in row ? (textField(row, 'snapshot_status') ?? '') : undefined;
  return { number, sysId, state: state.toLowerCase(), snapshotStatus: status?.toLowerCase(), appSysId, appName };
}
