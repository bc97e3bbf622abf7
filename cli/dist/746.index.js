export const id = 746;
export const ids = [746];
export const modules = {

/***/ 82746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  migrationOutputs: () => (/* binding */ migrationOutputs),
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./shared/auth/credentials.ts + 1 modules
var auth_credentials = __webpack_require__(89033);
// EXTERNAL MODULE: ./shared/inputs/reader.ts + 1 modules
var reader = __webpack_require__(1689);
// EXTERNAL MODULE: ./shared/poll/poll.ts
var poll = __webpack_require__(86373);
// EXTERNAL MODULE: ./shared/json.ts
var json = __webpack_require__(58550);
// EXTERNAL MODULE: ./shared/report/known.ts
var report_known = __webpack_require__(1854);
// EXTERNAL MODULE: ./shared/report/outputs.ts
var report_outputs = __webpack_require__(59747);
// EXTERNAL MODULE: ./shared/frame/run.ts + 1 modules
var run = __webpack_require__(91625);
// EXTERNAL MODULE: ./shared/runtime.ts
var shared_runtime = __webpack_require__(65742);
// EXTERNAL MODULE: ./shared/http/body.ts
var http_body = __webpack_require__(52311);
// EXTERNAL MODULE: ./shared/http/client.ts + 5 modules
var client = __webpack_require__(22165);
;// CONCATENATED MODULE: ./shared/vendors/snaplogic/apim.ts
/**
 * SnapLogic APIM 3.0: migrate a Service version, and the migration status.
 * POST /api/1/rest/public/apim_service/migrate_service_version/{src_path}, then the migration status at
 * GET /api/1/rest/public/migrate/{status_token} or the answer's status_url (docs/vendor-apis.md, SnapLogic).
 */




const ASSET_TYPES = ['Account', 'File', 'Job', 'Pipeline', 'Policy'];
const DEFAULT_CONTROL_PLANE = 'https://elastic.snaplogic.com';
/** The migration's states; a state naming a failure is one too. */
const MIGRATION_STATES = { running: ['Started'], done: ['Completed'], failed: ['Failed'] };
/** SnapLogic's error bodies: `{"response_map": {"error": ...}}`, or a top-level `message`/`error`. */
function readSnapLogicMessage(body) {
    if (!(0,http_body/* isRecord */.u4)(body))
        return undefined;
    const map = (0,http_body/* isRecord */.u4)(body.response_map) ? body.response_map : undefined;
    for (const value of [map?.error, map?.message, map?.error_list, body.message, body.error]) {
        if (typeof value === 'string' && value)
            return value;
        if (Array.isArray(value) && value.length)
            return value.map((v) => (typeof v === 'string' ? v : (0,json/* jsonText */.s$)(v, QUOTE_CHARS))).join('; ');
    }
    return undefined;
}
function snapLogicClient(connection, runtime) {
    return new client/* ApiClient */.O({
        baseUrl: connection.controlPlaneUrl,
        urlInput: 'control-plane-url',
        runtime,
        auth: (0,auth_credentials/* credentialsAuth */.v)(connection.credentials, runtime.logger),
        readVendorMessage: readSnapLogicMessage,
        unexpectedAnswerHint: 'Check that control-plane-url points at a SnapLogic control plane',
        hintFor: (status, spec) => snapLogicHint(status, spec, connection.credentials.kind),
    });
}
/** The resolutions the document gives for its error answers. */
function snapLogicHint(status, spec, kind) {
    const migrating = spec.method === 'POST';
    if (status === 401) {
        return 'Verify your credentials and that you have read permission on the source project and write permission on the target';
    }
    if (status === 403) {
        return kind === 'basic'
            ? 'Basic authentication may be disabled for this organization: use token (a JWT from its identity provider) instead of username and password'
            : 'The token is valid but not allowed to do this: check its permissions on the source and target projects';
    }
    if (status === 404 && migrating)
        return 'Verify the source Org and Service version path are correct and exist';
    if (status === 409) {
        return 'The destination already contains a Service version with the same name: set duplicate-check: false to overwrite, or use a different dest-path';
    }
    return undefined;
}
async function startMigration(client, request) {
    const spec = {
        method: 'POST',
        path: `/api/1/rest/public/apim_service/migrate_service_version${encodePath(request.sourcePath)}`,
        json: {
            dest_path: request.destPath,
            ...(request.assetTypes ? { asset_types: request.assetTypes } : {}),
            duplicate_check: request.duplicateCheck,
        },
        what: 'start the migration',
    };
    const map = client.objectIn(await client.json(spec), spec, 'response_map');
    if (typeof map.status_token !== 'string' || !map.status_token) {
        throw client.unexpectedAnswer(spec, 'response_map.status_token is missing');
    }
    return {
        statusToken: map.status_token,
        statusUrl: typeof map.status_url === 'string' && map.status_url ? map.status_url : undefined,
    };
}
function migrationStatusPath(statusToken) {
    return `/api/1/rest/public/migrate/${encodeURIComponent(statusToken)}`;
}
/** `location`: the answer's status_url, or migrationStatusPath(token). */
async function getMigrationStatus(client, location) {
    const spec = { method: 'GET', path: location, what: 'read the migration status' };
    const map = client.objectIn(await client.json(spec), spec, 'response_map');
    if (typeof map.status !== 'string')
        throw client.unexpectedAnswer(spec, 'response_map.status is missing');
    if (!isEmpty(map.successful) && !Array.isArray(map.successful))
        throw client.unexpectedAnswer(spec, `response_map.successful is ${(0,json/* describeValue */.bp)(map.successful)}, not a list`);
    const failedOther = isEmpty(map.failed) || Array.isArray(map.failed) ? undefined : (0,json/* describeValue */.bp)(map.failed, QUOTE_CHARS);
    return {
        status: map.status,
        successful: entries(map.successful),
        failed: entries(map.failed),
        failedOther,
        responseMap: map,
    };
}
/** How much of an odd value an error message quotes. */
const QUOTE_CHARS = 2000;
/** Absent, null, or an empty list, object, text, 0 or false: nothing in it. */
function isEmpty(value) {
    if (value === undefined || value === null || value === '' || value === 0 || value === false)
        return true;
    if (Array.isArray(value))
        return value.length === 0;
    return (0,http_body/* isRecord */.u4)(value) && Object.keys(value).length === 0;
}
/** The entries of a list (other items become an entry named after them); nothing for any other shape. */
function entries(value) {
    if (!Array.isArray(value))
        return [];
    return value.map((item) => (0,http_body/* isRecord */.u4)(item) ? item : { name: typeof item === 'string' ? item : (0,json/* jsonText */.s$)(item, QUOTE_CHARS) });
}
function encodePath(path) {
    return path
        .split('/')
        .map((segment) => encodeURIComponent(segment))
        .join('/');
}

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/poll/job.ts
var job = __webpack_require__(30513);
// EXTERNAL MODULE: ./shared/poll/states.ts
var states = __webpack_require__(94690);
;// CONCATENATED MODULE: ./actions/apim-migrate/src/migrate.ts
/**
 * The apim-migrate flow: start the migration, then (unless asked not to wait) follow it to its end and judge it:
 * `Failed`, or any failed asset, fails the step. Never touches @actions/core: it reports what it learns through
 * `report` and returns the result.
 */





async function runMigration(config, deps) {
    const { client, runtime, report } = deps;
    const { logger } = runtime;
    let started;
    if ('statusToken' in config.migration) {
        started = { statusToken: config.migration.statusToken };
        report({ statusToken: started.statusToken });
        logger.info(`Following migration ${started.statusToken}, started earlier; nothing new is started.`);
    }
    else {
        const { request } = config.migration;
        warnAboutTrust(request, runtime);
        started = await startMigration(client, request);
        report({ statusToken: started.statusToken, status: 'Started' });
        logger.info(`Migration of ${request.sourcePath} to ${request.destPath} started (status token ${started.statusToken}).`);
        if (!config.wait) {
            logger.info('wait: false, so not following the migration; its status-token is an output.');
            return { statusToken: started.statusToken, status: 'Started' };
        }
    }
    const { statusToken } = started;
    const location = statusLocation(started.statusUrl, started.statusToken, config.controlPlaneUrl, runtime);
    const { status, outcome } = await (0,job/* waitForJob */.q)({
        job: `Migration ${started.statusToken}`,
        states: MIGRATION_STATES,
        check: async () => {
            const current = await getMigrationStatus(client, location);
            checkResumedPaths(config, current, statusToken);
            return current;
        },
        stateOf: (current) => current.status,
        onEnd: (final) => report({ status: final.status, final }),
        what: `migration ${started.statusToken}`,
        runtime,
        maxIntervalMs: config.pollIntervalMs,
        onState: (state) => report({ status: state }),
        resumeHint: `It goes on in SnapLogic: run again with status-token: ${started.statusToken} to follow it`,
    });
    const failed = outcome === 'failed';
    const failures = [
        ...failureLines(status.failed),
        ...(status.failedOther === undefined ? [] : [`'failed' is not a list of assets but ${status.failedOther}`]),
    ];
    if (failed || failures.length) {
        throw new errors/* JobFailedError */.dk(failed
            ? `Migration ${started.statusToken} failed${(0,states/* sameState */.yY)(status.status, 'Failed') ? '' : ` (${status.status})`}`
            : `Migration ${started.statusToken} completed, but ${status.failedOther === undefined ? `${status.failed.length} asset(s)` : 'assets'} failed to migrate`, {
            jobId: `Migration ${started.statusToken}`,
            state: failed ? status.status : 'Completed with failed assets',
            errors: failures.length
                ? failures
                : [`SnapLogic reported the migration as ${status.status} without failed assets`],
            hint: status.failed.some((asset) => MISSING_SERVICE.test(assetMessage(asset) ?? ''))
                ? `The destination Service does not exist: create the Service at dest-path (${migrationPaths(config, status).destPath ?? 'the destination'}) in SnapLogic, then run again`
                : "Fix the failed assets in the source (or the destination org's trust and permissions) and run again",
        });
    }
    logger.info(`Migration completed: ${status.successful.length} asset(s) migrated.`);
    return { statusToken, status: status.status, final: status };
}
/**
 * Where the migration goes: the inputs when this run started it, else what its status answer says (`src_path`,
 * `dest_path`), so a resumed run names the same paths.
 */
function migrationPaths(config, status) {
    if ('request' in config.migration)
        return config.migration.request;
    const text = (value) => (typeof value === 'string' && value ? value : undefined);
    return { sourcePath: text(status?.responseMap.src_path), destPath: text(status?.responseMap.dest_path) };
}
/** A resumed migration that is not the one the step's paths describe is another job: an error, not a pass. */
function checkResumedPaths(config, status, token) {
    if (!('statusToken' in config.migration))
        return;
    const actual = migrationPaths(config, status);
    const expected = config.migration.expected ?? {};
    const odd = ['sourcePath', 'destPath'].filter((key) => expected[key] && actual[key] && expected[key] !== actual[key]);
    if (!odd.length)
        return;
    const input = { sourcePath: 'source-path', destPath: 'dest-path' };
    throw new errors/* JobFailedError */.dk(`Migration ${token} is not the migration this step describes`, {
        jobId: `Migration ${token}`,
        state: 'another migration',
        errors: odd.map((key) => `${input[key]} is ${expected[key]}, but migration ${token} goes ${key === 'sourcePath' ? 'from' : 'to'} ${actual[key]}`),
        hint: 'Check status-token: it is the status-token output of the run that started this migration',
    });
}
/** The status URL the answer gave, when it is on the control plane we trust with our credentials. */
function statusLocation(statusUrl, token, controlPlaneUrl, runtime) {
    if (!statusUrl)
        return migrationStatusPath(token);
    let sameOrigin;
    try {
        sameOrigin = new URL(statusUrl, controlPlaneUrl).origin === new URL(controlPlaneUrl).origin;
    }
    catch {
        sameOrigin = false;
    }
    if (sameOrigin)
        return new URL(statusUrl, controlPlaneUrl).toString();
    runtime.logger.warning(`The migration's status_url is not on ${new URL(controlPlaneUrl).host}; following the documented status endpoint instead, so credentials are only sent to the control plane.`, 'status_url ignored');
    return migrationStatusPath(token);
}
/** Accounts and policies moving to another org need that org to be trusted by the source. */
function warnAboutTrust(request, runtime) {
    const sourceOrg = request.sourcePath.split('/')[1];
    const destOrg = request.destPath.split('/')[1];
    const sensitive = (request.assetTypes ?? ['Account', 'Policy']).filter((t) => t === 'Account' || t === 'Policy');
    if (sourceOrg === destOrg || !sensitive.length)
        return;
    runtime.logger.warning(`Migrating ${sensitive.join(' and ')} assets from org '${sourceOrg}' to org '${destOrg}': the source org must trust '${destOrg}', and '${destOrg}' needs at least the same security level, or these assets fail to migrate.`, 'Accounts and policies across orgs');
}
/** Every asset of a migration into a missing Service fails with this; the fix is the same for all of them. */
const MISSING_SERVICE = /Destination Service '[^']*' was not found[^.;]*/i;
/**
 * One line per failure, the same failure said once with its count: assets that failed because the destination
 * Service is missing share that one reason.
 */
