export const id = 691;
export const ids = [691];
export const modules = {

/***/ 95691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  operationOutputs: () => (/* binding */ operationOutputs),
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./shared/report/known.ts
var report_known = __webpack_require__(1854);
// EXTERNAL MODULE: ./shared/report/outputs.ts
var report_outputs = __webpack_require__(59747);
// EXTERNAL MODULE: ./shared/frame/run.ts + 1 modules
var run = __webpack_require__(91625);
// EXTERNAL MODULE: ./shared/vendors/servicenow/connection.ts
var servicenow_connection = __webpack_require__(11272);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/http/body.ts
var http_body = __webpack_require__(52311);
// EXTERNAL MODULE: ./shared/json.ts
var json = __webpack_require__(58550);
// EXTERNAL MODULE: ./shared/poll/states.ts
var states = __webpack_require__(94690);
;// CONCATENATED MODULE: ./shared/vendors/servicenow/cdm-applications.ts
/**
 * DevOps Config applications and CDM deployables and shared components (docs/vendor-apis.md). Each function maps one
 * documented endpoint; failures the documents hide in successful-looking answers are thrown as ApiErrors.
 */





const APP_TYPES = ['application', 'infrastructure'];
const ENV_TYPES = ['Development', 'Production', 'Test'];
const appPath = (c, id) => (0,servicenow_connection/* apiPath */.So)('sn_devops_config', c, `devops_config/application${id ? `/${encodeURIComponent(id)}` : ''}`);
/** POST .../application → the new application's sys_id (`result.data`). */
async function createApp(client, c, body) {
    const spec = { method: 'POST', path: appPath(c), json: body, what: 'create the application' };
    const result = client.objectIn(await client.json(spec), spec, 'result');
    if (typeof result.data !== 'string' || !result.data)
        throw client.unexpectedAnswer(spec, 'result.data (the new sys_id) is missing');
    return { appId: result.data, message: (0,json/* nonEmptyString */.y0)(result.message) };
}
/** GET .../application/{id}; `result.status: 400` with `data.error` (HTTP 200) is a failure. */
async function getApp(client, c, appId) {
    const spec = { method: 'GET', path: appPath(c, appId), what: 'read the application' };
    const result = client.objectIn(await client.json(spec), spec, 'result');
    const status = (0,json/* vendorNumber */.Ue)(result.status);
    if (status.kind === 'number' && status.value >= 400) {
        throw failure(client, spec, (0,servicenow_connection/* readServiceNowMessage */.x3)({ result }) ?? `result.status ${status.value}`);
    }
    if (!(0,http_body/* isRecord */.u4)(result.data))
        throw client.unexpectedAnswer(spec, 'result.data is missing');
    return result.data;
}
async function updateApp(client, c, appId, fields) {
    const spec = { method: 'PATCH', path: appPath(c, appId), json: fields, what: 'update the application' };
    const result = client.objectIn(await client.json(spec), spec, 'result');
    return (0,json/* nonEmptyString */.y0)(result.message);
}
/** DELETE .../application/{id}; a non-empty `result.errors` is a failure. */
async function deleteApp(client, c, appId) {
    const spec = { method: 'DELETE', path: appPath(c, appId), what: 'delete the application' };
    const result = client.objectIn(await client.json(spec), spec, 'result');
    const errors = (0,servicenow_connection/* messages */.DZ)(result.errors);
    if (errors.length)
        throw failure(client, spec, errors.join('; '));
    return (0,servicenow_connection/* messages */.DZ)(result.success);
}
/** POST /applications/deployables → the created deployable record. */
async function createDeployable(client, c, query) {
    const spec = cdm(c, 'POST', 'applications/deployables', query, 'create the deployable');
    return firstRecord(await client.json(spec), client, spec);
}
/** POST /applications/deployables/create → the sys_ids of the created deployables. */
async function createDeployables(client, c, options) {
    const query = { ...options, quantity: String(options.quantity), autoConnect: String(options.autoConnect) };
    const spec = cdm(c, 'POST', 'applications/deployables/create', query, 'create the deployables');
    const body = await client.json(spec);
    if (!(0,http_body/* isRecord */.u4)(body) || !Array.isArray(body.result))
        throw client.unexpectedAnswer(spec, 'result is not a list of sys_ids');
    return body.result.map(String);
}
async function updateDeployable(client, c, query) {
    const spec = cdm(c, 'PUT', 'applications/deployables', query, 'update the deployable');
    return firstRecord(await client.json(spec), client, spec);
}
/** DELETE /applications/deployables: success is the status code alone. */
async function deleteDeployable(client, c, query) {
    const spec = cdm(c, 'DELETE', 'applications/deployables', query, 'delete the deployable');
    failIfErrorBody(await client.send(spec), client, spec);
}
/**
 * Whether `error` is ServiceNow refusing to create deployable `name` because the application already has one of
 * that name: a client-error status whose message says "already exists" and names it. Anything else is not.
 */
function isDeployableExists(error, name) {
    return clientError(error) && /already exists/i.test(error.vendorMessage) && namesQuoted(error.vendorMessage, name);
}
/**
 * Whether `error` is ServiceNow refusing to delete deployable `name` because the application has none of that name.
 * A missing application is not this (its message names no deployable): that stays a failure.
 */
function isDeployableMissing(error, name) {
    if (!clientError(error))
        return false;
    const message = error.vendorMessage;
    return (/could not find|not found|does not exist/i.test(message) &&
        /\bdeployable\b/i.test(message) &&
        !/could not find (active )?application/i.test(message) &&
        namesQuoted(message, name));
}
function clientError(error) {
    return error instanceof errors/* ApiError */.hD && error.status !== undefined && error.status >= 400 && error.status < 500;
}
/** The message names `name` as a whole: quoted, or set off by spaces or the message's ends. */
function namesQuoted(message, name) {
    return [`'${name}'`, `"${name}"`].some((quoted) => message.includes(quoted)) || message.split(/\s+/).includes(name);
}
/**
 * GET /applications/shared_components. The document's table names the filter `withUpdatesOnly`, its example
 * `updatesOnly`: both are sent.
 */
async function listSharedComponents(client, c, appName, withUpdatesOnly) {
    const flag = String(withUpdatesOnly);
    const spec = cdm(c, 'GET', 'applications/shared_components', { appName, withUpdatesOnly: flag, updatesOnly: flag }, 'list the shared components');
    const body = await client.json(spec);
    if (!(0,http_body/* isRecord */.u4)(body) || !Array.isArray(body.result))
        throw client.unexpectedAnswer(spec, 'result is not a list');
    return body.result.filter(http_body/* isRecord */.u4).map((r) => ({
        name: (0,json/* scalarText */.ws)(r.name),
        description: (0,json/* nonEmptyString */.y0)(r.description),
        sharedLibraryName: (0,json/* nonEmptyString */.y0)(r.sharedLibraryName),
        currentVersion: r.currentVersion === undefined ? undefined : (0,json/* scalarText */.ws)(r.currentVersion),
        currentVersionName: (0,json/* nonEmptyString */.y0)(r.currentVersionName),
        updateVersionName: (0,json/* nonEmptyString */.y0)(r.updateVersionName),
    }));
}
async function addSharedComponent(client, c, query) {
    const spec = cdm(c, 'POST', 'applications/shared_components', query, 'add the shared component');
    return firstRecord(await client.json(spec), client, spec);
}
/** PUT /applications/shared_components. The table names the version `version`, the example `versionName`: both are sent. */
async function updateSharedComponent(client, c, query) {
    const spec = cdm(c, 'PUT', 'applications/shared_components', { ...query, version: query.versionName }, 'update the shared component');
    return firstRecord(await client.json(spec), client, spec);
}
async function removeSharedComponent(client, c, query) {
    const spec = cdm(c, 'DELETE', 'applications/shared_components', query, 'remove the shared component');
    failIfErrorBody(await client.send(spec), client, spec);
}
/** GET /applications/shared_libraries/components/applications → the applications using the component. */
async function listComponentApplications(client, c, query) {
    const spec = cdm(c, 'GET', 'applications/shared_libraries/components/applications', query, 'list the applications using the component');
    const body = await client.json(spec);
    // The document keys the list by the component ({"result": {"<component>": [...]}}).
    const result = client.objectIn(body, spec).result;
    const lists = Array.isArray(result) ? [result] : (0,http_body/* isRecord */.u4)(result) ? Object.values(result).filter(Array.isArray) : [];
    return lists.flat().filter(http_body/* isRecord */.u4);
}
function cdm(c, method, rest, query, what) {
    return { method, path: (0,servicenow_connection/* cdmPath */.K5)(c, rest), query, what };
}
/** `{"result": [record]}` or `{"result": record}`. */
function firstRecord(body, client, spec) {
    const result = (0,http_body/* isRecord */.u4)(body) ? body.result : undefined;
    const record = Array.isArray(result) ? result.find(http_body/* isRecord */.u4) : result;
    if (!(0,http_body/* isRecord */.u4)(record))
        throw client.unexpectedAnswer(spec, 'the answer has no result record');
    return record;
}
/** Answers whose success is an empty body or `""` may still carry an error object. */
function failIfErrorBody(response, client, spec) {
    const text = response.text.trim();
    if (!text || text === '""')
        return;
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        return;
    }
    if ((0,http_body/* isRecord */.u4)(body) && ((0,http_body/* isRecord */.u4)(body.error) || (typeof body.status === 'string' && (0,states/* namesFailure */.nK)(body.status)))) {
        throw failure(client, spec, (0,servicenow_connection/* readServiceNowMessage */.x3)(body) ?? text);
    }
}
/** A failure ServiceNow reported inside an answer with a success status. */
function failure(client, spec, vendorMessage) {
    const hint = (0,servicenow_connection/* noApplicationHint */.F_)(vendorMessage);
    return new errors/* ApiError */.hD({ method: spec.method, url: client.displayUrl(spec), status: 200, vendorMessage, hint });
}

