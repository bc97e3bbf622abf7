/**
 * The operations of cdm-application: which inputs each takes (a required one missing, or one it does not use, is
 * an input error) and the typed config each runs with, read and checked from those inputs.
 */
import type { InputReader } from '../../../shared/inputs/reader.js';
import {
  APP_TYPES,
  ENV_TYPES,
  type AppFields,
  type AppIdentity,
} from '../../../shared/vendors/servicenow/cdm-applications.js';

const APP_IDENTITY_INPUTS = [
  'app-name',
  'app-model-id',
  'app-model-name',
  'app-service-id',
  'app-service-name',
  'technical-service-id',
] as const;
const APP_FIELD_INPUTS = ['app-description', 'app-manufacturer-id', 'app-model-owner-id', 'app-managed-by-groups'];
const NEW_DEPLOYABLE_INPUTS = ['new-name', 'new-description', 'new-service-id', 'new-identifier'];
const SHARED_COMPONENT = ['app-name', 'changeset-number', 'shared-component-name'];

interface OperationInputs {
  required: readonly string[];
  optional?: readonly string[];
}

export const OPERATION_INPUTS = {
  'create-app': { required: ['app-type'], optional: [...APP_IDENTITY_INPUTS, ...APP_FIELD_INPUTS] },
  'get-app': { required: ['app-id'] },
  'update-app': { required: ['app-id'], optional: APP_FIELD_INPUTS },
  'delete-app': { required: ['app-id'] },
  'create-deployable': {
    required: ['app-name', 'deployable-name', 'env-type'],
    optional: ['return-fields', 'if-exists'],
  },
  'create-deployables': { required: ['app-sys-id', 'env-type', 'quantity', 'auto-connect'] },
  'update-deployable': {
    required: ['app-name', 'deployable-name'],
    optional: [...NEW_DEPLOYABLE_INPUTS, 'return-fields'],
  },
  'delete-deployable': { required: ['app-name', 'deployable-name'], optional: ['if-missing'] },
  'list-shared-components': { required: ['app-name'], optional: ['with-updates-only'] },
  'add-shared-component': { required: [...SHARED_COMPONENT, 'shared-library-name'] },
  'update-shared-component': { required: [...SHARED_COMPONENT, 'shared-library-name', 'version-name'] },
  'remove-shared-component': { required: SHARED_COMPONENT },
  'update-shared-components': { required: ['app-name', 'changeset-number'] },
  'list-component-applications': { required: ['shared-library-name', 'shared-component-name'] },
} satisfies Record<string, OperationInputs>;

export type OperationName = keyof typeof OPERATION_INPUTS;
export const OPERATIONS = Object.keys(OPERATION_INPUTS) as OperationName[];

export type AppType = (typeof APP_TYPES)[number];
export type EnvType = (typeof ENV_TYPES)[number];
/** What a create does when the thing exists, or a delete when it is missing: fail the step, or succeed and say so. */
export const ON_CONFLICT = ['fail', 'skip'] as const;
export type OnConflict = (typeof ON_CONFLICT)[number];

interface DeployableRef {
  appName: string;
  deployableName: string;
}
interface SharedComponentRef {
  appName: string;
  changesetNumber: string;
  sharedComponentName: string;
}

/** One operation with the values it runs with, each of its own type. */
export type OperationConfig =
  | { operation: 'create-app'; appType: AppType; identity: AppIdentity; fields: AppFields }
  | { operation: 'get-app' | 'delete-app'; appId: string }
  | { operation: 'update-app'; appId: string; fields: AppFields }
  | ({
      operation: 'create-deployable';
      envType: EnvType;
      returnFields?: string[];
      ifExists: OnConflict;
    } & DeployableRef)
  | { operation: 'create-deployables'; appSysId: string; envType: EnvType; quantity: number; autoConnect: boolean }
  | ({
      operation: 'update-deployable';
      newName?: string;
      newDescription?: string;
      newServiceId?: string;
      newIdentifier?: string;
      returnFields?: string[];
    } & DeployableRef)
  | ({ operation: 'delete-deployable'; ifMissing: OnConflict } & DeployableRef)
  | { operation: 'list-shared-components'; appName: string; withUpdatesOnly: boolean }
  | ({ operation: 'add-shared-component'; sharedLibraryName: string } & SharedComponentRef)
  | ({ operation: 'update-shared-component'; sharedLibraryName: string; versionName: string } & SharedComponentRef)
  | ({ operation: 'remove-shared-component' } & SharedComponentRef)
  | { operation: 'update-shared-components'; appName: string; changesetNumber: string }
  | { operation: 'list-component-applications'; sharedLibraryName: string; sharedComponentName: string };