function failureLines(failed) {
    return (0,errors/* collapseRepeats */.Uw)(failed.map((asset) => MISSING_SERVICE.exec(assetMessage(asset) ?? '')?.[0] ?? describeAsset(asset)));
}
const MESSAGE_KEYS = ['message', 'error', 'reason'];
function assetMessage(entry) {
    const key = MESSAGE_KEYS.find((k) => entry[k] !== undefined);
    const value = key === undefined ? undefined : entry[key];
    return typeof value === 'string' ? value : undefined;
}
/** Failed-asset entries have no documented shape: name, type and message first, then every other field. */
function describeAsset(entry) {
    const text = (value) => (typeof value === 'string' ? value : (0,json/* jsonText */.s$)(value, 2000));
    const messageKey = MESSAGE_KEYS.find((key) => entry[key] !== undefined);
    const message = messageKey && entry[messageKey];
    const type = entry.asset_type ?? entry.type;
    const rest = Object.entries(entry)
        .filter(([key, value]) => !['name', 'asset_type', 'type', messageKey].includes(key) && value !== message)
        .map(([key, value]) => `${key}: ${text(value)}`);
    return (`${text(entry.name ?? 'unnamed asset')}${type ? ` (${text(type)})` : ''}${message ? `: ${text(message)}` : ''}` +
        (rest.length ? ` [${rest.join(', ')}]` : ''));
}