;// CONCATENATED MODULE: ./actions/cdm-application/src/config.ts

const APP_IDENTITY_INPUTS = [
    'app-name',
    'app-model-id',
    'app-model-name',
    'app-service-id',
    'app-service-name',
    'technical-service-id',
];
const APP_FIELD_INPUTS = ['app-description', 'app-manufacturer-id', 'app-model-owner-id', 'app-managed-by-groups'];
const NEW_DEPLOYABLE_INPUTS = ['new-name', 'new-description', 'new-service-id', 'new-identifier'];
const SHARED_COMPONENT = ['app-name', 'changeset-number', 'shared-component-name'];
const OPERATION_INPUTS = {
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
};
const OPERATIONS = Object.keys(OPERATION_INPUTS);
/** What a create does when the thing exists, or a delete when it is missing: fail the step, or succeed and say so. */
const ON_CONFLICT = ['fail', 'skip'];
const DEPLOYABLE_NAME = /^[0-9A-Za-z_\-.%$\s:#]{1,255}$/;
const SYS_ID = /^[0-9a-f]{32}$/i;
/** The inputs `operation` takes, required ones first. */
function operationInputNames(operation) {
    const { required, optional = [] } = OPERATION_INPUTS[operation];
    return [...required, ...optional];
}
/**
 * Reads the `operation` input and the config for it; problems go to the reader. Undefined when any problem was
 * found: then no value below (a required one's '' or 0 stand-in included) leaves this function.
 */
function readOperation(inputs) {
    const before = inputs.problems.length;
    if (!inputs.has('operation'))
        inputs.problem('operation', 'is required');
    const operation = inputs.choice('operation', OPERATIONS);
    if (operation === undefined)
        return undefined;
    const { required } = OPERATION_INPUTS[operation];
    const taken = new Set(operationInputNames(operation));
    const every = new Set(OPERATIONS.flatMap(operationInputNames));
    for (const name of every) {
        if (!taken.has(name)) {
            if (inputs.has(name))
                inputs.problem(name, `is not used by ${operation}`);
        }
        else if (required.includes(name) && !inputs.has(name))
            inputs.problem(name, 'is required');
    }
    const config = readConfig(inputs, operation);
    return inputs.problems.length === before ? config : undefined;
}
function readConfig(inputs, operation) {
    // A required input that is missing has its problem already; '' stands in for it until readOperation drops all.
    const text = (name) => inputs.string(name) ?? '';
    const optional = (name) => inputs.string(name);
    const sysId = (name) => {
        const value = text(name);
        if (value && !SYS_ID.test(value))
            inputs.problem(name, 'must be a 32-character sys_id', value);
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
                inputs.problem('deployable-name', 'must be at most 255 characters of 0-9, A-Z, a-z, _, -, ., %, $, whitespace, : and #');
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
function readCreateApp(inputs) {
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
function appFields(inputs) {
    return {
        appDescription: inputs.string('app-description'),
        appManufacturerId: inputs.string('app-manufacturer-id'),
        appModelOwnerId: inputs.string('app-model-owner-id'),
        appManagedByGroups: inputs.has('app-managed-by-groups')
            ? inputs.list('app-managed-by-groups').join(',')
            : undefined,
    };
}

;// CONCATENATED MODULE: ./actions/cdm-application/src/operations.ts


/** How much of a structured value one summary cell shows. */
const CELL_CHARS = 2000;
async function runOperation(config, context) {
    const { client, connection: c } = context;
    switch (config.operation) {
        case 'create-app': {
            const created = await createApp(client, c, { type: config.appType, ...config.identity, ...config.fields });
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
            const app = await getApp(client, c, config.appId);
            return {
                appId: (0,json/* scalarText */.ws)(app.appId ?? config.appId),
                appName: typeof app.appName === 'string' ? app.appName : undefined,
                app,
                result: app,
                rows: Object.entries(app).map(([key, value]) => [
                    key,
                    typeof value === 'string' ? value : (0,json/* jsonText */.s$)(value, CELL_CHARS),
                ]),
            };
        }
        case 'update-app': {
            const message = await updateApp(client, c, config.appId, config.fields);
            return { appId: config.appId, result: { message, data: config.appId }, rows: [['Message', message ?? '']] };
        }
        case 'delete-app': {
            const success = await deleteApp(client, c, config.appId);
            return { appId: config.appId, result: { errors: [], success }, rows: [['Result', success.join(' ')]] };
        }
        case 'create-deployable':
            if (config.ifExists === 'skip') {
                return skipWhen(isDeployableExists, config, context, () => writeDeployable(config, context));
            }
            return writeDeployable(config, context);
        case 'update-deployable':
            return writeDeployable(config, context);
        case 'create-deployables': {
            const ids = await createDeployables(client, c, {
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
            const remove = async () => {
                await deleteDeployable(client, c, { appName: config.appName, name: config.deployableName });
                return {
                    result: { deleted: config.deployableName },
                    rows: [['Deleted', `${config.deployableName} of ${config.appName}`]],
                };
            };
            return config.ifMissing === 'skip' ? skipWhen(isDeployableMissing, config, context, remove) : remove();
        }
        case 'list-shared-components': {
            const components = await listSharedComponents(client, c, config.appName, config.withUpdatesOnly);
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
            const node = config.operation === 'add-shared-component'
                ? await addSharedComponent(client, c, component)
                : await updateSharedComponent(client, c, { ...component, versionName: config.versionName });
            return { result: node, rows: recordRows(node) };
        }
        case 'remove-shared-component':
            await removeSharedComponent(client, c, {
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
            const applications = await listComponentApplications(client, c, {
                sharedLibraryName: config.sharedLibraryName,
                sharedComponentName: config.sharedComponentName,
            });
            return {
                applications,
                result: applications,
                rows: applications.map((app) => [(0,json/* scalarText */.ws)(app.name), (0,json/* scalarText */.ws)(app.sys_id)]),
            };
        }
    }
}
async function writeDeployable(config, { client, connection: c }) {
    const record = config.operation === 'create-deployable'
        ? await createDeployable(client, c, {
            appName: config.appName,
            name: config.deployableName,
            envType: config.envType,
            returnFields: config.returnFields?.join(','),
        })
        : await updateDeployable(client, c, {
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
async function skipWhen(expected, config, { logger }, attempt) {
    try {
        return await attempt();
    }
    catch (error) {
        if (!expected(error, config.deployableName))
            throw error;
        const why = config.operation === 'create-deployable'
            ? `deployable ${config.deployableName} already exists in ${config.appName} (if-exists: skip)`
            : `deployable ${config.deployableName} does not exist in ${config.appName} (if-missing: skip)`;
        logger.info(`Skipped ${config.operation}: ${why}. ServiceNow said: ${error.vendorMessage}`);
        return { skipped: why, result: { skipped: why }, rows: [['Skipped', why]] };
    }
}
/** Moves every outdated shared component to its newest version, reporting each as it moves. */
async function updateSharedComponents(config, { client, connection, logger, report }) {
    const { appName, changesetNumber } = config;
    const outdated = (await listSharedComponents(client, connection, appName, true)).filter((component) => component.updateVersionName);
    const moved = [];
    const rows = [];
    for (const component of outdated) {
        const versionName = component.updateVersionName ?? '';
        await updateSharedComponent(client, connection, {
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
    if (!outdated.length)
        rows.push(['Shared components', 'all on their newest versions; nothing moved']);
    return { sharedComponents: moved, result: moved, rows };
}
function versionText(c) {
    const current = c.currentVersionName ?? c.currentVersion ?? '';
    return c.updateVersionName ? `${current} (update: ${c.updateVersionName})` : current;
}
/** The scalar fields of a record, and the `value` of reference fields. */
function recordRows(record) {
    const rows = [];
    for (const [key, value] of Object.entries(record)) {
        if (value === null || value === undefined || value === '')
            continue;
        const shown = typeof value === 'object' && 'value' in value ? value.value : value;
        rows.push([key, typeof shown === 'string' ? shown : (0,json/* jsonText */.s$)(shown, CELL_CHARS)]);
    }
    return rows;
}

;// CONCATENATED MODULE: ./actions/cdm-application/src/main.ts
/** cdm-application: one operation on CDM applications, deployables or shared components → outputs and summary. */






/** No operation waits on a job; this bounds retries and slow answers. */
const RUN_TIMEOUT_MS = 10 * 60_000;
function main_run(options = {}) {
    return (0,run/* runAction */.C)({ title: 'ServiceNow CDM application', ...options }, main);
}
async function main(context) {
    const { inputs, outputs, summary, logger } = context;
    const { connection, config } = inputs.finish({
        connection: (0,servicenow_connection/* readServiceNowConnection */.YJ)(inputs),
        config: readOperation(inputs),
    });
    const runtime = context.runtime(RUN_TIMEOUT_MS);
    const known = new report_known/* Known */.I((part) => (0,report_outputs/* setOutputs */.n0)(outputs, operationOutputs(part)));
    try {
        const result = await runOperation(config, {
            client: (0,servicenow_connection/* serviceNowClient */.z0)(connection, runtime),
            connection,
            logger,
            report: known.report,
        });
        known.report(result);
        return `✅ ${config.operation} done on ${connection.instanceUrl}${result.rows.length === 1 ? `: ${result.rows[0].join(' ')}` : ''}.`;
    }
    finally {
        summary.details([
            ['Instance', connection.instanceUrl],
            ['Operation', config.operation],
            ...operationInputNames(config.operation).map((name) => [name, inputs.string(name)]),
        ]);
        const rows = known.value.rows ?? [];
        if (rows.length)
            summary.heading('Result', 3).table(['', ''], rows);
    }
}
/** The step's outputs for what the operation reported; the ones it did not report are left out. */
function operationOutputs(part) {
    return {
        'app-id': part.appId,
        'app-name': part.appName,
        app: part.app,
        'deployable-sys-id': part.deployableSysId,
        'deployable-sys-ids': part.deployableSysIds,
        'shared-components': part.sharedComponents,
        applications: part.applications,
        result: part.result,
    };
}


/***/ }),

/***/ 89033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ credentialsAuth),
  L: () => (/* binding */ readCredentials)
});

;// CONCATENATED MODULE: ./shared/auth/index.ts
function basicAuth(username, password, logger) {
    logger.mask(password);
    const encoded = Buffer.from(`${username}:${password}`).toString('base64');
    logger.mask(encoded);
    return {
        description: `basic auth as '${username}'`,
        headers: async () => ({ Authorization: `Basic ${encoded}` }),
    };
}
function bearerAuth(token, logger) {
    logger.mask(token);
    return {
        description: 'a bearer token',
        headers: async () => ({ Authorization: `Bearer ${token}` }),
    };
}

;// CONCATENATED MODULE: ./shared/auth/credentials.ts

/** Reads the credential inputs; problems go to the reader. `tokenKind` names the token in messages. */
function readCredentials(inputs, tokenKind) {
    const username = inputs.string('username');
    const password = inputs.secret('password');
    const token = inputs.secret('token');
    if (token && (username || password)) {
        inputs.problem('token', `give either username and password (basic auth) or token (${tokenKind}), not both`);
    }
    else if (token) {
        return { kind: 'bearer', token };
    }
    else if (username && password) {
        return { kind: 'basic', username, password };
    }
    else if (username || password) {
        inputs.requiredWith('password', username !== undefined, 'username');
        inputs.requiredWith('username', password !== undefined, 'password');
    }
    else {
        inputs.problem('username', `give username and password (basic auth) or token (${tokenKind})`);
    }
    return undefined;
}
function credentialsAuth(credentials, logger) {
    return credentials.kind === 'basic'
        ? basicAuth(credentials.username, credentials.password, logger)
        : bearerAuth(credentials.token, logger);
}


/***/ }),

/***/ 94690:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ai: () => (/* binding */ classifyState),
/* harmony export */   km: () => (/* binding */ jobStates),
/* harmony export */   nK: () => (/* binding */ namesFailure),
/* harmony export */   yY: () => (/* binding */ sameState)
/* harmony export */ });
const FAILURE_WORDS = /fail|error|abort|cancel/i;
function normalized(state) {
    return state.trim().toLowerCase();
}
/** Whether two vendor states are the same, whatever their case. */
function sameState(a, b) {
    return a !== undefined && normalized(a) === normalized(b);
}
/** Whether `state` is one of `states`, whatever its case. */
function isOneOf(state, states) {
    return state !== undefined && states.some((known) => sameState(state, known));
}
/** Whether a state speaks of failure (FAILED, commit_failed, Error, ABORTED, cancelled, ...). */
function namesFailure(state) {
    return FAILURE_WORDS.test(state);
}
/** The class of `state`; `unknown` for a state that is not listed and does not name a failure. */
function classifyState(state, known) {
    if (isOneOf(state, known.failed ?? []))
        return 'failed';
    if (isOneOf(state, known.done))
        return 'done';
    if (isOneOf(state, known.running))
        return 'running';
    if (namesFailure(state))
        return 'failed';
    return 'unknown';
}
/**
 * A classifier for one job: unknown states count as running, and each is reported once as a warning naming the
 * state and the job, so a wait on a state nobody expected is visible long before the timeout.
 */
function jobStates(what, known, logger) {
    const reported = new Set();
    return (state) => {
        const kind = classifyState(state, known);
        if (kind !== 'unknown')
            return kind;
        if (!reported.has(state)) {
            reported.add(state);
            logger.warning(`${what} is in the state '${state}', which this action does not know: it waits on as if the job were running ` +
                `(known states: ${[...known.running, ...known.done, ...(known.failed ?? [])].join(', ')}).`, 'Unknown job state');
        }
        return 'running';
    };
}


/***/ }),

/***/ 11272:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DZ: () => (/* binding */ messages),
/* harmony export */   F_: () => (/* binding */ noApplicationHint),
/* harmony export */   K5: () => (/* binding */ cdmPath),
/* harmony export */   So: () => (/* binding */ apiPath),
/* harmony export */   YJ: () => (/* binding */ readServiceNowConnection),
/* harmony export */   x3: () => (/* binding */ readServiceNowMessage),
/* harmony export */   z0: () => (/* binding */ serviceNowClient)
/* harmony export */ });
/* harmony import */ var _auth_credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(89033);
/* harmony import */ var _http_body_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52311);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58550);
/* harmony import */ var _http_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22165);
/**
 * ServiceNow connection inputs shared by every CDM action: `instance-url`, `username` + `password` or `token`,
 * `api-version`; and the ApiClient built from them.
 */




