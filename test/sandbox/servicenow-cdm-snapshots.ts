/**
 * Snapshot half of the ServiceNow CDM simulator; ServiceNowCdmSandbox registers it on its server:
 *   GET  /api/sn_cdm[/{api_version}]/changesets/impacted-deployables?changesetNumber=
 *   POST /api/sn_cdm[/{api_version}]/snapshots/{sys_id}/validate | /publish
 *   GET  /api/now/table/{sn_cdm_changeset, sn_cdm_deployable, sn_cdm_snapshot, sn_cdm_policy_validation_result}
 * A committed changeset (from the upload simulator) generates one snapshot per impacted deployable
 * `snapshotDelayMs` after its commit; until then its snapshot_status is ''. A name path containing `no-snapshot`
 * makes the generation end `none`, `snapshot-error` makes it `error`. Validations follow the sandbox clock:
 * `requested` for the first 10 % of validationDurationMs, `in_progress` until it, then the state the policies
 * (servicenow-cdm-policies.ts) decide. Changesets committed with autoValidate validate by themselves, and
 * publish_valid publishes what passes.
 */
import { randomBytes } from 'node:crypto';
import { serviceNowErrorBody, type SandboxRequest, type SandboxResponse, type SandboxServer } from './server.js';
import type { CdmAppsSimulator, DeployableRecord } from './servicenow-apps.js';
import { finalValidation, outcomeOf, type SandboxPolicy } from './servicenow-cdm-policies.js';
import { applyUploads, baselineConfig, type ConfigUpload, type DeployableConfig } from './servicenow-cdm-config.js';
import type { CdmUploadSimulator } from './servicenow-cdm-uploads.js';
import { formatTime, registerSnapshotTables } from './servicenow-cdm-snapshot-tables.js';
import { TableApi } from './servicenow-table.js';

export { POLICY_OUTCOMES, outcomeOf, type PolicyOutcome, type SandboxPolicy } from './servicenow-cdm-policies.js';

export interface CdmSnapshotOptions {
  /** Time from a commit to its snapshots. Default 300. */
  snapshotDelayMs?: number;
  /** Time from a validation request to its final state. Default 1000. */
  validationDurationMs?: number;
  /** The policies mapped to every deployable. Default: one policy that passes. */
  policies?: SandboxPolicy[];
}

export interface CdmSnapshotHost {
  readonly server: SandboxServer;
  readonly uploadDurationMs: number;
  readonly uploadApi: CdmUploadSimulator;
  readonly appsApi: CdmAppsSimulator;
}

export interface ValidationRun {
  startedAt: number;
  policies: SandboxPolicy[];
  /** A validation requested by the changeset's autoValidate rather than by the API. */
  automatic: boolean;
}

export interface SandboxSnapshot {
  sysId: string;
  number: string;
  name: string;
  appName: string;
  appSysId: string;
  deployable: DeployableRecord;
  changesetSysId: string;
  changesetNumber: string;
  createdAt: number;
  uploads: ConfigUpload[];
  /** The deployable's whole configuration at the commit: the one before it with the commit's uploads applied. */
  config: DeployableConfig;
  runs: ValidationRun[];
  publishedAt?: number;
  autoPublish: boolean;
}

export interface Generation {
  status: 'created' | 'none' | 'error';
  impacted: DeployableRecord[];
}

const hex = (): string => randomBytes(16).toString('hex');
const PREFIX = String.raw`^/api/sn_cdm(?:/(?<version>v\d+))?`;

export class CdmSnapshotSimulator {
  readonly snapshots: SandboxSnapshot[] = [];
  snapshotDelayMs: number;
  validationDurationMs: number;
  policies: SandboxPolicy[];
  /** Answer sn_cdm_changeset without the snapshot_status field, as older releases do. */
  omitSnapshotStatus = false;
  /** Deployables (by name) the impacted-deployables answer lists as `deleted`; a commit makes them no snapshot. */
  readonly deletedDeployables = new Set<string>();
  readonly generations = new Map<string, Generation>();
  private readonly versions = new Map<string, number>();
  private counter = 1000;

  constructor(
    private readonly host: CdmSnapshotHost,
    options: CdmSnapshotOptions = {},
  ) {
    this.snapshotDelayMs = options.snapshotDelayMs ?? 300;
    this.validationDurationMs = options.validationDurationMs ?? 1000;
    this.policies = options.policies ?? [{ name: 'RequiredKeys' }];
    const server = host.server;
    server.route('GET', new RegExp(`${PREFIX}/changesets/impacted-deployables/?$`), (req) => this.impacted(req));
    server.route('POST', new RegExp(`${PREFIX}/snapshots/(?<id>[^/]+)/validate/?$`), (req) => this.validate(req));
    server.route('POST', new RegExp(`${PREFIX}/snapshots/(?<id>[^/]+)/publish/?$`), (req) => this.publish(req));
    registerSnapshotTables(new TableApi(server, () => this.sync()), this, host);
  }

