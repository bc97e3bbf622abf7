/**
 * CDM deployable endpoints of the application simulator (CdmApplicationsApi):
 *   POST, PUT, DELETE /api/sn_cdm[/{api_version}]/applications/deployables
 *   POST              /api/sn_cdm[/{api_version}]/applications/deployables/create
 * Errors use ServiceNow's `{error:{message,detail:''},status:'failure'}` shape: 400, except /create which documents
 * only 200 and 500.
 */
import { JSON_CONTENT_TYPE, type SandboxRequest, type SandboxResponse } from './server.js';
import {
  ENV_TYPES,
  formatTime,
  newSysId,
  pickFields,
  reference,
  requiredParam,
  snError,
  type AppRecord,
  type DeployableRecord,
  type EnvType,
} from './servicenow-apps-model.js';
import type { AppsContext } from './servicenow-apps-store.js';

export const DEPLOYABLE_NAME_PATTERN = /^[0-9A-Za-z_\-.%$\s:#]+$/;
export const MAX_DEPLOYABLE_NAME_LENGTH = 255;
/** Largest `quantity` /deployables/create accepts. */
export const MAX_CREATE_QUANTITY = 100;

const BASE = String.raw`^/api/sn_cdm(?:/(?<version>v\d+))?/applications/deployables`;

export class DeployablesApi {
  constructor(private readonly ctx: AppsContext) {
    ctx.route('POST', `${BASE}/?$`, (req) => this.create(req));
    ctx.route('PUT', `${BASE}/?$`, (req) => this.update(req));
    ctx.route('DELETE', `${BASE}/?$`, (req) => this.remove(req));
    ctx.route('POST', `${BASE}/create/?$`, (req) => this.createMany(req));
  }

  /** A deployable as the endpoints render it (the spec's examples: counters as strings, references as objects). */
  render(d: DeployableRecord): Record<string, unknown> {
    const base = this.ctx.baseUrl();
    const serviceTable = this.ctx.store.technicalServices.has(d.serviceId)
      ? 'cmdb_ci_query_based_service'
      : 'cmdb_ci_service_auto';
    return {
      identifier: d.identifier,
      cmdb_ci: reference(base, serviceTable, d.serviceId),
      cdi_count: '0',
      snapshot_version_counter: '0',
      description: d.description,
      sys_updated_on: formatTime(d.updatedAt),
      environment_type: d.environmentType,
      node: reference(base, 'sn_cdm_node', d.nodeSysId),
      sys_id: d.sysId,
      sys_updated_by: this.ctx.username,
      cdm_app: reference(base, 'sn_cdm_application', d.appSysId),
      sys_created_on: formatTime(d.createdAt),
      cdi_usage: '0',
      name: d.name,
      state: 'active',
      sys_created_by: this.ctx.username,
    };
  }

  private create(req: SandboxRequest): SandboxResponse {
    const q = req.query;
    const appName = requiredParam(q, 'appName');
    const name = requiredParam(q, 'name');
    const envType = envTypeParam(requiredParam(q, 'envType'), 400);
    checkName(name);
    const app = this.app(appName);
    this.checkUnique(app, name);
    const deployable = this.add(app, name, envType, this.ctx.store.addService(`${app.name} ${name}`));
    this.ctx.store.record({ ...event(req, 'create', app, deployable), details: { environmentType: envType } });
    return { json: { result: [pickFields(this.render(deployable), q.get('returnFields'))] } };
  }

  private createMany(req: SandboxRequest): SandboxResponse {
    const q = req.query;
    const param = (name: string): string => {
      const value = q.get(name);
      if (!value) throw snError(`Error: Missing required param '${name}'`, 500);
      return value;
    };
    const appSysId = param('appSysId');
    const envType = envTypeParam(param('envType'), 500, 'Error: ');
    const quantityText = param('quantity');
    const autoConnectText = param('autoConnect');
    const quantity = Number(quantityText);
    if (!/^\d+$/.test(quantityText) || quantity < 1 || quantity > MAX_CREATE_QUANTITY) {
      throw snError(`Error: Invalid quantity (${quantityText}). Expected 1 to ${MAX_CREATE_QUANTITY}.`, 500);
    }
    if (autoConnectText !== 'true' && autoConnectText !== 'false') {
      throw snError(`Error: Invalid Boolean value (${autoConnectText}).`, 500);
    }
    const app = this.ctx.store.applications.get(appSysId);
    if (!app || app.type === 'shared_library') {
      throw snError(
        `Error: CDM Application with SysID ${appSysId} was not found. ` +
          '(sys_script_include.8cf0fbf453626010a1d3ddeeff7b12fe.script; line 211)',
        500,
      );
    }
    const ids: string[] = [];
    for (let i = 0; i < quantity; i += 1) {
      const name = this.ctx.store.nextGeneratedName(app.sysId, envType);
      const serviceId = autoConnectText === 'true' ? this.ctx.store.addService(`${app.name} ${name}`) : '';
      const deployable = this.add(app, name, envType, serviceId);
      const details = { environmentType: envType, autoConnect: autoConnectText === 'true' };
      this.ctx.store.record({ ...event(req, 'create', app, deployable), details });
      ids.push(deployable.sysId);
    }
    return { json: { result: ids } };
  }

  private update(req: SandboxRequest): SandboxResponse {
    const q = req.query;
    const app = this.app(requiredParam(q, 'appName'));
    const name = requiredParam(q, 'name');
    const deployable = this.find(app, name);
    const newName = q.get('newName') || undefined;
    const newServiceId = q.get('newServiceId');
    if (newName !== undefined && newName !== deployable.name) {
      checkName(newName);
      this.checkUnique(app, newName);
    }
    if (newServiceId && !this.ctx.store.services.has(newServiceId)) {
      if (!this.ctx.store.technicalServices.has(newServiceId)) {
        throw snError(`Could not find application service or dynamic CI group with sys_id: '${newServiceId}'`);
      }
    }
    const details: Record<string, unknown> = {};
    if (newName !== undefined) details.name = deployable.name = newName;
    if (q.has('newDescription')) details.description = deployable.description = q.get('newDescription') ?? '';
    if (newServiceId !== null) details.serviceId = deployable.serviceId = newServiceId;
    if (q.has('newIdentifier')) details.identifier = deployable.identifier = q.get('newIdentifier') ?? '';
    deployable.updatedAt = this.ctx.store.now();
    this.ctx.store.record({ ...event(req, 'update', app, deployable), name, details });
    return { json: { result: pickFields(this.render(deployable), q.get('returnFields')) } };
  }

  private remove(req: SandboxRequest): SandboxResponse {
    const q = req.query;
    const app = this.app(requiredParam(q, 'appName'));
    const deployable = this.find(app, requiredParam(q, 'name'));
    this.ctx.store.deployables.delete(deployable.sysId);
    const details = { environmentType: deployable.environmentType };
    this.ctx.store.record({ ...event(req, 'delete', app, deployable), details });
    return { status: 200, body: '', contentType: JSON_CONTENT_TYPE };
  }

  private app(appName: string): AppRecord {
    const app = this.ctx.store.appByName(appName);
    if (!app) throw snError(`Could not find active application with name: '${appName}' of type application`);
    return app;
  }

  private find(app: AppRecord, name: string): DeployableRecord {
    const deployable = this.ctx.store.deployable(app.sysId, name);
    if (!deployable) throw snError(`Could not find deployable with name: '${name}' in application: '${app.name}'`);
    return deployable;
  }

  private checkUnique(app: AppRecord, name: string): void {
    if (this.ctx.store.deployable(app.sysId, name)) {
      throw snError(`Deployable with name: '${name}' already exists in application: '${app.name}'`);
    }
  }

  private add(app: AppRecord, name: string, environmentType: EnvType, serviceId: string): DeployableRecord {
    const at = this.ctx.store.now();
    const deployable: DeployableRecord = {
      sysId: newSysId(),
      appSysId: app.sysId,
      name,
      description: null,
      environmentType,
      identifier: null,
      serviceId,
      nodeSysId: newSysId(),
      createdAt: at,
      updatedAt: at,
    };
    this.ctx.store.deployables.set(deployable.sysId, deployable);
    return deployable;
  }
}

function envTypeParam(value: string, status: number, prefix = ''): EnvType {
  if (!(ENV_TYPES as readonly string[]).includes(value)) {
    throw snError(
      `${prefix}Invalid envType '${value}'. Valid values (case-sensitive): ${ENV_TYPES.join(', ')}`,
      status,
    );
  }
  return value as EnvType;
}

function checkName(name: string): void {
  if (name.length > MAX_DEPLOYABLE_NAME_LENGTH) {
    throw snError(`Deployable name is longer than ${MAX_DEPLOYABLE_NAME_LENGTH} characters`);
  }
  if (!DEPLOYABLE_NAME_PATTERN.test(name)) {
    throw snError(
      `Invalid deployable name '${name}'. Allowed characters: 0-9, A-Z, a-z, _, -, ., %, $, whitespace, :, and #`,
    );
  }
}

function event(req: SandboxRequest, action: 'create' | 'update' | 'delete', app: AppRecord, d: DeployableRecord) {
  return {
    entity: 'deployable' as const,
    action,
    appName: app.name,
    name: d.name,
    sysId: d.sysId,
    apiVersion: req.params.version,
  };
}