/** Reads and checks the connection inputs; problems go to the reader. */
function readServiceNowConnection(inputs) {
    const instanceUrl = inputs.url('instance-url', {
        required: true,
        normalize: instanceNameToUrl,
        expected: "an instance name such as 'acme' or a base URL such as https://acme.service-now.com",
    });
    const credentials = (0,_auth_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .readCredentials */ .L)(inputs, 'OAuth bearer');
    const apiVersion = inputs.string('api-version');
    if (apiVersion !== undefined && !/^v\d+$/.test(apiVersion)) {
        inputs.problem('api-version', 'must look like v1 or v2', apiVersion);
    }
    if (!instanceUrl || !credentials)
        return undefined;
    return { instanceUrl, credentials, apiVersion };
}
/** `acme` → https://acme.service-now.com; anything else is left for the URL parser. */
function instanceNameToUrl(value) {
    return /^[a-z0-9][a-z0-9-]*$/i.test(value) ? `https://${value.toLowerCase()}.service-now.com` : value;
}
/** `/api/sn_cdm/{api_version}/...` when a version is set, `/api/sn_cdm/...` otherwise. */
function cdmPath(connection, rest) {
    return apiPath('sn_cdm', connection, rest);
}
/** The same for any scripted REST namespace, e.g. `sn_devops_config`. */
function apiPath(namespace, connection, rest) {
    return `/api/${namespace}/${connection.apiVersion ? `${connection.apiVersion}/` : ''}${rest.replace(/^\/+/, '')}`;
}
/**
 * ServiceNow's error body: `{"error": {"message", "detail"}, "status": "failure"}`; the DevOps Config API answers
 * some failures as `{"result": {"message", "data": {"error"}}}` instead.
 */
