/**
 * What each cdm-application operation does, from its typed config to its typed result. None touches
 * @actions/core: `main` turns the result into outputs and the summary.
 */
import type { ApiError } from '../../../shared/errors.js';
import type { ApiClient } from '../../../shared/http/client.js';
import { jsonText, scalarText } from '../../../shared/json.js';
import type { Report } from '../../../shared/report/known.js';
import type { Logger } from '../../../shared/runtime.js';
import * as api from '../../../shared/vendors/servicenow/cdm-applications.js';
import type { ServiceNowConnection } from '../../../shared/vendors/servicenow/connection.js';
import type { OperationConfig } from './config.js';

/** How much of a structured value one summary cell shows. */
const CELL_CHARS = 2000;

export interface OperationContext {
  client: ApiClient;
  connection: ServiceNowConnection;
  logger: Logger;
  /** For an operation of several steps: what it did so far, for the outputs and a summary of a failed run. */
  report: Report<OperationResult>;
}

export interface OperationResult {
  /** What ServiceNow answered (the `result` output). */
  result: unknown;
  appId?: string;
  appName?: string;
  app?: Record<string, unknown>;
  deployableSysId?: string;
  deployableSysIds?: string[];
  sharedComponents?: api.SharedComponent[];
  applications?: Record<string, unknown>[];
  /** The rows of the summary's result table. */
  rows: [string, string][];
  /** Why nothing was done (`if-exists: skip` or `if-missing: skip`); the rows then hold one "Skipped" row. */
  skipped?: string;
}

type MovedComponent = api.SharedComponent & { movedTo: string };

export async function runOperation(config: OperationConfig, context: OperationContext): Promise<OperationResult> {
  const { client, connection: c } = context;
  switch (config.operation) {
    case 'create-app': {
      const created = await api.createApp(client, c, { type: config.appType, ...config.identity, ...config.fields });
      return {
        appId: created.appId,
        appName: config.identity.appName,
        result: { message: created.message, data: created.appId },
        rows: [
          ['Application id', created.appId],
          ['Message', created.message ?? ''],
        ],
      };
    }
    case 'get-app': {
      const app = await api.getApp(client, c, config.appId);
      return {
        appId: scalarText(app.appId ?? config.appId),
        appName: typeof app.appName === 'string' ? app.appName : undefined,
        app,
        result: app,
        rows: Object.entries(app).map(([key, value]) => [
          key,
          typeof value === 'string' ? value : jsonText(value, CELL_CHARS),
        ]),
      };
    }
    case 'update-app': {
      const message = await api.updateApp(client, c, config.appId, config.fields);
      return { appId: config.appId, result: { message, data: config.appId }, rows: [['Message', message ?? '']] };
    }
    case 'delete-app': {
      const success = await api.deleteApp(client, c, config.appId);
      return { appId: config.appId, result: { errors: [], success }, rows: [['Result', success.join(' ')]] };
    }
    case 'create-deployable':
      if (config.ifExists === 'skip') {
        return skipWhen(api.isDeployableExists, config, context, () => writeDeployable(config, context));
      }
      return writeDeployable(config, context);
    case 'update-deployable':
      return writeDeployable(config, context);
    case 'create-deployables': {
      const ids = await api.createDeployables(client, c, {
        appSysId: config.appSysId,
        envType: config.envType,
        quantity: config.quantity,
        autoConnect: config.autoConnect,
      });
      return {
        deployableSysIds: ids,
        result: ids,
        rows: ids.map((id, n) => [`Deployable ${n + 1}`, id]),
      };
    }
    case 'delete-deployable': {
      const remove = async (): Promise<OperationResult> => {
        await api.deleteDeployable(client, c, { appName: config.appName, name: config.deployableName });
        return {
          result: { deleted: config.deployableName },
          rows: [['Deleted', `${config.deployableName} of ${config.appName}`]],
        };
      };
      return config.ifMissing === 'skip' ? skipWhen(api.isDeployableMissing, config, context, remove) : remove();
    }
    case 'list-shared-components': {
      const components = await api.listSharedComponents(client, c, config.appName, config.withUpdatesOnly);
      return {
        sharedComponents: components,
        result: components,
        rows: components.map((component) => [component.name, versionText(component)]),
      };
    }
    case 'add-shared-component':
    case 'update-shared-component': {
      const { appName, changesetNumber, sharedComponentName, sharedLibraryName } = config;
      const component = { appName, changesetNumber, sharedComponentName, sharedLibraryName };
      const node =
        config.operation === 'add-shared-component'
          ? await api.addSharedComponent(client, c, component)
          : await api.updateSharedComponent(client, c, { ...component, versionName: config.versionName });
      return { result: node, rows: recordRows(node) };
    }
    case 'remove-shared-component':
      await api.removeSharedComponent(client, c, {
        appName: config.appName,
        changesetNumber: config.changesetNumber,
        sharedComponentName: config.sharedComponentName,
      });
      return {
        result: { removed: config.sharedComponentName },
        rows: [['Removed', `${config.sharedComponentName} from ${config.appName} in ${config.changesetNumber}`]],
      };
    case 'update-shared-components':
      return updateSharedComponents(config, context);
    case 'list-component-applications': {
      const applications = await api.listComponentApplications(client, c, {
        sharedLibraryName: config.sharedLibraryName,
        sharedComponentName: config.sharedComponentName,
      });
      return {
        applications,
        result: applications,
        rows: applications.map((app) => [scalarText(app.name), scalarText(app.sys_id)]),
      };
    }
  }
}

