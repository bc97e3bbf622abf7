/**
 * CDM shared component endpoints of the application simulator (CdmApplicationsApi):
 *   GET, POST, PUT, DELETE /api/sn_cdm[/{api_version}]/applications/shared_components
 *   GET                    /api/sn_cdm[/{api_version}]/applications/shared_libraries/components/applications
 * Mutations need an open changeset of the application (see CdmAppsSimulator.changeset). Errors answer 400 in
 * ServiceNow's `{error:{message,detail:''},status:'failure'}` shape.
 */
import type { SandboxRequest, SandboxResponse } from './server.js';
import {
  booleanParam,
  encodeNodeId,
  formatTime,
  newSysId,
  pickFields,
  reference,
  requiredParam,
  snError,
  type AppRecord,
  type ChangesetView,
  type ComponentUsage,
  type SharedComponent,
} from './servicenow-apps-model.js';
import { usageKey, type AppsContext } from './servicenow-apps-store.js';

const BASE = String.raw`^/api/sn_cdm(?:/(?<version>v\d+))?/applications`;

export class SharedComponentsApi {
  constructor(private readonly ctx: AppsContext) {
    ctx.route('GET', `${BASE}/shared_components/?$`, (req) => this.list(req));
    ctx.route('POST', `${BASE}/shared_components/?$`, (req) => this.add(req));
    ctx.route('PUT', `${BASE}/shared_components/?$`, (req) => this.update(req));
    ctx.route('DELETE', `${BASE}/shared_components/?$`, (req) => this.remove(req));
    ctx.route('GET', `${BASE}/shared_libraries/components/applications/?$`, (req) => this.applicationsUsing(req));
  }

  private list(req: SandboxRequest): SandboxResponse {
    const q = req.query;
    const appName = requiredParam(q, 'appName');
    const app = this.ctx.store.appByName(appName, ['application', 'infrastructure', 'shared_library']);
    if (!app) throw snError(`Could not find active application with name: '${appName}'`);
    // The parameter table says withUpdatesOnly, the spec's cURL example sends updatesOnly: take either.
    const updatesOnly = booleanParam(q, q.has('withUpdatesOnly') ? 'withUpdatesOnly' : 'updatesOnly', false);
    const items = this.ctx.store.usagesOf(app.sysId).map((usage) => {
      const versions = this.ctx.store.component(usage.libraryName, usage.componentName)?.versions ?? [];
      const current = versions.findIndex((v) => v.name === usage.versionName);
      const latest = versions.at(-1);
      return {
        name: usage.componentName,
        description: this.ctx.store.component(usage.libraryName, usage.componentName)?.description ?? '',
        sharedLibraryName: usage.libraryName,
        currentVersion: String(current + 1),
        currentVersionName: usage.versionName,
        updateVersionName: latest && versions.indexOf(latest) > current ? latest.name : '',
      };
    });
    return { json: { result: updatesOnly ? items.filter((i) => i.updateVersionName !== '') : items } };
  }

  private applicationsUsing(req: SandboxRequest): SandboxResponse {
    const q = req.query;
    const libraryName = requiredParam(q, 'sharedLibraryName');
    const componentName = requiredParam(q, 'sharedComponentName');
    const component = this.component(libraryName, componentName);
    const apps = [...this.ctx.store.usages.values()]
      .filter((u) => u.libraryName === libraryName && u.componentName === component.name)
      .map((u) => this.ctx.store.applications.get(u.appSysId))
      .filter((a): a is AppRecord => a !== undefined);
    const result = apps.map((a) => ({
      name: a.name,
      description: a.description,
      managed_by_group: a.managedByGroups.length ? a.managedByGroups.join(',') : null,
      sys_id: a.sysId,
    }));
    return { json: { result: { [component.name]: result } } };
  }

  private add(req: SandboxRequest): SandboxResponse {
    const q = req.query;
    const app = this.app(requiredParam(q, 'appName'));
    const changeset = this.changeset(requiredParam(q, 'changesetNumber'), app);
    const component = this.component(requiredParam(q, 'sharedLibraryName'), requiredParam(q, 'sharedComponentName'));
    const latest = component.versions.at(-1);
    if (!latest) throw snError(`Shared component '${component.name}' has no published version`);
    if (this.ctx.store.usage(app.sysId, component.name, component.libraryName)) {
      throw snError(`Shared component '${component.name}' is already used by application '${app.name}'`);
    }
    const at = this.ctx.store.now();
    const usage: ComponentUsage = {
      nodeSysId: newSysId(),
      appSysId: app.sysId,
      libraryName: component.libraryName,
      componentName: component.name,
      versionName: latest.name,
      changesetNumber: changeset.number,
      mainId: String(this.ctx.store.nextNodeId()),
      status: 'new',
      createdAt: at,
      updatedAt: at,
    };
    this.ctx.store.usages.set(usageKey(usage), usage);
    const details = { sharedLibraryName: component.libraryName, versionName: latest.name };
    this.ctx.store.record({ ...event(req, 'create', app, usage), details });
    return { json: { result: pickFields(this.render(usage, component, changeset), q.get('returnFields')) } };
  }