function readServiceNowMessage(body) {
    if (!(0,_http_body_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(body))
        return undefined;
    if ((0,_http_body_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(body.error)) {
        const { message, detail } = body.error;
        const parts = [message, detail].filter((part) => typeof part === 'string' && part.trim() !== '');
        if (parts.length)
            return parts.join(': ');
    }
    if ((0,_http_body_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(body.result)) {
        const { message, data } = body.result;
        if (typeof message === 'string' && message)
            return message;
        if ((0,_http_body_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data) && typeof data.error === 'string' && data.error)
            return data.error;
    }
    return undefined;
}
function serviceNowClient(connection, runtime) {
    const auth = (0,_auth_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .credentialsAuth */ .v)(connection.credentials, runtime.logger);
    return new _http_client_js__WEBPACK_IMPORTED_MODULE_1__/* .ApiClient */ .O({
        baseUrl: connection.instanceUrl,
        urlInput: 'instance-url',
        runtime,
        auth,
        readVendorMessage: readServiceNowMessage,
        unexpectedAnswerHint: 'Check that instance-url points at a ServiceNow instance with the CDM plugin active',
        hintFor: (status, _spec, message) => serviceNowHint(status, message, auth, connection.credentials.kind),
    });
}
function serviceNowHint(status, message, auth, kind) {
    if (/Size of uploaded data/i.test(message)) {
        return 'Split the data into smaller files, or have an administrator raise the sn_cdm.max_allowed_upload_file_size property (and set max-upload-size to match)';
    }
    if (/Could not find active application/i.test(message)) {
        return 'Check app-name: the application must exist in DevOps Config and be active';
    }
    const noApplication = noApplicationHint(message);
    if (noApplication)
        return noApplication;
    if (status === 401) {
        const check = kind === 'basic' ? 'check username and password' : 'check token (an OAuth token may have expired)';
        return `ServiceNow refused ${auth.description}: ${check}`;
    }
    if (status === 403) {
        return 'The user lacks a role this API needs (sn_cdm.cdm.viewer or sn_cdm.cdm_editor; some endpoints need CDM Admin)';
    }
    if (status === 404 && /does not represent any resource/i.test(message)) {
        return 'Check instance-url and api-version, and that the Configuration Data Management plugin is active on the instance';
    }
    return undefined;
}
/**
 * ServiceNow's "No valid Application" names neither the application nor where to look: say which inputs identify
 * it and where their values are found.
 */
function noApplicationHint(message) {
    if (!/No valid Application/i.test(message))
        return undefined;
    return ("ServiceNow found no application for the id or name given: check app-id (the application's sys_id: open it in " +
        'DevOps Config > Applications and copy its sys_id, or use the app-id output of create-app) or app-name (the ' +
        'name exactly as that list shows it)');
}
/** How much of one non-text error entry a message quotes. */
const ERROR_ENTRY_CHARS = 2000;
/** ServiceNow sends `errors` as a string or an array of strings (or objects, quoted as bounded JSON). */
function messages(value) {
    if (value === undefined || value === null || value === '')
        return [];
    const items = Array.isArray(value) ? value : [value];
    return items
        .map((item) => (typeof item === 'string' ? item : (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .jsonText */ .s$)(item, ERROR_ENTRY_CHARS)))
        .filter((item) => item !== '');
}


/***/ })

};

//# sourceMappingURL=691.index.js.map