type DeployableConfig = Extract<OperationConfig, { operation: 'create-deployable' | 'update-deployable' }>;

async function writeDeployable(config: DeployableConfig, { client, connection: c }: OperationContext) {
  const record =
    config.operation === 'create-deployable'
      ? await api.createDeployable(client, c, {
          appName: config.appName,
          name: config.deployableName,
          envType: config.envType,
          returnFields: config.returnFields?.join(','),
        })
      : await api.updateDeployable(client, c, {
          appName: config.appName,
          name: config.deployableName,
          newName: config.newName,
          newDescription: config.newDescription,
          newServiceId: config.newServiceId,
          newIdentifier: config.newIdentifier,
          returnFields: config.returnFields?.join(','),
        });
  return {
    deployableSysId: typeof record.sys_id === 'string' ? record.sys_id : undefined,
    result: record,
    rows: recordRows(record),
  };
}

/**
 * Runs `attempt`; when it fails the one way `expected` recognises (the deployable already there for a create,
 * already gone for a delete), the step succeeds with nothing done and says why. Any other failure stays a failure.
 * ServiceNow's refusal does not carry the existing deployable's sys_id, so `deployable-sys-id` stays unset.
 */
async function skipWhen(
  expected: (error: unknown, name: string) => error is ApiError,
  config: { operation: string; appName: string; deployableName: string },
  { logger }: OperationContext,
  attempt: () => Promise<OperationResult>,
): Promise<OperationResult> {
  try {
    return await attempt();
  } catch (error) {
    if (!expected(error, config.deployableName)) throw error;
    const why =
      config.operation === 'create-deployable'
        ? `deployable ${config.deployableName} already exists in ${config.appName} (if-exists: skip)`
        : `deployable ${config.deployableName} does not exist in ${config.appName} (if-missing: skip)`;
    logger.info(`Skipped ${config.operation}: ${why}. ServiceNow said: ${error.vendorMessage}`);
    return { skipped: why, result: { skipped: why }, rows: [['Skipped', why]] };
  }
}

/** Moves every outdated shared component to its newest version, reporting each as it moves. */
async function updateSharedComponents(
  config: { appName: string; changesetNumber: string },
  { client, connection, logger, report }: OperationContext,
): Promise<OperationResult> {
  const { appName, changesetNumber } = config;
  const outdated = (await api.listSharedComponents(client, connection, appName, true)).filter(
    (component) => component.updateVersionName,
  );
  const moved: MovedComponent[] = [];
  const rows: [string, string][] = [];
  for (const component of outdated) {
    const versionName = component.updateVersionName ?? '';
    await api.updateSharedComponent(client, connection, {
      appName,
      changesetNumber,
      sharedComponentName: component.name,
      sharedLibraryName: component.sharedLibraryName ?? '',
      versionName,
    });
    moved.push({ ...component, movedTo: versionName });
    rows.push([component.name, `${component.currentVersionName ?? '?'} → ${versionName}`]);
    report({ sharedComponents: [...moved], rows: [...rows] });
    logger.info(`${component.name}: ${component.currentVersionName ?? '?'} → ${versionName}`);
  }
  if (!outdated.length) rows.push(['Shared components', 'all on their newest versions; nothing moved']);
  return { sharedComponents: moved, result: moved, rows };
}

function versionText(c: api.SharedComponent): string {
  const current = c.currentVersionName ?? c.currentVersion ?? '';
  return c.updateVersionName ? `${current} (update: ${c.updateVersionName})` : current;
}

/** The scalar fields of a record, and the `value` of reference fields. */
function recordRows(record: Record<string, unknown>): [string, string][] {
  const rows: [string, string][] = [];
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined || value === '') continue;
    const shown = typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
    rows.push([key, typeof shown === 'string' ? shown : jsonText(shown, CELL_CHARS)]);
  }
  return rows;
}