;// CONCATENATED MODULE: ./actions/apim-migrate/src/main.ts
/** apim-migrate: inputs → migration (followed to its end unless `wait: false`) → outputs and job summary. */










function main_run(options = {}) {
    return (0,run/* runAction */.C)({ title: 'SnapLogic APIM migration', ...options }, main);
}
async function main(context) {
    const { inputs, outputs, summary } = context;
    const statusToken = readStatusToken(inputs);
    const resuming = inputs.has('status-token');
    const required = {
        controlPlaneUrl: inputs.url('control-plane-url', {
            default: DEFAULT_CONTROL_PLANE,
            expected: 'a control plane URL such as https://elastic.snaplogic.com',
        }),
        credentials: (0,auth_credentials/* readCredentials */.L)(inputs, 'a JWT, sent as Bearer'),
    };
    const sourcePath = readPath(inputs, 'source-path', ['org', 'project_space', 'project', 'service', 'version'], !resuming);
    const destPath = readPath(inputs, 'dest-path', ['org', 'project_space', 'project', 'service'], !resuming);
    const assetTypes = readAssetTypes(inputs);
    const duplicateCheck = inputs.boolean('duplicate-check', false);
    const wait = inputs.boolean('wait', true);
    if (resuming && !wait)
        inputs.problem('wait', 'must be true with status-token: following the migration is all such a run does');
    const timeoutMs = inputs.duration('timeout', '30m');
    const pollIntervalMs = (0,poll/* readPollInterval */.nb)(inputs, '10s');
    const migration = resuming
        ? statusToken === undefined
            ? undefined
            : { statusToken, expected: { sourcePath, destPath } }
        : sourcePath === undefined || destPath === undefined
            ? undefined
            : { request: { sourcePath, destPath, assetTypes, duplicateCheck } };
    const { controlPlaneUrl, credentials, ...rest } = inputs.finish({ ...required, migration });
    const config = { controlPlaneUrl, migration: rest.migration, wait, pollIntervalMs };
    const runtime = context.runtime(timeoutMs);
    const known = new report_known/* Known */.I((part) => (0,report_outputs/* setOutputs */.n0)(outputs, migrationOutputs(part)));
    try {
        const result = await runMigration(config, {
            client: snapLogicClient({ controlPlaneUrl, credentials }, runtime),
            runtime,
            report: known.report,
        });
        known.report(result);
        const paths = migrationPaths(config, result.final);
        return result.final
            ? `✅ Migration ${result.statusToken} completed: ${result.final.successful.length} asset(s) migrated from ${paths.sourcePath ?? 'its source'} to ${paths.destPath ?? 'its destination'}.`
            : `✅ Migration ${result.statusToken} started (${result.status}); wait is false, so it goes on in SnapLogic.`;
    }
    finally {
        const { statusToken: token, status, final } = known.value;
        const paths = migrationPaths(config, final);
        summary.details([
            ['Control plane', controlPlaneUrl],
            ['Source', paths.sourcePath],
            ['Destination', paths.destPath],
            ['Asset types', resuming ? undefined : (assetTypes ?? ASSET_TYPES).join(', ')],
            ['Duplicate check', resuming ? undefined : String(duplicateCheck)],
            ['Status token', resuming ? `${token} (started earlier)` : token],
            ['Status', status],
            ['Elapsed', (0,shared_runtime/* formatDuration */.a3)(runtime.deadline.elapsed())],
        ]);
        const successful = final?.successful ?? [];
        const failed = final?.failed ?? [];
        if (failed.length) {
            summary.heading('Failed assets', 3).list(failureLines(failed));
            summary.fold(`All ${failed.length} failed asset(s)`, (inner) => inner.list(failed.map(describeAsset)));
        }
        if (successful.length) {
            summary.fold(`Migrated: ${successful.length} asset(s)`, (inner) => inner.table(['Name', 'Type', 'snode id'], successful.map((a) => [(0,json/* scalarText */.ws)(a.name), (0,json/* scalarText */.ws)(a.asset_type), (0,json/* scalarText */.ws)(a.snode_id)])));
        }
    }
}
/** The status token of a migration started earlier, to follow instead of starting one (a UUID in practice). */
function readStatusToken(inputs) {
    const token = inputs.string('status-token');
    if (token !== undefined && !/^[\w-]+$/.test(token)) {
        inputs.problem('status-token', "must be a migration's status token such as 17ed9720-05b2-4e22-9955-04c4534451ae", token);
        return undefined;
    }
    return token;
}
/** The step's outputs for what the migration reported; the ones it has not reported yet are left out. */
function migrationOutputs(part) {
    const { final } = part;
    return {
        'status-token': part.statusToken,
        status: part.status,
        successful: final?.successful,
        // Always JSON: the list, or whatever else SnapLogic sent as `failed`.
        failed: final && (final.failedOther === undefined ? final.failed : (0,json/* jsonText */.s$)(final.responseMap.failed)),
        result: final?.responseMap,
    };
}
/** A `/`-separated path of exactly these segments; a missing leading `/` is added. */
function readPath(inputs, name, segments, required) {
    const value = inputs.string(name, { required });
    if (value === undefined)
        return undefined;
    const parts = value.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
    const shape = `/${segments.map((s) => `{${s}}`).join('/')}`;
    if (parts.length === segments.length + 1 && name === 'dest-path' && parts.every(Boolean)) {
        inputs.problem(name, `has a fifth segment (${(0,reader/* echoInput */.CI)(parts[parts.length - 1])}): give the Service without a version, ${shape}; the migration creates the version`);
        return undefined;
    }
    if (parts.length !== segments.length || parts.some((part) => part.trim() === '')) {
        inputs.problem(name, `must be ${shape}`, value);
        return undefined;
    }
    return `/${parts.join('/')}`;
}
/** Any case accepted, sent as documented; empty means every type. */
function readAssetTypes(inputs) {
    const items = inputs.list('asset-types');
    if (!items.length)
        return undefined;
    const types = [];
    for (const item of items) {
        const type = ASSET_TYPES.find((t) => t.toLowerCase() === item.toLowerCase());
        if (type) {
            if (!types.includes(type))
                types.push(type);
        }
        else {
            inputs.problem('asset-types', `${(0,reader/* echoInput */.CI)(item)} is not an asset type; use ${ASSET_TYPES.join(', ')}`);
        }
    }
    return types;
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

/***/ 30513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ waitForJob)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _poll_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86373);
/* harmony import */ var _states_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94690);
/**
 * Waiting for one vendor job, the way every flow does it: its status checked through the one poller until its state
 * (read with the one classifier, so an unknown state warns once and waits on) is no longer running, then judged.
 */



