/**
 * The operations of cdm-application: which inputs each takes (an input it does not use is an input error) and what
 * each does. Each `run` reports through `outputs`; none touches @actions/core.
 */
import type { ApiClient } from '../../../shared/http/client.js';
import { jsonText, scalarText } from '../../../shared/json.js';
import type { Outputs } from '../../../shared/report/outputs.js';
import type { Logger } from '../../../shared/runtime.js';
import * as api from '../../../shared/vendors/servicenow/cdm-applications.js';
import type { ServiceNowConnection } from '../../../shared/vendors/servicenow/connection.js';

/** How much of a structured value one summary cell shows. */
const CELL_CHARS = 2000;

/** Values of the operation inputs, already checked, by input name. */
export type OperationInputs = Record<string, string | undefined>;

export interface OperationContext {
  client: ApiClient;
  connection: ServiceNowConnection;
  outputs: Outputs;
  logger: Logger;
  /** Rows for the summary's result table. */
  rows: [string, string][];
}

interface Operation {
  required: string[];
  optional?: string[];
  run(input: OperationInputs, context: OperationContext): Promise<void>;
}

export const APP_IDENTITY_INPUTS = [
  'app-name',
  'app-model-id',
  'app-model-name',
  'app-service-id',
  'app-service-name',
  'technical-service-id',
];
export const APP_FIELD_INPUTS = [
  'app-description',
  'app-manufacturer-id',
  'app-model-owner-id',
  'app-managed-by-groups',
];
export const NEW_DEPLOYABLE_INPUTS = ['new-name', 'new-description', 'new-service-id', 'new-identifier'];

const appFields = (i: OperationInputs): api.AppFields => ({
  appDescription: i['app-description'],
  appManufacturerId: i['app-manufacturer-id'],
  appModelOwnerId: i['app-model-owner-id'],
  appManagedByGroups: i['app-managed-by-groups'],
});