  /** Forgets snapshots and generations (the upload simulator's reset forgets the changesets). */
  reset(): void {
    this.snapshots.length = 0;
    this.generations.clear();
    this.versions.clear();
    this.omitSnapshotStatus = false;
    this.deletedDeployables.clear();
  }

  /** A snapshot that no changeset of this run made, e.g. the deployable's latest from an earlier release. */
  seedSnapshot(
    appName: string,
    deployableName: string,
    state: { validated?: boolean; published?: boolean; policies?: SandboxPolicy[] } = {},
  ): SandboxSnapshot {
    const deployable = this.deployables().find((d) => d.name === deployableName && this.appName(d) === appName);
    if (!deployable) throw new Error(`no deployable ${appName}/${deployableName}`);
    const snapshot = this.createSnapshot(deployable, '', 'Chset-0', [], false, false);
    const longAgo = this.host.server.now() - 10 * this.validationDurationMs;
    if (state.validated || state.published) {
      snapshot.runs.push({ startedAt: longAgo, policies: state.policies ?? this.policies, automatic: false });
    }
    if (state.published) snapshot.publishedAt = longAgo;
    return snapshot;
  }

  /** The snapshot's validation state at the sandbox clock. */
  validationOf(snapshot: SandboxSnapshot): string {
    const run = snapshot.runs.at(-1);
    if (!run) return 'not_validated';
    const outcomes = run.policies.map(outcomeOf);
    const elapsed = this.host.server.now() - run.startedAt;
    if (outcomes.includes('never-starts'))
      return snapshot.runs.length > 1 ? this.finalOf(snapshot.runs.at(-2)) : 'not_validated';
    if (elapsed < this.validationDurationMs * 0.1) return 'requested';
    if (outcomes.includes('slow') || elapsed < this.validationDurationMs) return 'in_progress';
    return finalValidation(run.policies);
  }

  isPublished(snapshot: SandboxSnapshot): boolean {
    if (snapshot.publishedAt !== undefined) return true;
    return snapshot.autoPublish && ['passed', 'passed_with_exception'].includes(this.validationOf(snapshot));
  }

  private finalOf(run: ValidationRun | undefined): string {
    return run ? finalValidation(run.policies) : 'not_validated';
  }

  completed(snapshot: SandboxSnapshot): ValidationRun[] {
    return snapshot.runs.filter((run, index) => {
      if (index < snapshot.runs.length - 1) return !run.policies.some((p) => outcomeOf(p) === 'never-starts');
      return ['passed', 'passed_with_exception', 'failed', 'execution_error'].includes(this.validationOf(snapshot));
    });
  }

  lastValidated(snapshot: SandboxSnapshot): string {
    const run = this.completed(snapshot).at(-1);
    return run ? formatTime(run.startedAt + this.validationDurationMs) : '';
  }

  deployables(): DeployableRecord[] {
    return [...this.host.appsApi.store.deployables.values()];
  }

  appName(deployable: DeployableRecord): string {
    return this.host.appsApi.store.applications.get(deployable.appSysId)?.name ?? '';
  }

  /** Generates the snapshots of every changeset whose commit is old enough. */
  sync(): void {
    const now = this.host.server.now();
    for (const changeset of this.host.uploadApi.changesets.values()) {
      if (this.generations.has(changeset.number) || changeset.state !== 'committed') continue;
      const commit = changeset.commitUploadId ? this.host.uploadApi.uploads.get(changeset.commitUploadId) : undefined;
      if (!commit || now < commit.createdAt + this.host.uploadDurationMs + this.snapshotDelayMs) continue;
      const uploads = changeset.uploads.map((id) => this.host.uploadApi.uploads.get(id)).filter((u) => u !== undefined);
      const app = this.host.appsApi.store.appByName(changeset.appName);
      const targeted = new Set(uploads.map((u) => u.params.deployableName).filter((n) => n !== undefined));
      const impacted = this.deployables().filter(
        (d) =>
          d.appSysId === app?.sysId &&
          (uploads.some((u) => !u.target.startsWith('deployables')) || targeted.has(d.name)),
      );
      const paths = uploads.map((u) => u.params.namePath ?? '');
      const status = paths.some((p) => p.includes('snapshot-error'))
        ? 'error'
        : paths.some((p) => p.includes('no-snapshot')) || !impacted.length
          ? 'none'
          : 'created';
      this.generations.set(changeset.number, { status, impacted });
      if (status !== 'created') continue;
      const configs: ConfigUpload[] = uploads.map((u) => ({
        appName: changeset.appName,
        folder: u.target.startsWith('collections')
          ? `collections/${u.params.collectionName ?? ''}`
          : u.target.startsWith('deployables')
            ? `deployables/${u.params.deployableName ?? ''}`
            : u.target === 'components/vars'
              ? 'vars'
              : 'components',
        namePath: u.params.namePath ?? '',
        body: u.body.toString('utf8'),
        dataFormat: u.params.dataFormat,
        fileName: u.params.fileName,
      }));
      for (const deployable of impacted.filter((d) => !this.deletedDeployables.has(d.name))) {
        const autoPublish = changeset.publishOption === 'publish_valid';
        this.createSnapshot(
          deployable,
          changeset.sysId,
          changeset.number,
          configs,
          changeset.autoValidate,
          autoPublish,
        );
      }
    }
  }

