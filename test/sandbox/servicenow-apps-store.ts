/**
 * State of the ServiceNow application simulators: applications, deployables, shared components and their usages,
 * the reference tables they point into, the seed data and the mutation log.
 */
import type { RouteHandler } from './server.js';
import {
  newSysId,
  type AppRecord,
  type ChangesetView,
  type AppsEvent,
  type AppType,
  type ComponentUsage,
  type DeployableRecord,
  type EnvType,
  type SharedComponent,
} from './servicenow-apps-model.js';

export const PAYMENT_APP_ID = '38e17dc3473d111072566862736d43c7';
export const PAYMENT_MODEL_ID = 'a4e13dc3473d111072566862736d4307';
export const SHARED_SERVICES_APP_ID = '4e7808bb1b371110636e0fe0604bcb08';
export const SHARED_LIB_ID = '55a75cfb1b771110636e0fe0604bcb5c';
/** Application model [cmdb_application_product_model] not used by any application. */
export const FREE_MODEL = { sysId: 'c3e13dc3473d111072566862736d4311', name: 'Payments Model' } as const;
/** Application service [cmdb_ci_service_auto] not used by any application. */
export const FREE_SERVICE = { sysId: 'f5b9e00b53901110a1d3ddeeff7b12b8', name: 'Payments Service' } as const;
/** Dynamic CI group [cmdb_ci_query_based_service] not used by any application. */
export const FREE_TECHNICAL_SERVICE = {
  sysId: 'e1c9e00b53901110a1d3ddeeff7b12c2',
  name: 'Payments Infra Group',
} as const;
export const MANUFACTURER = { sysId: '262702654725d950a34a3085d36d435e', name: 'Acme Corp' } as const;
export const MODEL_OWNER = { sysId: '6816f79cc0a8016401c5a33be04be441', name: 'System Administrator' } as const;
/** The only group the calling user belongs to (appManagedByGroups may name only it). */
export const USER_GROUP = { sysId: '019ad92ec7230010393d265c95c260dd', name: 'Payments Team' } as const;
export const DEVELOPMENT_DEPLOYABLE_ID = '7db9e00b53901110a1d3ddeeff7b12a1';
export const PRODUCTION_DEPLOYABLE_ID = '39b9e00b53901110a1d3ddeeff7b12b7';
/** Service the seeded `Production` deployable is connected to. */
export const PRODUCTION_SERVICE = { sysId: 'b8c9e00b53901110a1d3ddeeff7b12c5', name: 'PaymentApp Production' } as const;
export const SHARED_LIBRARY_NAME = 'SharedLib';

/** Components of SharedLib and their published versions (oldest first); DraftConfig was never published. */
export const SEED_COMPONENTS: ReadonlyArray<{ name: string; description: string; versions: readonly string[] }> = [
  {
    name: 'LoggingConfig',
    description: 'Logging settings shared by payment services',
    versions: ['LoggingConfig-v1.shc', 'LoggingConfig-v2.shc', 'LoggingConfig-v3.shc'],
  },
  { name: 'TlsDefaults', description: 'TLS defaults', versions: ['TlsDefaults-v1.shc', 'TlsDefaults-v2.shc'] },
  { name: 'DraftConfig', description: 'Never published', versions: [] },
];

/** Seeded usages: [application, component, version in use]. */
export const SEED_USAGES: ReadonlyArray<readonly [string, string, string]> = [
  ['PaymentApp', 'LoggingConfig', 'LoggingConfig-v1.shc'],
  ['PaymentApp', 'TlsDefaults', 'TlsDefaults-v2.shc'],
  ['SharedServices', 'LoggingConfig', 'LoggingConfig-v3.shc'],
];