  private update(req: SandboxRequest): SandboxResponse {
    const q = req.query;
    const app = this.app(requiredParam(q, 'appName'));
    const changeset = this.changeset(requiredParam(q, 'changesetNumber'), app);
    const component = this.component(requiredParam(q, 'sharedLibraryName'), requiredParam(q, 'sharedComponentName'));
    // The parameter table says version, the spec's cURL example sends versionName: take either.
    const versionName = q.get('version') || q.get('versionName');
    if (!versionName) throw snError(`Missing required param 'version'`);
    const usage = this.usage(app, component.name, component.libraryName);
    const version = component.versions.find((v) => v.name === versionName);
    if (!version) {
      throw snError(`Could not find published version '${versionName}' of shared component '${component.name}'`);
    }
    const previous = usage.versionName;
    const at = this.ctx.store.now();
    const updated: ComponentUsage = {
      ...usage,
      nodeSysId: newSysId(),
      previousNodeSysId: usage.nodeSysId,
      versionName,
      changesetNumber: changeset.number,
      status: 'updated',
      createdAt: at,
      updatedAt: at,
    };
    this.ctx.store.usages.set(usageKey(updated), updated);
    const details = { sharedLibraryName: component.libraryName, previousVersionName: previous, versionName };
    this.ctx.store.record({ ...event(req, 'update', app, updated), details });
    return { json: { result: pickFields(this.render(updated, component, changeset), q.get('returnFields')) } };
  }

  private remove(req: SandboxRequest): SandboxResponse {
    const q = req.query;
    const app = this.app(requiredParam(q, 'appName'));
    const changeset = this.changeset(requiredParam(q, 'changesetNumber'), app);
    const usage = this.usage(app, requiredParam(q, 'sharedComponentName'), q.get('sharedLibraryName') || undefined);
    this.ctx.store.usages.delete(usageKey(usage));
    const details = { sharedLibraryName: usage.libraryName, versionName: usage.versionName };
    this.ctx.store.record({ ...event(req, 'delete', app, usage), changesetNumber: changeset.number, details });
    return { json: '' };
  }

  /** The linked node as POST and PUT answer it (the spec's example fields, in its order). */
  private render(usage: ComponentUsage, component: SharedComponent, changeset: ChangesetView): Record<string, unknown> {
    const base = this.ctx.baseUrl();
    const version = component.versions.find((v) => v.name === usage.versionName);
    const encoded = encodeNodeId(Number(usage.mainId));
    return {
      changeset_id: reference(base, 'sn_cdm_changeset', changeset.sysId),
      node_path: `!${encodeNodeId(0)}!${encodeNodeId(1)}!${encoded}`,
      description: null,
      sys_updated_on: formatTime(usage.updatedAt),
      type: 'sn_cdm_node_linked_shared_component',
      sys_class_name: 'sn_cdm_node',
      sys_id: usage.nodeSysId,
      sys_updated_by: this.ctx.username,
      previous_version: usage.previousNodeSysId ? reference(base, 'sn_cdm_node', usage.previousNodeSysId) : null,
      sys_created_on: formatTime(usage.createdAt),
      value: null,
      effective_from: null,
      linked_to: component.mainId,
      sys_created_by: this.ctx.username,
      restricted_to: null,
      linked_to_version: reference(base, 'sn_cdm_snapshot', version?.sysId),
      level: '2',
      conflict_type: null,
      main_id: usage.mainId,
      effective_to: null,
      secure_value: null,
      node_classifier: '/application/components',
      main_id_encoded: encoded,
      name: component.name,
      position: null,
      reason_for_conflict: null,
      system_folder: false,
      status: usage.status,
      conflict: false,
    };
  }

  private app(appName: string): AppRecord {
    const app = this.ctx.store.appByName(appName);
    if (!app) throw snError(`Could not find active application with name: '${appName}' of type application`);
    return app;
  }

  private changeset(number: string, app: AppRecord): ChangesetView {
    const changeset = this.ctx.changeset(number, app.name);
    if (!changeset) throw snError(`Changeset '${number}' not found`);
    if (changeset.appName !== app.name) {
      throw snError(`Changeset '${number}' does not belong to application '${app.name}'`);
    }
    if (changeset.state !== 'open') throw snError(`Changeset '${number}' is not in open state`);
    return changeset;
  }

  private component(libraryName: string, name: string): SharedComponent {
    if (!this.ctx.store.appByName(libraryName, ['shared_library'])) {
      throw snError(`Could not find active shared library with name: '${libraryName}'`);
    }
    const component = this.ctx.store.component(libraryName, name);
    if (!component) {
      throw snError(`Could not find shared component with name: '${name}' in shared library: '${libraryName}'`);
    }
    return component;
  }

  private usage(app: AppRecord, componentName: string, libraryName?: string): ComponentUsage {
    const usage = this.ctx.store.usage(app.sysId, componentName, libraryName);
    if (!usage) throw snError(`Shared component '${componentName}' is not used by application '${app.name}'`);
    return usage;
  }
}

function event(req: SandboxRequest, action: 'create' | 'update' | 'delete', app: AppRecord, usage: ComponentUsage) {
  return {
    entity: 'shared_component' as const,
    action,
    appName: app.name,
    name: usage.componentName,
    sysId: usage.nodeSysId,
    changesetNumber: usage.changesetNumber,
    apiVersion: req.params.version,
  };
}
