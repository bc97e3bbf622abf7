/**
 * A small ServiceNow Table API (`GET /api/now/table/{table}[/{sys_id}]`) over in-memory rows: encoded queries with
 * `=`, `!=`, `^` (and `^^` for a literal caret), `ORDERBY` / `ORDERBYDESC`; `sysparm_fields`, `sysparm_limit`,
 * `sysparm_offset`. Comparisons ignore case. As on a real instance, a condition on a field the table does not have is silently dropped,
 * and every value is sent as a string.
 */
import type { SandboxRequest, SandboxResponse, SandboxServer } from './server.js';
import { serviceNowErrorBody } from './server.js';

/** A row as the Table API sends it: dot-walked fields are flat keys. */
export type TableRecord = Record<string, string>;

export interface TableSource {
  /** Every field the table has (conditions on other fields are dropped). */
  fields: readonly string[];
  rows(): TableRecord[];
}

interface Condition {
  field: string;
  negate: boolean;
  value: string;
}

export interface ParsedQuery {
  conditions: Condition[];
  order?: { field: string; descending: boolean };
}

export function parseEncodedQuery(query: string): ParsedQuery {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < query.length; i++) {
    if (query[i] === '^' && query[i + 1] === '^') {
      current += '^';
      i++;
    } else if (query[i] === '^') {
      parts.push(current);
      current = '';
    } else {
      current += query[i];
    }
  }
  parts.push(current);
  const parsed: ParsedQuery = { conditions: [] };
  for (const part of parts.filter(Boolean)) {
    const order = /^ORDERBY(DESC)?(.+)$/.exec(part);
    if (order) {
      parsed.order = { field: order[2], descending: order[1] === 'DESC' };
      continue;
    }
    const match = /^([^=!]+)(!=|=)(.*)$/.exec(part);
    if (match) parsed.conditions.push({ field: match[1], negate: match[2] === '!=', value: match[3] });
  }
  return parsed;
}

export class TableApi {
  private readonly tables = new Map<string, TableSource>();

  constructor(server: SandboxServer, beforeRead: () => void) {
    const handler = (req: SandboxRequest): SandboxResponse => {
      beforeRead();
      return this.answer(req);
    };
    server.route('GET', /^\/api\/now\/(?:v\d+\/)?table\/(?<table>[a-z0-9_]+)(?:\/(?<id>[^/]+))?\/?$/, handler);
  }

  register(name: string, source: TableSource): void {
    this.tables.set(name, source);
  }

  private answer(req: SandboxRequest): SandboxResponse {
    const table = this.tables.get(req.params.table);
    if (!table) {
      return { status: 400, json: serviceNowErrorBody('Invalid table ' + req.params.table, null) };
    }
    const fields = (req.query.get('sysparm_fields') ?? '').split(',').filter(Boolean);
    const project = (row: TableRecord) =>
      fields.length ? Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, row[f]])) : row;
    if (req.params.id) {
      const row = table.rows().find((r) => r.sys_id === req.params.id);
      if (!row)
        return {
          status: 404,
          json: serviceNowErrorBody('No Record found', "Record doesn't exist or ACL restricts the record retrieval"),
        };
      return { json: { result: project(row) } };
    }
    const query = parseEncodedQuery(req.query.get('sysparm_query') ?? '');
    const known = query.conditions.filter((c) => table.fields.includes(c.field));
    // String comparisons on an instance ignore case (its database collation).
    const equal = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();
    let rows = table.rows().filter((row) => known.every((c) => equal(row[c.field], c.value) !== c.negate));
    if (query.order && table.fields.includes(query.order.field)) {
      const { field, descending } = query.order;
      // Rows created within the same second keep their creation order (the later one counts as newer).
      const indexed = rows.map((row, index) => ({ row, index }));
      indexed.sort((a, b) => {
        const x = a.row[field] ?? '';
        const y = b.row[field] ?? '';
        return ((x < y ? -1 : x > y ? 1 : 0) || a.index - b.index) * (descending ? -1 : 1);
      });
      rows = indexed.map(({ row }) => row);
    }
    const offset = Number(req.query.get('sysparm_offset') ?? 0);
    const limit = Number(req.query.get('sysparm_limit') ?? 10_000);
    return { json: { result: rows.slice(offset, offset + limit).map(project) } };
  }
}