export const OPERATIONS: Record<string, Operation> = {
  'create-app': {
    required: ['app-type'],
    optional: [...APP_IDENTITY_INPUTS, ...APP_FIELD_INPUTS],
    async run(i, { client, connection, outputs, rows }) {
      const created = await api.createApp(client, connection, {
        type: i['app-type'] ?? '',
        appName: i['app-name'],
        appModelId: i['app-model-id'],
        appModelName: i['app-model-name'],
        appServiceId: i['app-service-id'],
        appServiceName: i['app-service-name'],
        technicalServiceId: i['technical-service-id'],
        ...appFields(i),
      });
      outputs.set('app-id', created.appId);
      if (i['app-name']) outputs.set('app-name', i['app-name']);
      outputs.set('result', { message: created.message, data: created.appId });
      rows.push(['Application id', created.appId], ['Message', created.message ?? '']);
    },
  },
  'get-app': {
    required: ['app-id'],
    async run(i, { client, connection, outputs, rows }) {
      const app = await api.getApp(client, connection, i['app-id'] ?? '');
      outputs.set('app-id', scalarText(app.appId ?? i['app-id']));
      if (typeof app.appName === 'string') outputs.set('app-name', app.appName);
      outputs.set('app', app);
      outputs.set('result', app);
      for (const [key, value] of Object.entries(app))
        rows.push([key, typeof value === 'string' ? value : jsonText(value, CELL_CHARS)]);
    },
  },
  'update-app': {
    required: ['app-id'],
    optional: APP_FIELD_INPUTS,
    async run(i, { client, connection, outputs, rows }) {
      const message = await api.updateApp(client, connection, i['app-id'] ?? '', appFields(i));
      outputs.set('app-id', i['app-id'] ?? '');
      outputs.set('result', { message, data: i['app-id'] });
      rows.push(['Message', message ?? '']);
    },
  },
  'delete-app': {
    required: ['app-id'],
    async run(i, { client, connection, outputs, rows }) {
      const success = await api.deleteApp(client, connection, i['app-id'] ?? '');
      outputs.set('app-id', i['app-id'] ?? '');
      outputs.set('result', { errors: [], success });
      rows.push(['Result', success.join(' ')]);
    },
  },
  'create-deployable': {
    required: ['app-name', 'deployable-name', 'env-type'],
    optional: ['return-fields'],
    async run(i, { client, connection, outputs, rows }) {
      const record = await api.createDeployable(client, connection, {
        appName: i['app-name'] ?? '',
        name: i['deployable-name'] ?? '',
        envType: i['env-type'] ?? '',
        returnFields: i['return-fields'],
      });
      if (typeof record.sys_id === 'string') outputs.set('deployable-sys-id', record.sys_id);
      outputs.set('result', record);
      recordRows(record, rows);
    },
  },
  'create-deployables': {
    required: ['app-sys-id', 'env-type', 'quantity', 'auto-connect'],
    async run(i, { client, connection, outputs, rows }) {
      const ids = await api.createDeployables(client, connection, {
        appSysId: i['app-sys-id'] ?? '',
        envType: i['env-type'] ?? '',
        quantity: i.quantity ?? '',
        autoConnect: i['auto-connect'] ?? '',
      });
      outputs.set('deployable-sys-ids', ids);
      outputs.set('result', ids);
      ids.forEach((id, n) => rows.push([`Deployable ${n + 1}`, id]));
    },
  },
  'update-deployable': {
    required: ['app-name', 'deployable-name'],
    optional: [...NEW_DEPLOYABLE_INPUTS, 'return-fields'],
    async run(i, { client, connection, outputs, rows }) {
      const record = await api.updateDeployable(client, connection, {
        appName: i['app-name'],
        name: i['deployable-name'],
        newName: i['new-name'],
        newDescription: i['new-description'],
        newServiceId: i['new-service-id'],
        newIdentifier: i['new-identifier'],
        returnFields: i['return-fields'],
      });
      if (typeof record.sys_id === 'string') outputs.set('deployable-sys-id', record.sys_id);
      outputs.set('result', record);
      recordRows(record, rows);
    },
  },
  'delete-deployable': {
    required: ['app-name', 'deployable-name'],
    async run(i, { client, connection, outputs, rows }) {
      await api.deleteDeployable(client, connection, {
        appName: i['app-name'] ?? '',
        name: i['deployable-name'] ?? '',
      });
      outputs.set('result', { deleted: i['deployable-name'] });
      rows.push(['Deleted', `${i['deployable-name']} of ${i['app-name']}`]);
    },
  },
  'list-shared-components': {
    required: ['app-name'],
    optional: ['with-updates-only'],
    async run(i, { client, connection, outputs, rows }) {
      const components = await api.listSharedComponents(
        client,
        connection,
        i['app-name'] ?? '',
        i['with-updates-only'] === 'true',
      );
      outputs.set('shared-components', components);
      outputs.set('result', components);
      for (const c of components) rows.push([c.name, versionText(c)]);
    },
  },
  'add-shared-component': {
    required: ['app-name', 'changeset-number', 'shared-component-name', 'shared-library-name'],
    async run(i, { client, connection, outputs, rows }) {
      const node = await api.addSharedComponent(client, connection, {
        appName: i['app-name'] ?? '',
        changesetNumber: i['changeset-number'] ?? '',
        sharedComponentName: i['shared-component-name'] ?? '',
        sharedLibraryName: i['shared-library-name'] ?? '',
      });
      outputs.set('result', node);
      recordRows(node, rows);
    },
  },
  'update-shared-component': {
    required: ['app-name', 'changeset-number', 'shared-component-name', 'shared-library-name', 'version-name'],
    async run(i, { client, connection, outputs, rows }) {
      const node = await api.updateSharedComponent(client, connection, {
        appName: i['app-name'] ?? '',
        changesetNumber: i['changeset-number'] ?? '',
        sharedComponentName: i['shared-component-name'] ?? '',
        sharedLibraryName: i['shared-library-name'] ?? '',
        versionName: i['version-name'] ?? '',
      });
      outputs.set('result', node);
      recordRows(node, rows);
    },
  },
  'remove-shared-component': {
    required: ['app-name', 'changeset-number', 'shared-component-name'],
    async run(i, { client, connection, outputs, rows }) {
      await api.removeSharedComponent(client, connection, {
        appName: i['app-name'] ?? '',
        changesetNumber: i['changeset-number'] ?? '',
        sharedComponentName: i['shared-component-name'] ?? '',
      });
      outputs.set('result', { removed: i['shared-component-name'] });
      rows.push(['Removed', `${i['shared-component-name']} from ${i['app-name']} in ${i['changeset-number']}`]);
    },
  },
  'update-shared-components': {
    required: ['app-name', 'changeset-number'],
    async run(i, { client, connection, outputs, rows, logger }) {
      const appName = i['app-name'] ?? '';
      const outdated = (await api.listSharedComponents(client, connection, appName, true)).filter(
        (c) => c.updateVersionName,
      );
      const moved: (api.SharedComponent & { movedTo: string })[] = [];
      for (const component of outdated) {
        await api.updateSharedComponent(client, connection, {
          appName,
          changesetNumber: i['changeset-number'] ?? '',
          sharedComponentName: component.name,
          sharedLibraryName: component.sharedLibraryName ?? '',
          versionName: component.updateVersionName ?? '',
        });
        moved.push({ ...component, movedTo: component.updateVersionName ?? '' });
        outputs.set('shared-components', moved);
        logger.info(`${component.name}: ${component.currentVersionName ?? '?'} → ${component.updateVersionName}`);
        rows.push([component.name, `${component.currentVersionName ?? '?'} → ${component.updateVersionName}`]);
      }
      if (!outdated.length) rows.push(['Shared components', 'all on their newest versions; nothing moved']);
      outputs.set('shared-components', moved);
      outputs.set('result', moved);
    },
  },
  'list-component-applications': {
    required: ['shared-library-name', 'shared-component-name'],
    async run(i, { client, connection, outputs, rows }) {
      const applications = await api.listComponentApplications(client, connection, {
        sharedLibraryName: i['shared-library-name'] ?? '',
        sharedComponentName: i['shared-component-name'] ?? '',
      });
      outputs.set('applications', applications);
      outputs.set('result', applications);
      for (const app of applications) rows.push([scalarText(app.name), scalarText(app.sys_id)]);
    },
  },
};

function versionText(c: api.SharedComponent): string {
  const current = c.currentVersionName ?? c.currentVersion ?? '';
  return c.updateVersionName ? `${current} (update: ${c.updateVersionName})` : current;
}

/** The scalar fields of a record, and the `value` of reference fields. */
function recordRows(record: Record<string, unknown>, rows: [string, string][]): void {
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined || value === '') continue;
    const shown = typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
    rows.push([key, typeof shown === 'string' ? shown : jsonText(shown, CELL_CHARS)]);
  }
}