export class AppsStore {
  /** By sys_id. */
  readonly applications = new Map<string, AppRecord>();
  /** By sys_id. */
  readonly deployables = new Map<string, DeployableRecord>();
  /** By sys_id. */
  readonly components = new Map<string, SharedComponent>();
  /** By usageKey(): `${appSysId}/${libraryName}/${componentName}` (a version update keeps the key). */
  readonly usages = new Map<string, ComponentUsage>();
  /** Reference tables, sys_id → name. */
  readonly models = new Map<string, string>();
  readonly services = new Map<string, string>();
  readonly technicalServices = new Map<string, string>();
  readonly manufacturers = new Map<string, string>();
  readonly users = new Map<string, string>();
  readonly groups = new Map<string, string>();
  readonly events: AppsEvent[] = [];
  private nodeCounter = 0;
  /** Last auto-generated deployable number per `${appSysId}/${envType}`; never reused. */
  private readonly generated = new Map<string, number>();

  constructor(readonly now: () => number) {
    this.seed();
  }

  /** Back to the seed data; forgets events. */
  reset(): void {
    for (const map of [this.applications, this.deployables, this.components, this.usages, this.generated]) map.clear();
    for (const map of [this.models, this.services, this.technicalServices, this.manufacturers, this.users]) map.clear();
    this.groups.clear();
    this.events.length = 0;
    this.nodeCounter = 0;
    this.seed();
  }

  record(event: Omit<AppsEvent, 'at'>): void {
    this.events.push({ at: this.now(), ...event });
  }

  appByName(name: string, types: readonly AppType[] = ['application', 'infrastructure']): AppRecord | undefined {
    return [...this.applications.values()].find((app) => app.name === name && types.includes(app.type));
  }

  deployablesOf(appSysId: string): DeployableRecord[] {
    return [...this.deployables.values()].filter((d) => d.appSysId === appSysId);
  }

  deployable(appSysId: string, name: string): DeployableRecord | undefined {
    return this.deployablesOf(appSysId).find((d) => d.name === name);
  }

  /** Adds a deployable to an application by names, as if created earlier (tests export unusual names). */
  addDeployable(appName: string, name: string, environmentType: EnvType = 'Test'): DeployableRecord {
    const app = this.appByName(appName);
    if (!app) throw new Error(`no application ${appName}`);
    const at = this.now();
    const record: DeployableRecord = {
      sysId: newSysId(),
      appSysId: app.sysId,
      name,
      description: null,
      environmentType,
      identifier: null,
      serviceId: '',
      nodeSysId: newSysId(),
      createdAt: at,
      updatedAt: at,
    };
    this.deployables.set(record.sysId, record);
    return record;
  }

  component(libraryName: string, name: string): SharedComponent | undefined {
    return [...this.components.values()].find((c) => c.libraryName === libraryName && c.name === name);
  }

  usagesOf(appSysId: string): ComponentUsage[] {
    return [...this.usages.values()].filter((u) => u.appSysId === appSysId);
  }

  usage(appSysId: string, componentName: string, libraryName?: string): ComponentUsage | undefined {
    return this.usagesOf(appSysId).find(
      (u) => u.componentName === componentName && (libraryName === undefined || u.libraryName === libraryName),
    );
  }

  nextNodeId(): number {
    return ++this.nodeCounter;
  }

  /** `Test_1`, `Test_2`, ... per application and environment type, skipping names in use. */
  nextGeneratedName(appSysId: string, envType: EnvType): string {
    const key = `${appSysId}/${envType}`;
    let n = this.generated.get(key) ?? 0;
    do n += 1;
    while (this.deployable(appSysId, `${envType}_${n}`));
    this.generated.set(key, n);
    return `${envType}_${n}`;
  }

  /** Adds a dynamically generated application service and returns its sys_id. */
  addService(name: string): string {
    const sysId = newSysId();
    this.services.set(sysId, name);
    return sysId;
  }

  addApplication(fields: Omit<AppRecord, 'createdAt' | 'updatedAt'>): AppRecord {
    const at = this.now();
    const app: AppRecord = { ...fields, createdAt: at, updatedAt: at };
    this.applications.set(app.sysId, app);
    this.models.set(app.modelId, app.modelName);
    return app;
  }