const DEPLOYABLE_NAME = /^[0-9A-Za-z_\-.%$\s:#]{1,255}$/;
const SYS_ID = /^[0-9a-f]{32}$/i;

/** The inputs `operation` takes, required ones first. */
export function operationInputNames(operation: OperationName): string[] {
  const { required, optional = [] } = OPERATION_INPUTS[operation] as OperationInputs;
  return [...required, ...optional];
}

/**
 * Reads the `operation` input and the config for it; problems go to the reader. Undefined when any problem was
 * found: then no value below (a required one's '' or 0 stand-in included) leaves this function.
 */
export function readOperation(inputs: InputReader): OperationConfig | undefined {
  const before = inputs.problems.length;
  if (!inputs.has('operation')) inputs.problem('operation', 'is required');
  const operation = inputs.choice('operation', OPERATIONS);
  if (operation === undefined) return undefined;
  const { required } = OPERATION_INPUTS[operation] as OperationInputs;
  const taken = new Set(operationInputNames(operation));
  const every = new Set(OPERATIONS.flatMap(operationInputNames));
  for (const name of every) {
    if (!taken.has(name)) {
      if (inputs.has(name)) inputs.problem(name, `is not used by ${operation}`);
    } else if (required.includes(name) && !inputs.has(name)) inputs.problem(name, 'is required');
  }
  const config = readConfig(inputs, operation);
  return inputs.problems.length === before ? config : undefined;
}

function readConfig(inputs: InputReader, operation: OperationName): OperationConfig {
  // A required input that is missing has its problem already; '' stands in for it until readOperation drops all.
  const text = (name: string) => inputs.string(name) ?? '';
  const optional = (name: string) => inputs.string(name);
  const sysId = (name: string) => {
    const value = text(name);
    if (value && !SYS_ID.test(value)) inputs.problem(name, 'must be a 32-character sys_id', value);
    return value;
  };
  const envType = () => inputs.choice('env-type', ENV_TYPES) ?? 'Development';
  const returnFields = () => (inputs.has('return-fields') ? inputs.list('return-fields') : undefined);
  const deployable = () => ({ appName: text('app-name'), deployableName: text('deployable-name') });
  const sharedComponent = () => ({
    appName: text('app-name'),
    changesetNumber: text('changeset-number'),
    sharedComponentName: text('shared-component-name'),
  });
  switch (operation) {
    case 'create-app':
      return readCreateApp(inputs);
    case 'get-app':
    case 'delete-app':
      return { operation, appId: sysId('app-id') };
    case 'update-app':
      inputs.atLeastOne(APP_FIELD_INPUTS, { context: 'update-app' });
      return { operation, appId: sysId('app-id'), fields: appFields(inputs) };
    case 'create-deployable': {
      const name = text('deployable-name');
      if (name && !DEPLOYABLE_NAME.test(name)) {
        inputs.problem(
          'deployable-name',
          'must be at most 255 characters of 0-9, A-Z, a-z, _, -, ., %, $, whitespace, : and #',
        );
      }
      return {
        operation,
        ...deployable(),
        envType: envType(),
        returnFields: returnFields(),
        ifExists: inputs.choice('if-exists', ON_CONFLICT, { default: 'fail' }) ?? 'fail',
      };
    }
    case 'create-deployables':
      return {
        operation,
        appSysId: sysId('app-sys-id'),
        envType: envType(),
        quantity: inputs.integer('quantity', { min: 1 }) ?? 0,
        autoConnect: inputs.boolean('auto-connect', false),
      };
    case 'update-deployable':
      inputs.atLeastOne(NEW_DEPLOYABLE_INPUTS, { context: 'update-deployable' });
      return {
        operation,
        ...deployable(),
        newName: optional('new-name'),
        newDescription: optional('new-description'),
        newServiceId: optional('new-service-id'),
        newIdentifier: optional('new-identifier'),
        returnFields: returnFields(),
      };
    case 'delete-deployable':
      return {
        operation,
        ...deployable(),
        ifMissing: inputs.choice('if-missing', ON_CONFLICT, { default: 'fail' }) ?? 'fail',
      };
    case 'list-shared-components':
      return { operation, appName: text('app-name'), withUpdatesOnly: inputs.boolean('with-updates-only', false) };
    case 'add-shared-component':
      return { operation, ...sharedComponent(), sharedLibraryName: text('shared-library-name') };
    case 'update-shared-component':
      return {
        operation,
        ...sharedComponent(),
        sharedLibraryName: text('shared-library-name'),
        versionName: text('version-name'),
      };
    case 'remove-shared-component':
      return { operation, ...sharedComponent() };
    case 'update-shared-components':
      return { operation, appName: text('app-name'), changesetNumber: text('changeset-number') };
    case 'list-component-applications':
      return {
        operation,
        sharedLibraryName: text('shared-library-name'),
        sharedComponentName: text('shared-component-name'),
      };
  }
}

function readCreateApp(inputs: InputReader): OperationConfig {
  const appType = inputs.choice('app-type', APP_TYPES);
  inputs.exactlyOne(APP_IDENTITY_INPUTS, { context: 'create-app' });
  for (const name of ['app-service-id', 'app-service-name'])
    inputs.onlyWith(name, appType !== 'infrastructure', 'app-type: application');
  inputs.onlyWith('technical-service-id', appType !== 'application', 'app-type: infrastructure');
  return {
    operation: 'create-app',
    appType: appType ?? 'application',
    identity: {
      appName: inputs.string('app-name'),
      appModelId: inputs.string('app-model-id'),
      appModelName: inputs.string('app-model-name'),
      appServiceId: inputs.string('app-service-id'),
      appServiceName: inputs.string('app-service-name'),
      technicalServiceId: inputs.string('technical-service-id'),
    },
    fields: appFields(inputs),
  };
}

function appFields(inputs: InputReader): AppFields {
  return {
    appDescription: inputs.string('app-description'),
    appManufacturerId: inputs.string('app-manufacturer-id'),
    appModelOwnerId: inputs.string('app-model-owner-id'),
    appManagedByGroups: inputs.has('app-managed-by-groups')
      ? inputs.list('app-managed-by-groups').join(',')
      : undefined,
  };
}
