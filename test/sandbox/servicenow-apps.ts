/**
 * Loopback simulator of ServiceNow application management; ServiceNowCdmSandbox registers it on its server:
 *   POST                /api/sn_devops_config[/{api_version}]/devops_config/application
 *   GET, PATCH, DELETE  /api/sn_devops_config[/{api_version}]/devops_config/application/{appid}
 * and, through servicenow-apps-deployables.ts and servicenow-apps-shared.ts, the CDM deployable and shared component
 * endpoints under /api/sn_cdm[/{api_version}]/applications. State lives in an AppsStore seeded with PaymentApp,
 * SharedServices and the shared library SharedLib; every accepted mutation is appended to `events`.
 */
import { DeployablesApi } from './servicenow-apps-deployables.js';
import {
  ApiError,
  NOT_AUTHORIZED,
  jsonBody,
  newSysId,
  notDone,
  stringField,
  type AppRecord,
  type AppType,
  type ChangesetView,
} from './servicenow-apps-model.js';
import { SharedComponentsApi } from './servicenow-apps-shared.js';
import { AppsStore, usageKey, type AppsContext } from './servicenow-apps-store.js';
import type { RouteHandler, SandboxRequest, SandboxResponse, SandboxServer } from './server.js';

export * from './servicenow-apps-model.js';
export * from './servicenow-apps-store.js';

export interface CdmAppsOptions {
  /** The caller only has viewer roles: every POST, PUT, PATCH and DELETE of these endpoints answers 403. */
  viewerOnly?: boolean;
}

/** What the simulator needs from ServiceNowCdmSandbox. */
export interface CdmAppsHost {
  readonly server: SandboxServer;
  readonly username: string;
  /** The upload simulator: its changesets validate `changesetNumber`; created/deleted application names sync. */
  readonly uploadApi?: { readonly applications: Set<string>; readonly changesets: ReadonlyMap<string, ChangesetView> };
}

/** Fields of which POST /devops_config/application takes exactly one. */
export const APP_IDENTIFIER_FIELDS = [
  'appName',
  'appModelId',
  'appModelName',
  'appServiceId',
  'appServiceName',
  'technicalServiceId',
] as const;
const NO_VALID_APPLICATION = 'No valid Application';

export class CdmAppsSimulator implements AppsContext {
  readonly store: AppsStore;
  viewerOnly: boolean;

  constructor(
    private readonly host: CdmAppsHost,
    options: CdmAppsOptions = {},
  ) {
    this.store = new AppsStore(() => host.server.now());
    this.viewerOnly = options.viewerOnly ?? false;
    const apps = String.raw`^/api/sn_devops_config(?:/(?<version>v\d+))?/devops_config/application`;
    this.route('POST', `${apps}/?$`, (req) => this.createApplication(req));
    this.route('GET', `${apps}/(?<appid>[^/]+)/?$`, (req) => this.getApplication(req));
    this.route('PATCH', `${apps}/(?<appid>[^/]+)/?$`, (req) => this.updateApplication(req));
    this.route('DELETE', `${apps}/(?<appid>[^/]+)/?$`, (req) => this.deleteApplication(req));
    new DeployablesApi(this);
    new SharedComponentsApi(this);
  }

  get username(): string {
    return this.host.username;
  }

  get applications(): Map<string, AppRecord> {
    return this.store.applications;
  }

  get events(): AppsStore['events'] {
    return this.store.events;
  }

  /** Same as the `viewerOnly` option. */
  setUnauthorized(unauthorized = true): void {
    this.viewerOnly = unauthorized;
  }

  /** Back to the seed data; forgets events (application names already synced to uploads stay). */
  reset(): void {
    this.store.reset();
  }

  baseUrl(): string {
    return this.host.server.url;
  }

  /**
   * The upload simulator's changeset with this number (create one with `uploadApi.createChangeset(appName)`).
   * Without an upload simulator any `Chset-<n>` counts as an open changeset of `appName`.
   */
  changeset(number: string, appName: string): ChangesetView | undefined {
    if (this.host.uploadApi) return this.host.uploadApi.changesets.get(number);
    return /^Chset-\d+$/.test(number) ? { sysId: newSysId(), number, appName, state: 'open' } : undefined;
  }

