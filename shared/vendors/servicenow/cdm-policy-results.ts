/**
 * Per-policy validation results of a snapshot (Table API sn_cdm_policy_validation_result): one row per failure,
 * warning or information message a policy wrote, latest run only, paged.
 */
import { isRecord, tryParseJson } from '../../http/body.js';
import type { ApiClient } from '../../http/client.js';
import { queryTable, textField } from './table.js';

export interface PolicyResultRow {
  sysId: string;
  policy: string;
  /** Lower case: `failure`, `warning`, `information`, '' or a value ServiceNow may add later. */
  type: string;
  description: string;
  /** The readable path of the offending node, as ServiceNow wrote it. */
  nodePathUi: string;
  /** The encoded main-id path. */
  nodePath: string;
  impactedNode: string;
  /** The policy's decision, lower case: compliant, non_compliant, compliant_with_exception, or a custom one. */
  decision?: string;
  /** Why the decision could not be read, when the execution output was present but not the expected JSON. */
  outputProblem?: string;
}

export interface PolicyResults {
  rows: PolicyResultRow[];
  /** More rows existed than the action reads; the snapshot's own validation state still decides the gate. */
  truncated: boolean;
}

const PAGE_SIZE = 500;
/** Enough for any real policy set; the bound keeps memory and the result file in check. */
export const MAX_RESULT_ROWS = 10_000;
const FIELDS = [
  'sys_id',
  'policy.name',
  'type',
  'description',
  'node_path_ui',
  'node_path',
  'impacted_node.name',
  'policy_execution.output',
  'snapshot',
];

export async function getPolicyResults(client: ApiClient, snapshotSysId: string): Promise<PolicyResults> {
  const rows: PolicyResultRow[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await queryTable(client, {
      table: 'sn_cdm_policy_validation_result',
      query: `snapshot=${snapshotSysId}^is_latest=true^ORDERBYpolicy.name`,
      fields: FIELDS,
      limit: PAGE_SIZE,
      offset,
      what: 'read the policy validation results',
    });
    for (const row of page.rows) {
      const snapshot = row.snapshot;
      const owner = typeof snapshot === 'string' ? snapshot : isRecord(snapshot) ? snapshot.value : undefined;
      if (owner !== snapshotSysId) {
        throw client.unexpectedAnswer(
          page.spec,
          `a result row belongs to snapshot ${String(owner)}, not ${snapshotSysId}`,
        );
      }
      const policy = textField(row, 'policy.name');
      if (!policy) throw client.unexpectedAnswer(page.spec, 'a result row has no policy.name');
      rows.push({
        sysId: textField(row, 'sys_id') ?? '',
        policy,
        type: (textField(row, 'type') ?? '').trim().toLowerCase(),
        description: textField(row, 'description') ?? '',
        nodePathUi: textField(row, 'node_path_ui') ?? '',
        nodePath: textField(row, 'node_path') ?? '',
        impactedNode: textField(row, 'impacted_node.name') ?? '',
        ...readDecision(textField(row, 'policy_execution.output')),
      });
    }
    if (page.rows.length < PAGE_SIZE) return { rows, truncated: false };
    if (rows.length >= MAX_RESULT_ROWS) return { rows, truncated: true };
  }
}

/** `policy_execution.output` is JSON inside a string; it is often empty when the policy did not finish. */
export function readDecision(output: string | undefined): { decision?: string; outputProblem?: string } {
  if (output === undefined || output.trim() === '') return {};
  const parsed = tryParseJson(output);
  if (!isRecord(parsed)) return { outputProblem: 'the policy execution output is not a JSON object' };
  if (parsed.decision === undefined) return {};
  if (typeof parsed.decision !== 'string') return { outputProblem: 'the policy decision is not text' };
  return { decision: parsed.decision.trim().toLowerCase() };
}