  private seed(): void {
    this.models.set(FREE_MODEL.sysId, FREE_MODEL.name);
    this.services.set(FREE_SERVICE.sysId, FREE_SERVICE.name);
    this.services.set(PRODUCTION_SERVICE.sysId, PRODUCTION_SERVICE.name);
    this.technicalServices.set(FREE_TECHNICAL_SERVICE.sysId, FREE_TECHNICAL_SERVICE.name);
    this.manufacturers.set(MANUFACTURER.sysId, MANUFACTURER.name);
    this.users.set(MODEL_OWNER.sysId, MODEL_OWNER.name);
    this.groups.set(USER_GROUP.sysId, USER_GROUP.name);
    const common = { manufacturerId: MANUFACTURER.sysId, modelOwnerId: MODEL_OWNER.sysId, serviceId: '' };
    const seeds: Array<[string, string, AppType, string, string]> = [
      [PAYMENT_APP_ID, 'PaymentApp', 'application', PAYMENT_MODEL_ID, 'Payment processing application'],
      [SHARED_SERVICES_APP_ID, 'SharedServices', 'application', 'b17808bb1b371110636e0fe0604bcb10', 'Shared services'],
      [SHARED_LIB_ID, SHARED_LIBRARY_NAME, 'shared_library', '2eb7503f1b771110636e0fe0604bcb06', 'Shared library'],
    ];
    for (const [sysId, name, type, modelId, description] of seeds) {
      const managedByGroups = name === 'PaymentApp' ? [USER_GROUP.sysId] : [];
      this.addApplication({ ...common, sysId, name, type, modelId, modelName: name, description, managedByGroups });
    }
    const at = this.now();
    const deployables: Array<[string, EnvType, string]> = [
      [DEVELOPMENT_DEPLOYABLE_ID, 'Development', ''],
      [PRODUCTION_DEPLOYABLE_ID, 'Production', PRODUCTION_SERVICE.sysId],
    ];
    for (const [sysId, environmentType, serviceId] of deployables) {
      this.deployables.set(sysId, {
        sysId,
        appSysId: PAYMENT_APP_ID,
        name: environmentType,
        description: null,
        environmentType,
        identifier: null,
        serviceId,
        nodeSysId: newSysId(),
        createdAt: at,
        updatedAt: at,
      });
    }
    for (const { name, description, versions } of SEED_COMPONENTS) {
      const component: SharedComponent = {
        sysId: newSysId(),
        libraryName: SHARED_LIBRARY_NAME,
        name,
        description,
        mainId: String(this.nextNodeId()),
        versions: versions.map((v) => ({ name: v, sysId: newSysId() })),
      };
      this.components.set(component.sysId, component);
    }
    for (const [appName, componentName, versionName] of SEED_USAGES) {
      const app = this.appByName(appName);
      const component = this.component(SHARED_LIBRARY_NAME, componentName);
      if (!app || !component) throw new Error(`bad seed usage ${appName}/${componentName}`);
      const usage: ComponentUsage = {
        nodeSysId: newSysId(),
        appSysId: app.sysId,
        libraryName: SHARED_LIBRARY_NAME,
        componentName,
        versionName,
        mainId: String(this.nextNodeId()),
        status: 'new',
        createdAt: at,
        updatedAt: at,
      };
      this.usages.set(usageKey(usage), usage);
    }
  }
}

export function usageKey(usage: Pick<ComponentUsage, 'appSysId' | 'libraryName' | 'componentName'>): string {
  return `${usage.appSysId}/${usage.libraryName}/${usage.componentName}`;
}

/** What the route modules (deployables, shared components) need of CdmAppsSimulator. */
export interface AppsContext {
  readonly store: AppsStore;
  readonly username: string;
  /** Base URL of the running server, for Table API links. */
  baseUrl(): string;
  /** Registers a route whose pattern source is anchored by the caller; mutating routes honour `viewerOnly`. */
  route(method: string, pattern: string, handler: RouteHandler): void;
  /** The changeset with this number (asked for `appName`), if any; see CdmAppsSimulator.changeset. */
  changeset(number: string, appName: string): ChangesetView | undefined;
}