  route(method: string, pattern: string, handler: RouteHandler): void {
    const mutating = method !== 'GET';
    this.host.server.route(method, new RegExp(pattern), async (req) => {
      if (mutating && this.viewerOnly) return { status: 403, json: NOT_AUTHORIZED };
      try {
        return await handler(req);
      } catch (err) {
        if (err instanceof ApiError) return err.answer();
        throw err;
      }
    });
  }

  private createApplication(req: SandboxRequest): SandboxResponse {
    const body = jsonBody(req);
    const type = body.type;
    if (type !== 'application' && type !== 'infrastructure') {
      throw notDone(`Invalid type '${String(type ?? '')}'. Valid values: application, infrastructure`);
    }
    const given = APP_IDENTIFIER_FIELDS.filter((f) => body[f] !== undefined && body[f] !== null && body[f] !== '');
    if (given.length !== 1) {
      throw notDone(
        `Provide exactly one of ${APP_IDENTIFIER_FIELDS.join(', ')}` +
          (given.length ? ` (got ${given.join(', ')})` : ''),
      );
    }
    const field = given[0];
    const value = stringField(body, field) ?? '';
    if ((field === 'appServiceId' || field === 'appServiceName') && type !== 'application') {
      throw notDone(`${field} can be used only with type application`);
    }
    if (field === 'technicalServiceId' && type !== 'infrastructure') {
      throw notDone(`${field} can be used only with type infrastructure`);
    }
    const origin = this.resolveOrigin(field, value);
    if ([...this.store.applications.values()].some((a) => a.name === origin.name)) {
      throw notDone(`Application with name ${origin.name} already exists.`);
    }
    const used = [...this.store.applications.values()].find(
      (a) => a.modelId === origin.modelId || (origin.serviceId !== '' && a.serviceId === origin.serviceId),
    );
    if (used) throw notDone(`${field} '${value}' is already used by application ${used.name}.`);
    const app = this.store.addApplication({
      sysId: newSysId(),
      name: origin.name,
      type: type as AppType,
      description: stringField(body, 'appDescription') ?? '',
      modelId: origin.modelId,
      modelName: origin.name,
      manufacturerId: stringField(body, 'appManufacturerId') ?? '',
      modelOwnerId: stringField(body, 'appModelOwnerId') ?? '',
      managedByGroups: this.groupsField(body) ?? [],
      serviceId: origin.serviceId,
    });
    this.host.uploadApi?.applications.add(app.name);
    this.store.record({ ...this.event(req, 'create', app), details: { ...body } });
    return {
      status: 201,
      json: { result: { message: `Application with name ${app.name} created successfully.`, data: app.sysId } },
    };
  }

  private resolveOrigin(field: string, value: string): { name: string; modelId: string; serviceId: string } {
    const byName = (map: Map<string, string>): string | undefined =>
      [...map.entries()].find(([, name]) => name === value)?.[0];
    switch (field) {
      case 'appName':
        return { name: value, modelId: newSysId(), serviceId: '' };
      case 'appModelId':
      case 'appModelName': {
        const modelId = field === 'appModelId' ? value : byName(this.store.models);
        const name = modelId === undefined ? undefined : this.store.models.get(modelId);
        if (modelId === undefined || name === undefined) throw notDone(`No application model with ${field} ${value}`);
        return { name, modelId, serviceId: '' };
      }
      default: {
        const map = field === 'technicalServiceId' ? this.store.technicalServices : this.store.services;
        const serviceId = field === 'appServiceName' ? byName(map) : value;
        const name = serviceId === undefined ? undefined : map.get(serviceId);
        if (serviceId === undefined || name === undefined) throw notDone(`No service with ${field} ${value}`);
        return { name, modelId: newSysId(), serviceId };
      }
    }
  }

