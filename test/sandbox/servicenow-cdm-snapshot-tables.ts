/**
 * The Table API view of the CDM snapshot simulator: sn_cdm_changeset, sn_cdm_deployable, sn_cdm_snapshot and
 * sn_cdm_policy_validation_result rows, computed from the simulator's state at the sandbox clock.
 */
import { randomBytes } from 'node:crypto';
import type { DeployableRecord } from './servicenow-apps.js';
import { policyRows, type ResultRow } from './servicenow-cdm-policies.js';
import type { CdmSnapshotHost, CdmSnapshotSimulator, SandboxSnapshot } from './servicenow-cdm-snapshots.js';
import type { TableApi, TableRecord } from './servicenow-table.js';

export function registerSnapshotTables(table: TableApi, sim: CdmSnapshotSimulator, host: CdmSnapshotHost): void {
  table.register('sn_cdm_changeset', {
    fields: ['number', 'sys_id', 'state', 'snapshot_status', 'cdm_application', 'cdm_application.name'],
    rows: () =>
      [...host.uploadApi.changesets.values()].map((c) => {
        // A changeset belongs to the one application it was opened for.
        const row: TableRecord = {
          number: c.number,
          sys_id: c.sysId,
          state: c.state,
          cdm_application: host.appsApi.store.appByName(c.appName)?.sysId ?? '',
          'cdm_application.name': c.appName,
        };
        if (!sim.omitSnapshotStatus) row.snapshot_status = sim.generations.get(c.number)?.status ?? '';
        return row;
      }),
  });
  table.register('sn_cdm_deployable', {
    fields: ['sys_id', 'name', 'state', 'cdm_app', 'cdm_app.name', 'cmdb_ci', 'environment_type'],
    rows: () => sim.deployables().map((d) => deployableRow(d, sim.appName(d))),
  });
  table.register('sn_cdm_snapshot', {
    fields: [
      'sys_id',
      'number',
      'name',
      'validation',
      'published',
      'changeset_id',
      'cdm_deployable_id',
      'cdm_application_id',
      'cdm_application_id.name',
      'sys_created_on',
      'changeset_id.number',
      'cdm_deployable_id.name',
    ],
    rows: () => sim.snapshots.map((s) => snapshotRow(s, sim)),
  });
  table.register('sn_cdm_policy_validation_result', {
    fields: ['snapshot', 'is_latest', 'policy.name', 'type'],
    rows: () => resultRows(sim),
  });
}

function deployableRow(d: DeployableRecord, appName: string): TableRecord {
  return {
    sys_id: d.sysId,
    name: d.name,
    state: 'active',
    cdm_app: d.appSysId,
    'cdm_app.name': appName,
    cmdb_ci: d.serviceId,
    environment_type: d.environmentType,
  };
}

/** A snapshot as the sn_cdm_snapshot table sends it. */
export function snapshotRow(s: SandboxSnapshot, sim: CdmSnapshotSimulator): TableRecord {
  return {
    sys_id: s.sysId,
    number: s.number,
    name: s.name,
    validation: sim.validationOf(s),
    published: String(sim.isPublished(s)),
    last_validated: sim.lastValidated(s),
    last_published: s.publishedAt === undefined ? '' : formatTime(s.publishedAt),
    sys_created_on: formatTime(s.createdAt),
    changeset_id: s.changesetSysId,
    'changeset_id.number': s.changesetNumber,
    cdm_deployable_id: s.deployable.sysId,
    'cdm_deployable_id.name': s.deployable.name,
    cdm_application_id: s.appSysId,
    'cdm_application_id.name': s.appName,
  };
}

/** The rows of every completed validation run; only each snapshot's last completed run is `is_latest`. */
function resultRows(sim: CdmSnapshotSimulator): TableRecord[] {
  const rows: TableRecord[] = [];
  for (const snapshot of sim.snapshots) {
    const completed = sim.completed(snapshot);
    completed.forEach((run, index) => {
      const latest = index === completed.length - 1;
      for (const policy of run.policies) {
        for (const row of policyRows(policy, snapshot.deployable.name, snapshot.uploads)) {
          rows.push(resultRecord(row, snapshot, latest));
        }
      }
    });
  }
  return rows;
}

function resultRecord(row: ResultRow, snapshot: SandboxSnapshot, latest: boolean): TableRecord {
  return {
    sys_id: randomBytes(16).toString('hex'),
    snapshot: snapshot.sysId,
    'snapshot.name': snapshot.name,
    is_latest: String(latest),
    'policy.name': row.policy,
    type: row.type,
    description: row.description,
    node_path_ui: row.nodePathUi,
    node_path: '!&@!&D!&M',
    'impacted_node.name': row.impactedNode,
    'policy_execution.output': row.output,
  };
}

/** `YYYY-MM-DD HH:mm:ss` in UTC, ServiceNow's display format. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