async function waitForJob(wait) {
    const { job, states, check, stateOf, alsoRunning, onEnd, failed, ...pollOptions } = wait;
    const classify = (0,_states_js__WEBPACK_IMPORTED_MODULE_2__/* .jobStates */ .km)(job, states, pollOptions.runtime.logger);
    const status = await (0,_poll_js__WEBPACK_IMPORTED_MODULE_1__/* .poll */ .wt)(async () => {
        const current = await check();
        const kind = classify(stateOf(current));
        const also = alsoRunning?.(current);
        if (kind === 'failed' || (kind === 'done' && also === undefined))
            return { done: true, value: current };
        return { done: false, state: also === undefined ? stateOf(current) : `${stateOf(current)}, ${also}` };
    }, pollOptions);
    onEnd?.(status);
    const outcome = classify(stateOf(status)) === 'failed' ? 'failed' : 'done';
    if (outcome === 'failed' && failed) {
        const { message, ...details } = failed(status);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JobFailedError */ .dk(message, { jobId: job, state: stateOf(status), ...details });
    }
    return { status, outcome };
}


/***/ }),

/***/ 86373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lp: () => (/* binding */ nextIntervalMs),
/* harmony export */   nb: () => (/* binding */ readPollInterval),
/* harmony export */   wt: () => (/* binding */ poll)
/* harmony export */ });
/* unused harmony export MIN_INTERVAL_MS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65742);
/**
 * The one poller. The wait between checks grows with the time already waited (a tenth of it, at least
 * 0.5 s, at most `poll-interval`), so a job is noticed within max(0.5 s, 10 % of its duration) of finishing
 * while a long job costs few requests. `timeout` bounds the whole wait; cancellation stops it at once. A check that
 * follows several jobs at once (cdm-upload's queue) says itself when the next one is due.
 */