  private getApplication(req: SandboxRequest): SandboxResponse {
    const app = this.store.applications.get(req.params.appid);
    if (!app) {
      return {
        json: { result: { status: 400, message: NO_VALID_APPLICATION, data: { error: NO_VALID_APPLICATION } } },
      };
    }
    const data = {
      appName: app.name,
      appId: app.sysId,
      appDescription: app.description,
      sdlcType: app.type,
      appModelId: app.modelId,
      appModelName: app.modelName,
      appManufacturerId: app.manufacturerId,
      appManufacturerName: this.store.manufacturers.get(app.manufacturerId) ?? '',
      appModelOwnerId: app.modelOwnerId,
      appModelOwnerName: this.store.users.get(app.modelOwnerId) ?? '',
      appManagedByGroups: [...app.managedByGroups],
    };
    return { json: { result: { status: 200, message: 'Success', data } } };
  }

  private updateApplication(req: SandboxRequest): SandboxResponse {
    const app = this.store.applications.get(req.params.appid);
    if (!app) throw notDone(NO_VALID_APPLICATION);
    const body = jsonBody(req);
    const description = stringField(body, 'appDescription');
    const manufacturerId = stringField(body, 'appManufacturerId');
    const modelOwnerId = stringField(body, 'appModelOwnerId');
    const groups = this.groupsField(body);
    const details: Record<string, unknown> = {};
    if (description !== undefined) details.appDescription = app.description = description;
    if (manufacturerId !== undefined) details.appManufacturerId = app.manufacturerId = manufacturerId;
    if (modelOwnerId !== undefined) details.appModelOwnerId = app.modelOwnerId = modelOwnerId;
    if (groups !== undefined) details.appManagedByGroups = app.managedByGroups = groups;
    app.updatedAt = this.host.server.now();
    this.store.record({ ...this.event(req, 'update', app), details });
    return {
      json: { result: { message: `Application with name ${app.name} updated successfully.`, data: app.sysId } },
    };
  }

  private deleteApplication(req: SandboxRequest): SandboxResponse {
    const app = this.store.applications.get(req.params.appid);
    const failed = (error: string): SandboxResponse => ({ json: { result: { errors: [error], success: [] } } });
    if (!app) return failed(NO_VALID_APPLICATION);
    if (app.type === 'shared_library') {
      const users = [...this.store.usages.values()].filter((u) => u.libraryName === app.name);
      const names = [...new Set(users.map((u) => this.store.applications.get(u.appSysId)?.name))];
      if (names.length) return failed(`Shared library ${app.name} is used by applications: ${names.join(', ')}`);
    }
    const deployables = this.store.deployablesOf(app.sysId);
    const usages = this.store.usagesOf(app.sysId);
    deployables.forEach((d) => this.store.deployables.delete(d.sysId));
    usages.forEach((u) => this.store.usages.delete(usageKey(u)));
    if (app.type === 'shared_library') {
      for (const c of this.store.components.values()) {
        if (c.libraryName === app.name) this.store.components.delete(c.sysId);
      }
    }
    this.store.applications.delete(app.sysId);
    this.host.uploadApi?.applications.delete(app.name);
    const details = {
      deployables: deployables.map((d) => d.name),
      sharedComponents: usages.map((u) => u.componentName),
    };
    this.store.record({ ...this.event(req, 'delete', app), details });
    return {
      json: { result: { errors: [], success: [`CDM Application ${app.name} has been deleted successfully.`] } },
    };
  }

  private event(req: SandboxRequest, action: 'create' | 'update' | 'delete', app: AppRecord) {
    return {
      entity: 'application' as const,
      action,
      appName: app.name,
      name: app.name,
      sysId: app.sysId,
      apiVersion: req.params.version,
    };
  }

  /** `appManagedByGroups` as a comma-separated string or an array; each group must be one of the caller's. */
  private groupsField(body: Record<string, unknown>): string[] | undefined {
    const raw = body.appManagedByGroups;
    if (raw === undefined || raw === null) return undefined;
    const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined;
    if (!list || list.some((g) => typeof g !== 'string')) throw notDone(`Invalid appManagedByGroups value`);
    const groups = (list as string[]).map((g) => g.trim()).filter(Boolean);
    const foreign = groups.filter((g) => !this.store.groups.has(g));
    if (foreign.length) throw notDone(`User is not a member of group(s) ${foreign.join(', ')}`);
    return groups;
  }
}
