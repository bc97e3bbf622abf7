/**
 * ServiceNow Table API reads (`/api/now/table/{table}`), as the CDM snapshot and validation records are only
 * reachable through it. Booleans and numbers come back as strings; references as `{value, link}` or, with
 * `sysparm_exclude_reference_link=true`, as the bare sys_id. An unknown field in `sysparm_query` is silently
 * dropped by the server, so callers check the rows they get against what they asked for.
 */
import { isRecord } from '../../http/body.js';
import type { ApiClient } from '../../http/client.js';
import type { RequestSpec } from '../../http/request.js';

export interface TableQuery {
  table: string;
  /** An encoded query, e.g. `number=Chset-102^ORDERBYDESCsys_created_on`. */
  query: string;
  fields: readonly string[];
  limit: number;
  offset?: number;
  what: string;
}

export type TableRow = Record<string, unknown>;

export async function queryTable(
  client: ApiClient,
  request: TableQuery,
): Promise<{ rows: TableRow[]; spec: RequestSpec }> {
  const spec: RequestSpec = {
    method: 'GET',
    path: `/api/now/table/${request.table}`,
    query: {
      sysparm_query: request.query,
      sysparm_fields: request.fields.join(','),
      sysparm_limit: String(request.limit),
      sysparm_offset: request.offset ? String(request.offset) : undefined,
      sysparm_exclude_reference_link: 'true',
    },
    what: request.what,
  };
  const body = await client.json(spec);
  if (!isRecord(body) || !Array.isArray(body.result))
    throw client.unexpectedAnswer(spec, 'the answer has no result array');
  const rows = body.result.map((row) => {
    if (!isRecord(row)) throw client.unexpectedAnswer(spec, 'a result row is not an object');
    return row;
  });
  return { rows, spec };
}

export async function readTableRecord(
  client: ApiClient,
  table: string,
  sysId: string,
  fields: readonly string[],
  what: string,
): Promise<{ row: TableRow; spec: RequestSpec }> {
  const spec: RequestSpec = {
    method: 'GET',
    path: `/api/now/table/${table}/${encodeURIComponent(sysId)}`,
    query: { sysparm_fields: fields.join(','), sysparm_exclude_reference_link: 'true' },
    what,
  };
  const body = await client.json(spec);
  return { row: client.objectIn(body, spec, 'result'), spec };
}

/** A reference field's sys_id, whether it came flat or as `{value, link}`; '' when empty. */
export function referenceValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.value === 'string') return value.value;
  return '';
}

/** A field the Table API sends as text; undefined when absent or not text. */
export function textField(row: TableRow, name: string): string | undefined {
  const value = row[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A value inside an encoded query: `^` is the separator, and ServiceNow reads `^^` as a literal one. */
export function queryValue(value: string): string {
  return value.replace(/\^/g, '^^');
}
