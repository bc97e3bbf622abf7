export const id = 380;
export const ids = [380];
export const modules = {

/***/ 41380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exportOutputs: () => (/* binding */ exportOutputs),
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/fs/file-name.ts
var file_name = __webpack_require__(65070);
// EXTERNAL MODULE: ./shared/fs/output-file.ts
var output_file = __webpack_require__(99434);
// EXTERNAL MODULE: ./shared/inputs/reader.ts + 1 modules
var reader = __webpack_require__(1689);
// EXTERNAL MODULE: ./shared/poll/poll.ts
var poll = __webpack_require__(86373);
// EXTERNAL MODULE: ./shared/report/artifact.ts
var report_artifact = __webpack_require__(49771);
// EXTERNAL MODULE: ./shared/report/known.ts
var report_known = __webpack_require__(1854);
// EXTERNAL MODULE: ./shared/report/outputs.ts
var report_outputs = __webpack_require__(59747);
// EXTERNAL MODULE: ./shared/report/markdown.ts
var markdown = __webpack_require__(90216);
// EXTERNAL MODULE: ./shared/frame/run.ts + 1 modules
var run = __webpack_require__(91625);
// EXTERNAL MODULE: ./shared/runtime.ts
var shared_runtime = __webpack_require__(65742);
// EXTERNAL MODULE: ./shared/http/body.ts
var body = __webpack_require__(52311);
// EXTERNAL MODULE: ./shared/poll/states.ts
var states = __webpack_require__(94690);
// EXTERNAL MODULE: ./shared/vendors/servicenow/connection.ts
var servicenow_connection = __webpack_require__(11272);
;// CONCATENATED MODULE: ./shared/vendors/servicenow/cdm-exports.ts
/**
 * CdmApplicationsApi exports: request an export, read its status, fetch its content.
 * docs/vendor-apis.md (POST /sn_cdm/applications/deployables/exports, GET .../{export_id}/status, GET .../{export_id}/content).
 */



const EXPORT_DATA_FORMATS = ['ini', 'json', 'properties', 'raw', 'xml', 'yaml'];
async function requestExport(client, connection, request) {
    const spec = {
        method: 'POST',
        path: (0,servicenow_connection/* cdmPath */.K5)(connection, 'applications/deployables/exports'),
        what: 'request the export',
        query: {
            appName: request.appName,
            deployableName: request.deployableName,
            exporterName: request.exporterName,
            dataFormat: request.dataFormat,
            snapshotName: request.snapshotName,
            additionalDeployables: request.additionalDeployables?.length
                ? JSON.stringify(request.additionalDeployables)
                : undefined,
            args: request.args ? JSON.stringify(request.args) : undefined,
            restrictExport: String(request.restrictExport),
        },
    };
    const result = client.objectIn(await client.json(spec), spec, 'result');
    if (typeof result.export_id !== 'string' || !result.export_id) {
        throw client.unexpectedAnswer(spec, 'result.export_id is missing');
    }
    return result.export_id;
}
async function getExportStatus(client, connection, exportId) {
    const spec = {
        method: 'GET',
        path: (0,servicenow_connection/* cdmPath */.K5)(connection, `applications/deployables/exports/${encodeURIComponent(exportId)}/status`),
        what: 'read the export status',
    };
    const result = client.objectIn(await client.json(spec), spec, 'result');
    if (typeof result.state !== 'string')
        throw client.unexpectedAnswer(spec, 'result.state is missing');
    const exporter = (0,body/* isRecord */.u4)(result.exporter_result) ? result.exporter_result : undefined;
    return {
        state: result.state,
        errors: (0,servicenow_connection/* messages */.DZ)(result.errors),
        exporterResult: exporter && {
            state: typeof exporter.state === 'string' ? exporter.state : undefined,
            executionId: typeof exporter.execution_id === 'string' ? exporter.execution_id : undefined,
            errors: (0,servicenow_connection/* messages */.DZ)(exporter.errors),
        },
    };
}
/** The most of an export's content that is read: far above real exports, far below what memory allows. */
const EXPORT_CONTENT_MAX_BYTES = 256 * 2 ** 20;
async function getExportContent(client, connection, exportId) {
    const spec = {
        method: 'GET',
        path: (0,servicenow_connection/* cdmPath */.K5)(connection, `applications/deployables/exports/${encodeURIComponent(exportId)}/content`),
        what: 'fetch the export content',
        // The content is the whole exported configuration (tens of MB are common), unlike every other answer.
        maxAnswerBytes: EXPORT_CONTENT_MAX_BYTES,
    };
    const result = client.objectIn(await client.json(spec), spec, 'result');
    const state = typeof result.state === 'string' ? result.state : undefined;
    const exporterResult = result.exporter_result ?? undefined;
    if ((state === undefined || !(0,states/* namesFailure */.nK)(state)) && exporterResult === undefined)
        throw client.unexpectedAnswer(spec, 'result.exporter_result is missing');
    return { state, errors: (0,servicenow_connection/* messages */.DZ)(result.errors), exporterResult };
}

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/fs/atomic.ts + 1 modules
var atomic = __webpack_require__(50829);
// EXTERNAL MODULE: ./shared/json.ts
var json = __webpack_require__(58550);
// EXTERNAL MODULE: ./shared/poll/job.ts
var job = __webpack_require__(30513);
// EXTERNAL MODULE: ./shared/report/redacted-file.ts
var redacted_file = __webpack_require__(93764);
// EXTERNAL MODULE: ./shared/vendors/servicenow/states.ts
var servicenow_states = __webpack_require__(10526);
;// CONCATENATED MODULE: ./actions/cdm-export/src/export.ts
/**
 * The cdm-export flow: request the export (or take an existing one), wait for it, fetch the content, write it
 * atomically, and optionally keep it as an artifact. It never touches @actions/core: it reports what it learns
 * through `report` and returns the result.
 */









/** Larger content is written to the file only: step outputs are not meant for megabytes. */
const CONTENT_OUTPUT_LIMIT_BYTES = 1024 * 1024;
async function runExport(config, deps) {
    const { client, runtime, report } = deps;
    const { connection } = config;
    const { logger } = runtime;
    let exportId = config.exportId;
    if (exportId) {
        logger.info(`Waiting for the existing export ${exportId}.`);
    }
    else {
        exportId = await requestExport(client, connection, config.request);
        logger.info(`Export ${exportId} requested for ${config.request.appName} / ${config.request.deployableName}.`);
    }
    report({ exportId });
    const id = exportId;
    const { status } = await (0,job/* waitForJob */.q)({
        job: `Export ${id}`,
        states: servicenow_states/* CDM_REQUEST_STATES */.uD,
        check: () => getExportStatus(client, connection, id),
        stateOf: (current) => current.state,
        // A finished request whose exporter says it is still going is waited for too.
        alsoRunning: ({ exporterResult }) => exporterResult?.state !== undefined && (0,states/* classifyState */.ai)(exporterResult.state, servicenow_states/* EXPORTER_STATES */.b2) === 'running'
            ? `exporter ${exporterResult.state}`
            : undefined,
        failed: (failed) => {
            report({ state: failed.state });
            return {
                message: `Export ${id} failed`,
                errors: failed.errors.length
                    ? failed.errors
                    : [`ServiceNow reported the export as '${failed.state}' without a reason`],
            };
        },
        what: `export ${id}`,
        runtime,
        maxIntervalMs: config.pollIntervalMs,
        onState: (state) => report({ state }),
        resumeHint: `The export may still finish: run again with export-id: ${id} to fetch it`,
    });
    const exporterState = status.exporterResult?.state;
    const exporterKind = exporterState === undefined ? 'done' : (0,states/* classifyState */.ai)(exporterState, servicenow_states/* EXPORTER_STATES */.b2);
    if (exporterKind === 'failed' || status.errors.length) {
        report({ state: 'failure' });
        const what = exporterKind === 'failed'
            ? `the exporter '${config.request.exporterName}' failed`
            : 'ServiceNow reported errors with it';
        throw new errors/* JobFailedError */.dk(`Export ${id} completed but ${what}`, {
            jobId: `Export ${id}`,
            state: exporterState ? `exporter ${exporterState}` : 'completed with errors',
            errors: [...status.errors, ...(status.exporterResult?.errors ?? [])],
            hint: 'Fix the snapshot or exporter named above in DevOps Config, then run again',
        });
    }
    if (exporterKind === 'unknown') {
        logger.warning(`The exporter of export ${id} reports the state '${exporterState}', which this action does not know; the content answer decides whether the export can be used.`, 'Unknown exporter state');
    }
    report({ state: 'completed' });
    const content = await getExportContent(client, connection, id);
    const contentFailed = content.state !== undefined && (0,states/* classifyState */.ai)(content.state, servicenow_states/* CDM_REQUEST_STATES */.uD) === 'failed';
    if (contentFailed || content.errors.length) {
        report({ state: 'error' });
        throw new errors/* JobFailedError */.dk(`The content of export ${id} could not be fetched`, {
            jobId: `Export ${id}`,
            state: content.state ?? 'error',
            errors: content.errors.length
                ? content.errors
                : ['ServiceNow answered the content request with an error state and no reason'],
        });
    }
    const rendered = renderContent(content.exporterResult);
    if (rendered.compact) {
        logger.notice(`The exported JSON is nested ${rendered.depth} levels deep, too deep to indent: it is written without indentation.`, 'Export written compactly');
    }
    // The file, the content output and the artifact carry the same text, redacted like every other surface: a
    // configuration that holds the password this run logs in with would otherwise publish it.
    const also = config.artifact ? 'the content output and the artifact' : 'the content output';
    const text = (0,redacted_file/* redactFileText */.F)(rendered.text, external_node_path_.resolve(config.outputFile), logger, { alsoIn: also });
    const file = await (0,atomic/* writeFileAtomic */.Zf)(config.outputFile, text);
    const fitsOutput = file.bytes <= CONTENT_OUTPUT_LIMIT_BYTES;
    report({ file, content: fitsOutput ? text : '' });
    if (!fitsOutput) {
        logger.notice(`The export is ${file.bytes} bytes, over the 1 MiB limit for the content output: read it from ${file.path} (the file output).`, 'Content output left empty');
    }
    logger.info(`Wrote ${file.bytes} bytes to ${file.path} (sha256 ${file.sha256}).`);
    let artifactId;
    if (config.artifact) {
        const uploaded = await deps.uploadArtifact({ ...config.artifact, files: [file.path] });
        artifactId = uploaded?.id;
        report({ artifactId });
    }
    return { exportId: id, state: 'completed', file, content: fitsOutput ? text : '', artifactId };
}
/**
 * A JSON object becomes pretty JSON with a trailing newline (compact JSON when nested too deep to indent); a string
 * is kept byte for byte.
 */
function renderContent(exporterResult) {
    if (typeof exporterResult === 'string')
        return { text: exporterResult, compact: false, depth: 0 };
    const document = (0,json/* jsonDocument */.Q8)(exporterResult);
    return { ...document, text: `${document.text}\n` };
}

;// CONCATENATED MODULE: ./actions/cdm-export/src/main.ts
/** cdm-export: inputs → export flow → outputs and job summary. */














const EXTENSIONS = {
    ini: 'ini',
    json: 'json',
    properties: 'properties',
    raw: 'txt',
    xml: 'xml',
    yaml: 'yaml',
};
function main_run(options = {}) {
    return (0,run/* runAction */.C)({ title: 'ServiceNow CDM export', ...options }, main);
}
async function main(context) {
    const { inputs, outputs, summary } = context;
    const required = {
        connection: (0,servicenow_connection/* readServiceNowConnection */.YJ)(inputs),
        appName: inputs.string('app-name', { required: true }),
        deployableName: inputs.string('deployable-name', { required: true }),
        exporterName: inputs.string('exporter-name', { required: true }),
        dataFormat: inputs.choice('data-format', EXPORT_DATA_FORMATS, { default: 'json' }),
    };
    const snapshotName = inputs.string('snapshot-name');
    const additionalDeployables = readAdditionalDeployables(inputs);
    const args = inputs.json('exporter-args', 'object');
    const restrictExport = inputs.boolean('restrict-export', false);
    const outputFile = inputs.string('output-file');
    const artifact = (0,report_artifact/* readArtifactInputs */.W)(inputs);
    const exportId = inputs.string('export-id');
    if (exportId !== undefined && !/^[A-Za-z0-9_-]+$/.test(exportId)) {
        inputs.problem('export-id', 'must be an export id such as 64b5f79f5379301096edddeeff7b12eb', exportId);
    }
    const timeoutMs = inputs.duration('timeout', '30m');
    const pollIntervalMs = (0,poll/* readPollInterval */.nb)(inputs, '10s');
    // The deployable name is the user's text: as a file name it must stay inside cdm-export/.
    const defaultOutputFile = external_node_path_.join('cdm-export', (0,file_name/* safeFileName */.Tx)(required.deployableName ?? '', 'export', `.${EXTENSIONS[required.dataFormat ?? 'json']}`));
    const outputProblem = (0,output_file/* outputFileProblem */.HR)(outputFile ?? defaultOutputFile);
    if (outputProblem) {
        const target = `${external_node_path_.resolve(outputFile ?? defaultOutputFile)}${outputFile ? '' : ' (the default)'}`;
        inputs.problem('output-file', `cannot be written to ${target}: ${outputProblem}`);
    }
    const { connection, appName, deployableName, exporterName, dataFormat } = inputs.finish(required);
    const config = {
        connection,
        request: {
            appName,
            deployableName,
            exporterName,
            dataFormat,
            snapshotName,
            additionalDeployables,
            args,
            restrictExport,
        },
        exportId,
        outputFile: external_node_path_.resolve(outputFile ?? defaultOutputFile),
        artifact,
        pollIntervalMs,
    };
    const runtime = context.runtime(timeoutMs);
    const known = new report_known/* Known */.I((part) => (0,report_outputs/* setOutputs */.n0)(outputs, exportOutputs(part)));
    try {
        const result = await runExport(config, {
            client: (0,servicenow_connection/* serviceNowClient */.z0)(connection, runtime),
            runtime,
            report: known.report,
            uploadArtifact: context.uploadArtifact,
        });
        known.report(result);
        return `✅ Exported ${deployableName} of ${appName} (export ${result.exportId}) to ${result.file.path}, ${result.file.bytes} bytes.`;
    }
    finally {
        const done = known.value;
        summary.details([
            ['Instance', connection.instanceUrl],
            ['Application', appName],
            ['Deployable', deployableName],
            ['Additional deployables', additionalDeployables?.map((d) => `${d.app_name}/${d.deployable_name}`).join(', ')],
            ['Exporter', exporterName],
            ['Format', dataFormat],
            ['Snapshot', snapshotName ?? 'latest published'],
            ['Export id', done.exportId],
            ['State', done.state],
            ['File', done.file && (0,file_name/* summaryFileName */._P)(done.file.path)],
            ['Bytes', done.file?.bytes],
            ['sha256', done.file && (0,markdown/* code */.aY)(done.file.sha256)],
            [
                'Artifact',
                artifact &&
                    (done.artifactId !== undefined
                        ? `${artifact.name} (id ${done.artifactId})`
                        : `${artifact.name} (not uploaded)`),
            ],
            ['Elapsed', (0,shared_runtime/* formatDuration */.a3)(runtime.deadline.elapsed())],
        ]);
    }
}
/** The step's outputs for what the export reported; the ones it has not reported yet are left out. */
function exportOutputs(part) {
    return {
        'export-id': part.exportId,
        state: part.state,
        file: part.file?.path,
        bytes: part.file?.bytes,
        sha256: part.file?.sha256,
        content: part.content,
        'artifact-id': part.artifactId,
    };
}
/** Newline- or comma-separated `app-name/deployable-name` items, or a JSON array of {app_name, deployable_name}. */
function readAdditionalDeployables(inputs) {
    const name = 'additional-deployables';
    if (!inputs.has(name))
        return undefined;
    const expected = 'lines of app-name/deployable-name, or a JSON array of {"app_name", "deployable_name"}';
    const raw = inputs.string(name) ?? '';
    if (raw.startsWith('[')) {
        const parsed = inputs.json(name, 'array');
        if (!parsed)
            return undefined;
        const valid = parsed.every((item) => typeof item === 'object' &&
            item !== null &&
            typeof item.app_name === 'string' &&
            typeof item.deployable_name === 'string' &&
            item.app_name !== '' &&
            item.deployable_name !== '');
        if (!valid)
            inputs.problem(name, `must be ${expected}`);
        return valid
            ? parsed.map(({ app_name, deployable_name }) => ({ app_name, deployable_name }))
            : undefined;
    }
    const result = [];
    for (const item of inputs.list(name)) {
        const slash = item.lastIndexOf('/');
        if (slash <= 0 || slash === item.length - 1) {
            inputs.problem(name, `${(0,reader/* echoInput */.CI)(item)} is not app-name/deployable-name; expected ${expected}`);
            continue;
        }
        result.push({ app_name: item.slice(0, slash).trim(), deployable_name: item.slice(slash + 1).trim() });
    }
    return result;
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


/***/ }),

/***/ 10526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yq: () => (/* binding */ CHANGESET_STATES),
/* harmony export */   b2: () => (/* binding */ EXPORTER_STATES),
/* harmony export */   uD: () => (/* binding */ CDM_REQUEST_STATES)
/* harmony export */ });
/** Uploads and exports are rows of the CDM Request Queue; its state column takes these values. */
const CDM_REQUEST_STATES = {
    running: ['new', 'ready', 'in_progress'],
    done: ['completed'],
    failed: ['error'],
};
/**
 * A changeset after an upload that commits it: `committed` is the only good end; `open` means the commit did not
 * happen; the transitional states are waited out.
 */
const CHANGESET_STATES = {
    running: ['checking_for_conflict', 'commit_in_progress'],
    done: ['committed'],
    failed: ['commit_failed', 'blocked', 'open'],
};
/** What an exporter reports in `exporter_result.state` when it ran to its end. */
const EXPORTER_STATES = {
    running: ['new', 'ready', 'in_progress', 'running'],
    done: ['completed', 'complete', 'success', 'successful', 'succeeded'],
    failed: ['failure', 'error'],
};


/***/ })

};

//# sourceMappingURL=380.index.js.map