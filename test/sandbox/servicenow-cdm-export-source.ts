/**
 * What an export request of the ServiceNow CDM sandbox exports: the configuration of the snapshot it names, or of
 * the deployable's latest published snapshot (its baseline while none of this sandbox's snapshots is published).
 * Unknown applications, deployables, exporters and snapshots are refused as the API refuses them. A deployable name
 * holding one of the sandbox's magic words (MAGIC_DEPLOYABLE_NAMES) is taken as known: it selects a failure.
 */
import { baselineConfig, SANDBOX_EXPORTERS, type DeployableConfig } from './servicenow-cdm-config.js';
import type { AdditionalDeployable } from './servicenow-cdm-content.js';
import type { CdmAppsSimulator } from './servicenow-apps.js';
import type { CdmSnapshotSimulator } from './servicenow-cdm-snapshots.js';
import type { CdmUploadSimulator } from './servicenow-cdm-uploads.js';

export interface ExportSourceHost {
  readonly uploadApi: CdmUploadSimulator;
  readonly appsApi: CdmAppsSimulator;
  readonly snapshotApi: CdmSnapshotSimulator;
}

export interface ExportRequest {
  appName: string;
  deployableName: string;
  exporterName: string;
  snapshotName?: string;
  additionalDeployables: AdditionalDeployable[];
}

/** Each exported deployable's snapshot: its name and configuration. */
export type ExportSource = Record<string, { snapshot: string; config: DeployableConfig }>;

/** The snapshots to export, or the refusal (HTTP 400) naming what is unknown. */
export function resolveExport(
  host: ExportSourceHost,
  request: ExportRequest,
  isMagic: (deployableName: string) => boolean,
): { source: ExportSource } | { refused: string } {
  if (!SANDBOX_EXPORTERS.includes(request.exporterName)) {
    return { refused: `Could not find exporter with name: '${request.exporterName}'` };
  }
  host.snapshotApi.sync();
  const wanted = [
    { app_name: request.appName, deployable_name: request.deployableName },
    ...request.additionalDeployables,
  ];
  const source: ExportSource = {};
  for (const [index, { app_name, deployable_name }] of wanted.entries()) {
    if (!host.uploadApi.applications.has(app_name)) {
      return { refused: `Could not find active application with name: '${app_name}' of type application` };
    }
    const app = host.appsApi.store.appByName(app_name);
    const deployable = app ? host.appsApi.store.deployable(app.sysId, deployable_name) : undefined;
    if (!deployable) {
      if (isMagic(deployable_name)) continue;
      return { refused: `Could not find deployable with name: '${deployable_name}' in application '${app_name}'` };
    }
    const snapshots = host.snapshotApi.snapshots.filter((s) => s.deployable.sysId === deployable.sysId);
    const named = index === 0 ? request.snapshotName : undefined;
    if (named !== undefined) {
      const snapshot = snapshots.find((s) => s.name === named);
      if (!snapshot) return { refused: `Snapshot '${named}' not found for deployable '${deployable_name}'` };
      source[deployable_name] = { snapshot: snapshot.name, config: snapshot.config };
      continue;
    }
    const published = snapshots.filter((s) => host.snapshotApi.isPublished(s)).at(-1);
    source[deployable_name] = published
      ? { snapshot: published.name, config: published.config }
      : { snapshot: `${deployable_name}-v0.dpl`, config: baselineConfig() };
  }
  return { source };
}