  private createSnapshot(
    deployable: DeployableRecord,
    changesetSysId: string,
    changesetNumber: string,
    uploads: ConfigUpload[],
    autoValidate: boolean,
    autoPublish: boolean,
  ): SandboxSnapshot {
    const version = (this.versions.get(deployable.sysId) ?? 0) + 1;
    this.versions.set(deployable.sysId, version);
    const now = this.host.server.now();
    const before = this.snapshots.findLast((s) => s.deployable.sysId === deployable.sysId)?.config ?? baselineConfig();
    const snapshot: SandboxSnapshot = {
      sysId: hex(),
      number: `SNAP000${++this.counter}`,
      name: `${deployable.name}-v${version}.dpl`,
      appName: this.appName(deployable),
      appSysId: deployable.appSysId,
      deployable,
      changesetSysId,
      changesetNumber,
      createdAt: now,
      uploads,
      config: applyUploads(before, deployable.name, uploads),
      runs: autoValidate ? [{ startedAt: now, policies: [...this.policies], automatic: true }] : [],
      autoPublish,
    };
    this.snapshots.push(snapshot);
    return snapshot;
  }

  private impacted(req: SandboxRequest): SandboxResponse {
    this.sync();
    const number = req.query.get('changesetNumber');
    if (!number) return { status: 400, json: serviceNowErrorBody("Missing required param 'changesetNumber'", '') };
    const changeset = this.host.uploadApi.changesets.get(number);
    if (!changeset) {
      return { status: 400, json: serviceNowErrorBody(`Error: Changeset '${number}' not found`, '') };
    }
    const base = this.host.server.url;
    const ref = (table: string, value: string) =>
      value ? { value, link: `${base}/api/now/table/${table}/${value}` } : '';
    const impacted = this.generations.get(number)?.impacted ?? [];
    return {
      json: {
        result: impacted.map((d) => ({
          sys_id: d.sysId,
          name: d.name,
          state: this.deletedDeployables.has(d.name) ? 'deleted' : 'active',
          environment_type: d.environmentType,
          snapshot_version_counter: String(this.versions.get(d.sysId) ?? 0),
          cdm_app: ref('sn_cdm_application', d.appSysId),
          cmdb_ci: ref('cmdb_ci_service_auto', d.serviceId),
          node: ref('sn_cdm_node', d.nodeSysId),
        })),
      },
    };
  }

  private validate(req: SandboxRequest): SandboxResponse {
    this.sync();
    const snapshot = this.snapshots.find((s) => s.sysId === req.params.id);
    if (!snapshot) return { status: 400, json: serviceNowErrorBody(`Invalid Snapshot id:${req.params.id}`, '') };
    if (this.isPublished(snapshot)) {
      return {
        status: 400,
        json: serviceNowErrorBody(`Snapshot '${snapshot.name}' is published and cannot be validated`, ''),
      };
    }
    snapshot.runs.push({ startedAt: this.host.server.now(), policies: [...this.policies], automatic: false });
    return { body: '{ "" }', contentType: 'application/json' };
  }

  private publish(req: SandboxRequest): SandboxResponse {
    this.sync();
    const fail = (message: string): SandboxResponse => ({
      status: 400,
      json: serviceNowErrorBody(`Error: Unexpected error occurred in publish request.Error:${message}`, ''),
    });
    const snapshot = this.snapshots.find((s) => s.sysId === req.params.id);
    if (!snapshot) return fail('Snapshot not found');
    if (this.isPublished(snapshot)) return fail(`Snapshot '${snapshot.name}' is already published`);
    if (!['passed', 'passed_with_exception'].includes(this.validationOf(snapshot))) {
      return fail(`Snapshot '${snapshot.name}' has not passed validation`);
    }
    if (!snapshot.deployable.serviceId) {
      return fail(`Deployable '${snapshot.deployable.name}' is not connected to a service`);
    }
    if (snapshot.runs.at(-1)?.policies.some((p) => outcomeOf(p) === 'publish-refused')) {
      return fail(`Publishing of '${snapshot.name}' is blocked by the deployable's publish policy`);
    }
    snapshot.publishedAt = this.host.server.now();
    return { body: '{ "" }', contentType: 'application/json' };
  }
}