const MIN_INTERVAL_MS = 500;
/** The `poll-interval` input of every action that waits: a duration, never below MIN_INTERVAL_MS. */
function readPollInterval(inputs, fallback) {
    return inputs.duration('poll-interval', fallback, { min: MIN_INTERVAL_MS });
}
const INTERVAL_FRACTION_OF_ELAPSED = 0.1;
const PROGRESS_EVERY_MS = 30_000;
/** Time kept for the last check's answer before the deadline: 5 s, or a tenth of a short timeout. */
const LAST_CHECK_RESERVE_MS = 5_000;
const LAST_CHECK_RESERVE_FRACTION = 0.1;
/**
 * The wait before the next check, given how long the job has been waited for. A minimum below 0.5 s (a queue
 * noticing quick jobs) doubles the wait from there up to 0.5 s, so a slow job costs a few checks more, not dozens.
 */
function nextIntervalMs(elapsedMs, maxIntervalMs, minIntervalMs = MIN_INTERVAL_MS) {
    const doubling = Math.min(elapsedMs, MIN_INTERVAL_MS);
    const proportional = Math.max(minIntervalMs, doubling, elapsedMs * INTERVAL_FRACTION_OF_ELAPSED);
    return Math.max(1, Math.min(maxIntervalMs, proportional));
}
/** Calls `check` until it reports done, and returns its value. */
async function poll(check, options) {
    const { runtime, what } = options;
    const { clock, logger, deadline, signal } = runtime;
    const started = clock.now();
    const progressEvery = options.progressEveryMs ?? PROGRESS_EVERY_MS;
    let lastState;
    let lastProgressAt = started;
    const elapsed = () => (0,_runtime_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(clock.now() - started);
    const hint = () => (typeof options.resumeHint === 'function' ? options.resumeHint() : options.resumeHint);
    const stopped = (verb, detail) => `${verb} ${what} after ${elapsed()}; last state: ${lastState ?? 'unknown (no answer yet)'}` +
        (detail ? ` (${detail})` : '') +
        (hint() ? `. ${hint()}` : '');
    let askedWaitMs;
    // The deadline is absolute (every request is cut off there), so the last check happens a little before it, with
    // time left to be answered.
    const lastCheckReserve = Math.min(LAST_CHECK_RESERVE_MS, deadline.timeoutMs * LAST_CHECK_RESERVE_FRACTION);
    let lastCheckDone = false;
    for (;;) {
        const untilLastCheck = deadline.remaining() - lastCheckReserve;
        const interval = askedWaitMs ?? nextIntervalMs(clock.now() - started, options.maxIntervalMs, options.minIntervalMs);
        if (lastCheckDone || deadline.remaining() <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TimeoutError */ .MU(stopped('Timed out waiting for'));
        lastCheckDone = untilLastCheck <= interval;
        const wait = Math.max(0, Math.min(interval, untilLastCheck));
        try {
            await clock.sleep(wait, signal);
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(stopped('Cancelled while waiting for'));
            throw error;
        }
        let step;
        try {
            step = await check();
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(stopped('Cancelled while waiting for'));
            // The last check's request ran into the deadline: say what the request was doing, too.
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TimeoutError */ .MU)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TimeoutError */ .MU(stopped('Timed out waiting for', error.message));
            throw error;
        }
        if (step.done)
            return step.value;
        askedWaitMs = step.waitMs;
        const now = clock.now();
        const changed = step.state !== lastState && options.progress !== 'periodic';
        if (changed || now - lastProgressAt >= progressEvery) {
            logger.info(`${what}: ${step.state} (${elapsed()} elapsed)`);
            lastProgressAt = now;
        }
        if (step.state !== lastState)
            options.onState?.(step.state);
        lastState = step.state;
    }
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


/***/ })

};

//# sourceMappingURL=746.index.js.map