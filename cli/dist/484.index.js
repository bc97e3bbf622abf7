export const id = 484;
export const ids = [484];
export const modules = {

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

/***/ 8838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ uriPath)
/* harmony export */ });
/**
 * A relative file path as a URI path: each segment percent-encoded, so `#`, `?`, spaces and brackets in a file name
 * stay part of the name in a SARIF artifact URI or a link, instead of starting a fragment or a query or ending the
 * markdown link. `/` separates segments as it does in the path.
 */
function uriPath(file) {
    return file
        .split('/')
        .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
}


/***/ }),

/***/ 90789:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ Pacer),
/* harmony export */   w: () => (/* binding */ throwIfPastDeadline)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65742);
/**
 * Long work that does not wait on I/O (mapping findings to file lines, parsing a large file) holds the event loop:
 * no timer fires and no signal handler runs until it ends, so neither `timeout` nor the runner's cancel could stop
 * it. A Pacer is called between small units of such work: it stops the work with a CancelledError or TimeoutError
 * once the run is cancelled or past its deadline, and every few milliseconds it lets the event loop turn so that
 * both can be noticed.
 */


/** How long work runs before the event loop gets a turn. */
const SLICE_MS = 5;
class Pacer {
    runtime;
    doing;
    hint;
    sliceStartedAt = performance.now();
    /** `doing` completes "Cancelled while …" and "Timed out after 5s while …". */
    constructor(runtime, doing, hint) {
        this.runtime = runtime;
        this.doing = doing;
        this.hint = hint;
    }
    /** Call between two units of work. */
    async step() {
        if (performance.now() - this.sliceStartedAt >= SLICE_MS) {
            await new Promise((resolve) => setImmediate(resolve));
            this.sliceStartedAt = performance.now();
        }
        this.check();
    }
    /** Throws when the run was cancelled or is past its deadline. */
    check() {
        if (this.runtime.signal.aborted)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc(`Cancelled while ${this.doing}`);
        throwIfPastDeadline(this.runtime.deadline, this.doing, this.hint);
    }
}
/** Local file work (finding, checking, reading files) counts against `timeout` like every request does. */
function throwIfPastDeadline(deadline, doing, hint = 'raise timeout, or give fewer files') {
    if (deadline.remaining() <= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .TimeoutError */ .MU(`Timed out after ${(0,_runtime_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(deadline.elapsed())} while ${doing}: ${hint}`);
    }
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

/***/ 8583:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ runValidationGate),
  D: () => (/* binding */ snapshotSummary)
});

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/report/redacted-file.ts
var redacted_file = __webpack_require__(93764);
// EXTERNAL MODULE: ./shared/http/body.ts
var http_body = __webpack_require__(52311);
;// CONCATENATED MODULE: ./shared/vendors/servicenow/table.ts
/**
 * ServiceNow Table API reads (`/api/now/table/{table}`), as the CDM snapshot and validation records are only
 * reachable through it. Booleans and numbers come back as strings; references as `{value, link}` or, with
 * `sysparm_exclude_reference_link=true`, as the bare sys_id. An unknown field in `sysparm_query` is silently
 * dropped by the server, so callers check the rows they get against what they asked for.
 */

async function queryTable(client, request) {
    const spec = {
        method: 'GET',
        path: `/api/now/table/${request.table}`,
        query: {
            sysparm_query: request.query,
            sysparm_fields: request.fields.join(','),
            sysparm_limit: String(request.limit),
            sysparm_offset: request.offset ? String(request.offset) : undefined,
            sysparm_exclude_reference_link: 'true',
        },
        what: request.what,
    };
    const body = await client.json(spec);
    if (!(0,http_body/* isRecord */.u4)(body) || !Array.isArray(body.result))
        throw client.unexpectedAnswer(spec, 'the answer has no result array');
    const rows = body.result.map((row) => {
        if (!(0,http_body/* isRecord */.u4)(row))
            throw client.unexpectedAnswer(spec, 'a result row is not an object');
        return row;
    });
    return { rows, spec };
}
async function readTableRecord(client, table, sysId, fields, what) {
    const spec = {
        method: 'GET',
        path: `/api/now/table/${table}/${encodeURIComponent(sysId)}`,
        query: { sysparm_fields: fields.join(','), sysparm_exclude_reference_link: 'true' },
        what,
    };
    const body = await client.json(spec);
    return { row: client.objectIn(body, spec, 'result'), spec };
}
/** A reference field's sys_id, whether it came flat or as `{value, link}`; '' when empty. */
function referenceValue(value) {
    if (typeof value === 'string')
        return value;
    if ((0,http_body/* isRecord */.u4)(value) && typeof value.value === 'string')
        return value.value;
    return '';
}
/** A field the Table API sends as text; undefined when absent or not text. */
function textField(row, name) {
    const value = row[name];
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
/** A value inside an encoded query: `^` is the separator, and ServiceNow reads `^^` as a literal one. */
function queryValue(value) {
    return value.replace(/\^/g, '^^');
}

;// CONCATENATED MODULE: ./shared/vendors/servicenow/cdm-policy-results.ts
/**
 * Per-policy validation results of a snapshot (Table API sn_cdm_policy_validation_result): one row per failure,
 * warning or information message a policy wrote, latest run only, paged.
 */


const PAGE_SIZE = 500;
/** Enough for any real policy set; the bound keeps memory and the result file in check. */
const MAX_RESULT_ROWS = 10_000;
const FIELDS = [
    'sys_id',
    'policy.name',
    'type',
    'description',
    'node_path_ui',
    'node_path',
    'impacted_node.name',
    'policy_execution.output',
    'snapshot',
];
async function getPolicyResults(client, snapshotSysId) {
    const rows = [];
    for (let offset = 0;; offset += PAGE_SIZE) {
        const page = await queryTable(client, {
            table: 'sn_cdm_policy_validation_result',
            query: `snapshot=${snapshotSysId}^is_latest=true^ORDERBYpolicy.name`,
            fields: FIELDS,
            limit: PAGE_SIZE,
            offset,
            what: 'read the policy validation results',
        });
        for (const row of page.rows) {
            const snapshot = row.snapshot;
            const owner = typeof snapshot === 'string' ? snapshot : (0,http_body/* isRecord */.u4)(snapshot) ? snapshot.value : undefined;
            if (owner !== snapshotSysId) {
                throw client.unexpectedAnswer(page.spec, `a result row belongs to snapshot ${String(owner)}, not ${snapshotSysId}`);
            }
            const policy = textField(row, 'policy.name');
            if (!policy)
                throw client.unexpectedAnswer(page.spec, 'a result row has no policy.name');
            rows.push({
                sysId: textField(row, 'sys_id') ?? '',
                policy,
                type: (textField(row, 'type') ?? '').trim().toLowerCase(),
                description: textField(row, 'description') ?? '',
                nodePathUi: textField(row, 'node_path_ui') ?? '',
                nodePath: textField(row, 'node_path') ?? '',
                impactedNode: textField(row, 'impacted_node.name') ?? '',
                ...readDecision(textField(row, 'policy_execution.output')),
            });
        }
        if (page.rows.length < PAGE_SIZE)
            return { rows, truncated: false };
        if (rows.length >= MAX_RESULT_ROWS)
            return { rows, truncated: true };
    }
}
/** `policy_execution.output` is JSON inside a string; it is often empty when the policy did not finish. */
function readDecision(output) {
    if (output === undefined || output.trim() === '')
        return {};
    const parsed = (0,http_body/* tryParseJson */.Bl)(output);
    if (!(0,http_body/* isRecord */.u4)(parsed))
        return { outputProblem: 'the policy execution output is not a JSON object' };
    if (parsed.decision === undefined)
        return {};
    if (typeof parsed.decision !== 'string')
        return { outputProblem: 'the policy decision is not text' };
    return { decision: parsed.decision.trim().toLowerCase() };
}

// EXTERNAL MODULE: ./shared/html.ts
var html = __webpack_require__(81205);
// EXTERNAL MODULE: ./shared/vendors/servicenow/connection.ts
var servicenow_connection = __webpack_require__(11272);
;// CONCATENATED MODULE: ./shared/vendors/servicenow/cdm-snapshots.ts
/**
 * CDM snapshots after a commit: the snapshot records and the validate and publish calls (CdmSnapshotApi, and the
 * Table API for sn_cdm_snapshot); changesets and deployables are in cdm-changesets.ts.
 * Every row read is checked against the sys_ids asked for, because the Table API drops an unknown query field
 * silently and would then answer unrelated rows.
 */





/** Every `validation` value ServiceNow documents for a snapshot. */
const VALIDATION_STATES = [
    'not_validated',
    'requested',
    'in_progress',
    'passed',
    'passed_with_exception',
    'failed',
    'execution_error',
];
const PENDING_VALIDATION_STATES = new Set(['requested', 'in_progress']);
const FINAL_VALIDATION_STATES = new Set([
    'passed',
    'passed_with_exception',
    'failed',
    'execution_error',
]);
function isValidationState(value) {
    return VALIDATION_STATES.includes(value);
}
const SNAPSHOT_FIELDS = [
    'sys_id',
    'number',
    'name',
    'validation',
    'published',
    'last_validated',
    'sys_created_on',
    'changeset_id',
    'changeset_id.number',
    'cdm_deployable_id',
    'cdm_application_id',
    'cdm_application_id.name',
];
/** The snapshot this changeset created for the deployable, if any. */
function findChangesetSnapshot(client, changesetSysId, owner) {
    return findSnapshot(client, `changeset_id=${changesetSysId}^cdm_deployable_id=${owner.deployableSysId}^ORDERBYDESCsys_created_on`, { ...owner, changesetSysId }, 'find the snapshot the changeset created');
}
/** The deployable's most recently created snapshot, whatever changeset made it. */
function findLatestSnapshot(client, owner) {
    return findSnapshot(client, `cdm_deployable_id=${owner.deployableSysId}^ORDERBYDESCsys_created_on`, owner, 'find the latest snapshot');
}
/** The deployable's snapshot with this name. */
function findNamedSnapshot(client, owner, name) {
    return findSnapshot(client, `cdm_deployable_id=${owner.deployableSysId}^name=${queryValue(name)}^ORDERBYDESCsys_created_on`, { ...owner, name }, `find the snapshot '${name}'`);
}
/**
 * The first row of a snapshot query, checked against what was asked: its application first (a snapshot of another
 * application is never gated, and the error names whose it is), then its deployable, changeset and name.
 */
async function findSnapshot(client, query, expected, what) {
    const { rows, spec } = await queryTable(client, {
        table: 'sn_cdm_snapshot',
        query,
        fields: SNAPSHOT_FIELDS,
        limit: 1,
        what,
    });
    if (!rows.length)
        return undefined;
    const snapshot = parseSnapshot(rows[0], client, spec);
    const otherApp = (snapshot.appSysId !== '' && expected.appSysId !== '' && snapshot.appSysId !== expected.appSysId) ||
        (snapshot.appName !== '' && snapshot.appName.toLowerCase() !== expected.appName.toLowerCase());
    const wrong = otherApp
        ? `application ${snapshot.appName || snapshot.appSysId}, not ${expected.appName}`
        : snapshot.deployableSysId !== expected.deployableSysId
            ? `deployable ${snapshot.deployableSysId || '(none)'} instead of ${expected.deployableSysId}`
            : expected.changesetSysId !== undefined && snapshot.changesetSysId !== expected.changesetSysId
                ? `changeset ${snapshot.changesetSysId || '(none)'} instead of ${expected.changesetSysId}`
                : expected.name !== undefined && snapshot.name !== expected.name
                    ? `name '${snapshot.name}' instead of '${expected.name}'`
                    : undefined;
    if (wrong)
        throw client.unexpectedAnswer(spec, `snapshot ${snapshot.name} belongs to ${wrong}`);
    return snapshot;
}
function parseSnapshot(row, client, spec) {
    const sysId = textField(row, 'sys_id');
    const name = textField(row, 'name');
    if (!sysId || !name)
        throw client.unexpectedAnswer(spec, `a snapshot has no ${sysId ? 'name' : 'sys_id'}`);
    const state = parseValidation(row, client, spec);
    return {
        sysId,
        name,
        number: textField(row, 'number') ?? '',
        ...state,
        changesetSysId: referenceValue(row.changeset_id),
        changesetNumber: textField(row, 'changeset_id.number') ?? '',
        deployableSysId: referenceValue(row.cdm_deployable_id),
        appSysId: referenceValue(row.cdm_application_id),
        appName: textField(row, 'cdm_application_id.name') ?? '',
        createdOn: textField(row, 'sys_created_on') ?? '',
    };
}
function parseValidation(row, client, spec) {
    const validation = textField(row, 'validation');
    if (!validation)
        throw client.unexpectedAnswer(spec, 'the snapshot has no validation state');
    const published = textField(row, 'published')?.toLowerCase();
    if (published !== 'true' && published !== 'false') {
        throw client.unexpectedAnswer(spec, `the snapshot's published flag is '${published ?? 'missing'}', not true or false`);
    }
    return {
        validation: validation.toLowerCase(),
        published: published === 'true',
        lastValidated: textField(row, 'last_validated') ?? '',
    };
}
/** The snapshot's current validation state. */
async function getSnapshotValidation(client, sysId) {
    const { row, spec } = await readTableRecord(client, 'sn_cdm_snapshot', sysId, ['validation', 'last_validated', 'published'], 'read the snapshot validation state');
    return parseValidation(row, client, spec);
}
/** Starts a validation; it runs asynchronously, so success only means it started. The body is not read. */
function validateSnapshot(client, connection, sysId) {
    return snapshotAction(client, connection, sysId, 'validate', 'start the snapshot validation');
}
/** Publishes the snapshot. The body is not read: the documented success body is not JSON. */
function publishSnapshot(client, connection, sysId) {
    return snapshotAction(client, connection, sysId, 'publish', 'publish the snapshot');
}
/**
 * POST validate/publish: any 2xx is success and its body may be empty or not JSON at all, but an HTML page (a
 * login or proxy page) or a ServiceNow error object inside the 2xx answer is a failure.
 */
async function snapshotAction(client, connection, sysId, action, what) {
    const spec = {
        method: 'POST',
        path: (0,servicenow_connection/* cdmPath */.K5)(connection, `snapshots/${encodeURIComponent(sysId)}/${action}`),
        what,
    };
    const response = await client.send(spec);
    const fail = (vendorMessage) => new errors/* ApiError */.hD({ method: 'POST', url: client.displayUrl(spec), status: response.status, vendorMessage });
    if ((0,html/* isHtml */._6)(response.headers['content-type'], response.text))
        throw fail((0,html/* describeHtml */.rP)(response.text));
    const body = (0,http_body/* tryParseJson */.Bl)(response.text);
    if ((0,http_body/* isRecord */.u4)(body) && (body.status === 'failure' || (0,http_body/* isRecord */.u4)(body.error))) {
        throw fail((0,servicenow_connection/* readServiceNowMessage */.x3)(body) ?? 'ServiceNow answered with status: failure and no message');
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/pacer.ts
var pacer = __webpack_require__(90789);
;// CONCATENATED MODULE: ./shared/validation/lines.ts
/** How deep a key path is followed; the node path's own bound (locate.ts) is the stricter one in practice. */
const MAX_DEPTH = 64;
/** Lexical tokens parsed between two pacer steps. */
const TOKENS_PER_STEP = 2000;
/** The parsed file, and the lines already looked up in it. */
class KeyLines {
    yaml;
    document;
    lineCounter;
    cache = new Map();
    constructor(yaml, document, lineCounter) {
        this.yaml = yaml;
        this.document = document;
        this.lineCounter = lineCounter;
    }
    /** The file's key lines; undefined for a file that is not YAML or JSON, or does not parse (every line is 1). */
    static async parse(text, fileName, pacer) {
        if (!/\.(ya?ml|json)$/i.test(fileName))
            return undefined;
        const yaml = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
        const lineCounter = new yaml.LineCounter();
        const parser = new yaml.Parser(lineCounter.addNewLine);
        const composer = new yaml.Composer({ keepSourceTokens: false, uniqueKeys: false });
        const documents = [];
        lineCounter.addNewLine(0);
        let tokens = 0;
        for (const lexeme of new yaml.Lexer().lex(text)) {
            for (const token of parser.next(lexeme))
                documents.push(...composer.next(token));
            if (++tokens % TOKENS_PER_STEP === 0)
                await pacer.step();
        }
        for (const token of parser.end())
            documents.push(...composer.next(token));
        documents.push(...composer.end(true, text.length));
        const [document] = documents;
        if (documents.length !== 1 || document.errors.length)
            return undefined;
        return new KeyLines(yaml, document, lineCounter);
    }
    async lineOf(keyPath, pacer) {
        const key = keyPath.join('\u0000');
        let line = this.cache.get(key);
        if (line === undefined) {
            line = await this.walk(expandIndexes(keyPath).slice(0, MAX_DEPTH), pacer);
            this.cache.set(key, line);
        }
        return line;
    }
    async walk(segments, pacer) {
        let node = this.document.contents;
        let line = 1;
        for (const segment of segments) {
            await pacer.step();
            const next = this.child(node, segment);
            if (!next)
                break;
            node = next.node;
            if (next.offset !== undefined)
                line = this.lineCounter.linePos(next.offset).line;
        }
        return line;
    }
    child(parent, segment) {
        const { isMap, isScalar, isSeq } = this.yaml;
        if (isMap(parent)) {
            const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === segment) ??
                parent.items.find((p) => isScalar(p.key) && String(p.key.value).toLowerCase() === segment.toLowerCase());
            if (!pair)
                return undefined;
            return { node: pair.value, offset: pair.key.range?.[0] };
        }
        if (isSeq(parent)) {
            const index = isDigits(segment, 0, segment.length) ? Number(segment) : -1;
            const item = index >= 0
                ? parent.items[index]
                : parent.items.find((candidate) => (isScalar(candidate) && String(candidate.value) === segment) ||
                    (isMap(candidate) &&
                        candidate.items.some((p) => isScalar(p.value) && String(p.value.value) === segment)));
            if (!item)
                return undefined;
            return { node: item, offset: item.range?.[0] };
        }
        return undefined;
    }
}
/**
 * `servers[0]` → `servers`, `0`; `[1][2]` → `1`, `2`. One pass from each segment's end, no regular expression:
 * vendor text of any shape takes time linear in its length.
 */
function expandIndexes(keyPath) {
    const out = [];
    for (const segment of keyPath) {
        const indexes = [];
        let end = segment.length;
        // Each round takes one `[digits]` off the end.
        while (end > 0 && segment[end - 1] === ']') {
            let start = end - 1;
            while (start > 0 && isDigits(segment, start - 1, start))
                start--;
            if (start === end - 1 || start === 0 || segment[start - 1] !== '[')
                break;
            indexes.push(segment.slice(start, end - 1));
            end = start - 1;
        }
        if (end > 0)
            out.push(end === segment.length ? segment : segment.slice(0, end));
        out.push(...indexes.reverse());
    }
    return out;
}
function isDigits(text, from, to) {
    if (from >= to)
        return false;
    for (let i = from; i < to; i++) {
        const code = text.charCodeAt(i);
        if (code < 48 || code > 57)
            return false;
    }
    return true;
}

// EXTERNAL MODULE: ./shared/validation/locate.ts
var locate = __webpack_require__(93548);
;// CONCATENATED MODULE: ./shared/validation/findings.ts
/**
 * Policy result rows → findings: the severity of each row, and the file and line its node path points at.
 */





const KNOWN_DECISIONS = new Set(['compliant', 'non_compliant', 'compliant_with_exception']);
/** Files larger than this are not parsed for lines (the finding points at line 1). */
const MAX_PARSED_FILE_BYTES = 5 * 1024 * 1024;
/**
 * A row excepted by an approved exception (decision compliant_with_exception) is an exception even though its
 * type is still `failure`. Any other failure row is a failure, whatever the snapshot's state: a decision that is
 * missing or unreadable does not prove an exception. An unknown type counts as a failure (and is logged), never as
 * nothing.
 */
function severityOf(row, logger) {
    if (row.decision === 'compliant_with_exception')
        return 'exception';
    switch (row.type) {
        case 'failure':
            return 'failure';
        case 'warning':
            return 'warning';
        case '':
        case 'information':
            return 'information';
        default:
            logger.warning(`Policy ${row.policy} wrote a result of type '${row.type}', which this action does not know; it is counted as a failure.`, 'Unknown result type');
            return 'failure';
    }
}
function describe(row) {
    const notes = [
        row.decision && !KNOWN_DECISIONS.has(row.decision) ? `decision: ${row.decision}` : undefined,
        row.outputProblem,
    ].filter(Boolean);
    const text = row.description.trim() || `${row.policy} reported this node`;
    return notes.length ? `${text} (${notes.join('; ')})` : text;
}
/**
 * Maps findings to the uploaded files and their lines: each file is read and parsed once, only from inside the
 * workspace. The work is paced (see Pacer): `timeout` and the runner's cancel stop it wherever it is.
 */
class FileLines {
    workspace;
    runtime;
    files = new Map();
    pacer;
    constructor(workspace, runtime) {
        this.workspace = workspace;
        this.runtime = runtime;
        this.pacer = new pacer/* Pacer */._(runtime, 'mapping findings to file lines', 'raise timeout, or give fewer uploaded files');
    }
    async line(file, keyPath) {
        let keyLines = this.files.get(file);
        if (!keyLines) {
            keyLines = this.read(file);
            this.files.set(file, keyLines);
        }
        return (await (await keyLines)?.lineOf(keyPath, this.pacer)) ?? 1;
    }
    async read(file) {
        let text;
        try {
            const real = await (0,promises_.realpath)(external_node_path_.resolve(this.workspace, file));
            const root = await (0,promises_.realpath)(this.workspace);
            if (real !== root && !real.startsWith(`${root}${external_node_path_.sep}`))
                return undefined;
            if ((await (0,promises_.stat)(real)).size > MAX_PARSED_FILE_BYTES)
                return undefined;
            text = await (0,promises_.readFile)(real, 'utf8');
        }
        catch (error) {
            this.runtime.logger.debug(`Could not read ${file} to find finding lines: ${String(error)}`);
            return undefined;
        }
        return KeyLines.parse(text, file, this.pacer);
    }
}
async function toFindings(snapshot, rows, uploadedFiles, lines, workspace, logger) {
    const findings = [];
    const locator = new locate/* NodeLocator */.dc(uploadedFiles);
    const mapped = uploadedFiles.length ? rows.filter((row) => row.nodePathUi).length : 0;
    if (mapped)
        logger.info(`Mapping ${mapped} finding(s) of ${snapshot.name} to file lines.`);
    let tooLong = 0;
    for (const row of rows) {
        await lines.pacer.step();
        const nodePath = row.nodePathUi || row.impactedNode || row.nodePath;
        const finding = {
            deployable: snapshot.deployable,
            snapshot: snapshot.name,
            policy: row.policy,
            severity: severityOf(row, logger),
            description: describe(row),
            nodePath,
        };
        const segments = mapped && row.nodePathUi ? (0,locate/* boundedNodePath */.N)(row.nodePathUi) : undefined;
        if (mapped && row.nodePathUi && !segments)
            tooLong++;
        const located = segments && locator.locate(segments);
        const file = located && (0,locate/* repositoryPath */.SH)(located.file, workspace);
        if (located && file) {
            finding.file = file;
            finding.line = await lines.line(file, located.keyPath);
        }
        findings.push(finding);
    }
    if (tooLong) {
        logger.notice(`${snapshot.name}: ${tooLong} finding(s) have a node path too long to map to a file (over ${locate/* MAX_NODE_PATH_CHARS */.GV.toLocaleString('en-US')} characters or ${locate/* MAX_NODE_PATH_SEGMENTS */.FJ} segments); they are reported without a file and line.`, 'Findings not mapped to files');
    }
    return findings;
}

// EXTERNAL MODULE: ./shared/validation/sarif.ts
var validation_sarif = __webpack_require__(70737);
// EXTERNAL MODULE: ./shared/poll/poll.ts
var poll = __webpack_require__(86373);
;// CONCATENATED MODULE: ./shared/vendors/servicenow/cdm-changesets.ts
/**
 * CDM changesets and their deployables: the deployables a changeset impacted (CdmChangesetsApi), deployables by
 * name, the application a deployable or changeset belongs to, and the changeset's snapshot generation (Table API
 * sn_cdm_changeset and sn_cdm_deployable). Rows are checked against what was asked for, as the Table API drops an
 * unknown query field silently and would then answer unrelated rows.
 */



const DEPLOYABLE_FIELDS = ['sys_id', 'name', 'state', 'cdm_app', 'cmdb_ci', 'cdm_ci'];
/** The deployables a committed changeset impacted (deleted ones included; the caller skips them). */
async function getImpactedDeployables(client, connection, changesetNumber) {
    const spec = {
        method: 'GET',
        path: (0,servicenow_connection/* cdmPath */.K5)(connection, 'changesets/impacted-deployables'),
        query: { changesetNumber, returnFields: DEPLOYABLE_FIELDS.join(',') },
        what: 'list the deployables the changeset impacted',
    };
    const body = await client.json(spec);
    if (!(0,http_body/* isRecord */.u4)(body) || !Array.isArray(body.result))
        throw client.unexpectedAnswer(spec, 'the answer has no result array');
    return body.result.map((row) => {
        if (!(0,http_body/* isRecord */.u4)(row))
            throw client.unexpectedAnswer(spec, 'a deployable is not an object');
        return parseDeployable(row, client, spec);
    });
}
/**
 * The application's deployables with these names (compared case-insensitively); missing names are left out.
 * Deployables are found by name and then kept only when their application's name matches: the application's name
 * is `cdm_app.name` on some instances and `cdm_app.node.name` on others, and a query on the wrong one would be
 * dropped silently, so both are read and neither is queried.
 */
async function findDeployables(client, appName, names) {
    const found = [];
    const same = (a, b) => a?.toLowerCase() === b.toLowerCase();
    for (const name of names) {
        const { rows, spec } = await queryTable(client, {
            table: 'sn_cdm_deployable',
            query: `name=${queryValue(name)}`,
            fields: [...DEPLOYABLE_FIELDS, 'cdm_app.name', 'cdm_app.node.name'],
            limit: 100,
            what: `find the deployable '${name}'`,
        });
        const named = rows.filter((row) => same(textField(row, 'name'), name));
        if (named.length && named.every((row) => !textField(row, 'cdm_app.name') && !textField(row, 'cdm_app.node.name'))) {
            throw client.unexpectedAnswer(spec, 'the deployables carry no application name (cdm_app.name or cdm_app.node.name)');
        }
        const matching = named.filter((row) => same(textField(row, 'cdm_app.name'), appName) || same(textField(row, 'cdm_app.node.name'), appName));
        if (matching.length > 1) {
            throw client.unexpectedAnswer(spec, `${matching.length} deployables of '${appName}' are named '${name}'`);
        }
        if (matching.length === 1)
            found.push(parseDeployable(matching[0], client, spec));
    }
    return found;
}
function parseDeployable(row, client, spec) {
    const sysId = textField(row, 'sys_id');
    const name = textField(row, 'name');
    if (!sysId || !name)
        throw client.unexpectedAnswer(spec, `a deployable has no ${sysId ? 'name' : 'sys_id'}`);
    return {
        sysId,
        name,
        state: (textField(row, 'state') ?? '').toLowerCase(),
        appSysId: referenceValue(row.cdm_app),
        serviceId: referenceValue(row.cmdb_ci) || referenceValue(row.cdm_ci),
    };
}
/** The name of the application a deployable belongs to, as sn_cdm_deployable says; '' when it does not. */
async function getDeployableAppName(client, deployableSysId) {
    const { row } = await readTableRecord(client, 'sn_cdm_deployable', deployableSysId, ['cdm_app.name', 'cdm_app.node.name'], 'read the application of a deployable');
    return textField(row, 'cdm_app.name') || textField(row, 'cdm_app.node.name') || '';
}
/**
 * The changeset record with its snapshot generation status and its application; undefined when no changeset has
 * this number. The application's name is `cdm_application.name` on some instances and `cdm_application.node.name`
 * on others (as for deployables), so both are read; a changeset that says neither is refused, as the gate could not
 * tell whose it is.
 */
async function getChangeset(client, number) {
    const { rows, spec } = await queryTable(client, {
        table: 'sn_cdm_changeset',
        query: `number=${queryValue(number)}`,
        fields: [
            'number',
            'sys_id',
            'state',
            'snapshot_status',
            'cdm_application',
            'cdm_application.name',
            'cdm_application.node.name',
        ],
        limit: 1,
        what: `read changeset ${number}`,
    });
    if (!rows.length)
        return undefined;
    const row = rows[0];
    if (textField(row, 'number') !== number) {
        throw client.unexpectedAnswer(spec, `asked for changeset ${number}, got ${textField(row, 'number') ?? 'a row without a number'}`);
    }
    const sysId = textField(row, 'sys_id');
    const state = textField(row, 'state');
    if (!sysId || state === undefined)
        throw client.unexpectedAnswer(spec, `the changeset has no ${sysId ? 'state' : 'sys_id'}`);
    const appSysId = referenceValue(row.cdm_application);
    const appName = textField(row, 'cdm_application.name') || textField(row, 'cdm_application.node.name');
    if (!appSysId || !appName) {
        throw client.unexpectedAnswer(spec, `the changeset carries no application ${appSysId ? 'name (cdm_application.name or cdm_application.node.name)' : '(cdm_application)'}`);
    }
    const status = 'snapshot_status' in row ? (textField(row, 'snapshot_status') ?? '') : undefined;
    return { number, sysId, state: state.toLowerCase(), snapshotStatus: status?.toLowerCase(), appSysId, appName };
}

;// CONCATENATED MODULE: ./shared/validation/targets.ts
/**
 * Which snapshots the gate looks at: those a committed changeset created (after waiting for their generation),
 * or each named deployable's latest or named snapshot.
 */




/** Changeset states in which no snapshot will come. */
const DEAD_CHANGESET_STATES = new Set(['open', 'blocked', 'commit_failed']);
const FINAL_SNAPSHOT_STATUSES = new Set(['created', 'none', 'error']);
async function findGatedSnapshots(settings, deps) {
    const { client } = deps;
    const { logger } = deps.runtime;
    const explicit = settings.deployableNames;
    const gated = [];
    const owner = (deployable) => ({
        deployableSysId: deployable.sysId,
        appSysId: deployable.appSysId,
        appName: settings.appName,
    });
    const add = (deployable, snapshot, source) => {
        const entry = gatedSnapshot(deployable, snapshot, source);
        gated.push(entry);
        deps.onSnapshot(entry);
        logger.info(`${deployable.name}: snapshot ${snapshot.name} (${snapshot.number || snapshot.sysId}), validation ${snapshot.validation}${snapshot.published ? ', published' : ''}.`);
    };
    if (!settings.changesetNumber) {
        for (const deployable of await lookUpDeployables(settings.appName, explicit, client)) {
            const snapshot = settings.snapshotName
                ? await findNamedSnapshot(client, owner(deployable), settings.snapshotName)
                : await findLatestSnapshot(client, owner(deployable));
            if (!snapshot) {
                throw new errors/* JobFailedError */.dk(settings.snapshotName
                    ? `Deployable ${deployable.name} has no snapshot named '${settings.snapshotName}'`
                    : `Deployable ${deployable.name} has no snapshot yet`, {
                    jobId: `Deployable ${deployable.name}`,
                    state: 'no snapshot',
                    errors: [],
                    hint: 'A snapshot is created when a changeset is committed: upload and commit its configuration first',
                });
            }
            add(deployable, snapshot, settings.snapshotName ? 'named' : 'latest');
        }
        return gated;
    }
    const number = settings.changesetNumber;
    const changeset = await waitForGeneration(number, settings, deps);
    if (changeset.snapshotStatus === 'error') {
        throw new errors/* JobFailedError */.dk(`ServiceNow could not generate the snapshots of changeset ${number}`, {
            jobId: `Changeset ${number}`,
            state: 'snapshot_status error',
            errors: [],
            hint: 'Look at the changeset and its deployables in DevOps Config, fix the cause, and commit again',
        });
    }
    const impacted = await impactedDeployables(changeset, settings.appName, deps);
    const deleted = impacted.filter((d) => d.state === 'deleted');
    if (deleted.length)
        logger.info(`Skipped deleted deployable(s): ${deleted.map((d) => d.name).join(', ')}.`);
    const active = impacted.filter((d) => d.state !== 'deleted');
    const same = (a, b) => a.toLowerCase() === b.toLowerCase();
    let targets = active;
    if (explicit.length) {
        const missing = explicit.filter((name) => !active.some((d) => same(d.name, name)));
        const others = missing.length ? await lookUpDeployables(settings.appName, missing, client) : [];
        targets = explicit
            .map((name) => active.find((d) => same(d.name, name)) ?? others.find((d) => same(d.name, name)))
            .filter((d) => d !== undefined);
    }
    else if (!targets.length) {
        throw new errors/* JobFailedError */.dk(`Changeset ${number} impacted no active deployable: there is no snapshot to gate`, {
            jobId: `Changeset ${number}`,
            state: `snapshot_status ${changeset.snapshotStatus ?? 'unknown'}`,
            errors: [],
            hint: 'Give deployable-name to gate the latest snapshot of a deployable instead',
        });
    }
    for (const deployable of targets) {
        const own = changeset.snapshotStatus !== 'none' && active.some((d) => d.sysId === deployable.sysId)
            ? await findChangesetSnapshot(client, changeset.sysId, owner(deployable))
            : undefined;
        if (own) {
            add(deployable, own, 'changeset');
            continue;
        }
        const why = `Changeset ${number} created no snapshot for deployable ${deployable.name}${changeset.snapshotStatus === 'none' ? ' (snapshot_status: none, e.g. nothing changed for it)' : ''}`;
        if (!explicit.length) {
            throw new errors/* JobFailedError */.dk(why, {
                jobId: `Changeset ${number}`,
                state: `snapshot_status ${changeset.snapshotStatus ?? 'unknown'}`,
                errors: [],
                hint: `Name the deployable in deployable-name to gate its latest snapshot instead`,
            });
        }
        const latest = await findLatestSnapshot(client, owner(deployable));
        if (!latest) {
            throw new errors/* JobFailedError */.dk(`${why}, and it has no snapshot at all`, {
                jobId: `Deployable ${deployable.name}`,
                state: 'no snapshot',
                errors: [],
            });
        }
        logger.warning(`${why}; gating its latest snapshot ${latest.name} (${latest.number || latest.sysId}, changeset ${latest.changesetNumber || latest.changesetSysId || 'unknown'}) instead.`, 'No new snapshot');
        add(deployable, latest, 'latest');
    }
    return gated;
}
/** Every named deployable of the application; a name it does not have is an error that lists them all. */
async function lookUpDeployables(appName, names, client) {
    const found = await findDeployables(client, appName, names);
    const missing = names.filter((name) => !found.some((d) => d.name.toLowerCase() === name.toLowerCase()));
    if (missing.length) {
        throw new errors/* JobFailedError */.dk(`Application ${appName} has no deployable named ${missing.join(', ')}`, {
            jobId: `Application ${appName}`,
            state: 'deployable not found',
            errors: [],
            hint: 'Check deployable-name and app-name against the deployables in DevOps Config',
        });
    }
    return found;
}
/**
 * The deployables the changeset impacted, each checked to belong to the changeset's application (which the caller
 * checked is the one asked about): a deployable of another application is never gated.
 */
async function impactedDeployables(changeset, appName, deps) {
    const impacted = await getImpactedDeployables(deps.client, deps.connection, changeset.number);
    const foreign = impacted.find((d) => d.appSysId !== changeset.appSysId);
    if (foreign) {
        const owner = foreign.appSysId
            ? (await getDeployableAppName(deps.client, foreign.sysId).catch(() => '')) || foreign.appSysId
            : '';
        const what = `Deployable ${foreign.name}, impacted by changeset ${changeset.number},`;
        throw new errors/* JobFailedError */.dk(owner
            ? `${what} belongs to application ${owner}, not ${appName}`
            : `${what} does not say which application it belongs to (no cdm_app), so it is not gated for ${appName}`, {
            jobId: `Changeset ${changeset.number}`,
            state: 'deployable of another application',
            errors: [],
            hint: 'The gate judges only the application it was asked about and fails rather than guess; look at the changeset in DevOps Config',
        });
    }
    return impacted;
}
/** A changeset of another application is never gated: the error names the application it belongs to. */
function checkApplication(changeset, appName) {
    if (changeset.appName.toLowerCase() === appName.toLowerCase())
        return;
    throw new errors/* JobFailedError */.dk(`Changeset ${changeset.number} belongs to application ${changeset.appName}, not ${appName}`, {
        jobId: `Changeset ${changeset.number}`,
        state: 'other application',
        errors: [],
        hint: `Give the changeset-number of a changeset of ${appName} (cdm-upload's changeset-number output), or the app-name it belongs to`,
    });
}
/** Waits until ServiceNow has generated the changeset's snapshots (or said it made none, or failed). */
async function waitForGeneration(number, settings, deps) {
    const { client } = deps;
    return (0,poll/* poll */.wt)(async () => {
        const changeset = await getChangeset(client, number);
        if (!changeset) {
            throw new errors/* JobFailedError */.dk(`Changeset ${number} was not found`, {
                jobId: `Changeset ${number}`,
                state: 'not found',
                errors: [],
                hint: 'Check changeset-number: it is the changeset-number output of cdm-upload, e.g. Chset-102',
            });
        }
        checkApplication(changeset, settings.appName);
        if (DEAD_CHANGESET_STATES.has(changeset.state)) {
            throw new errors/* JobFailedError */.dk(`Changeset ${number} is ${changeset.state}, so it has no snapshots to gate`, {
                jobId: `Changeset ${number}`,
                state: changeset.state,
                errors: [],
                hint: changeset.state === 'open'
                    ? 'Snapshots are created when a changeset is committed: commit it (auto-commit: true) first'
                    : 'Look at the changeset in DevOps Config, resolve the problem, and commit it again',
            });
        }
        if (changeset.state !== 'committed')
            return { done: false, state: changeset.state };
        const status = changeset.snapshotStatus;
        if (status !== undefined) {
            return FINAL_SNAPSHOT_STATUSES.has(status)
                ? { done: true, value: changeset }
                : { done: false, state: `committed, snapshot generation ${status || 'pending'}` };
        }
        // Instances without the snapshot_status field: done when every impacted deployable has its snapshot.
        const impacted = (await impactedDeployables(changeset, settings.appName, deps)).filter((d) => d.state !== 'deleted');
        const wanted = settings.deployableNames.length
            ? impacted.filter((d) => settings.deployableNames.some((n) => n.toLowerCase() === d.name.toLowerCase()))
            : impacted;
        let found = 0;
        for (const deployable of wanted) {
            const owner = { deployableSysId: deployable.sysId, appSysId: deployable.appSysId, appName: settings.appName };
            if (await findChangesetSnapshot(client, changeset.sysId, owner))
                found++;
        }
        if (wanted.length && found === wanted.length)
            return { done: true, value: { ...changeset, snapshotStatus: 'created' } };
        return { done: false, state: `committed, ${found} of ${wanted.length} snapshot(s) created` };
    }, {
        what: `the snapshots of changeset ${number}`,
        runtime: deps.runtime,
        maxIntervalMs: settings.pollIntervalMs,
        resumeHint: `Run again with changeset-number: ${number} to keep waiting`,
    });
}
function gatedSnapshot(deployable, snapshot, source) {
    return {
        deployable: deployable.name,
        deployableSysId: deployable.sysId,
        serviceId: deployable.serviceId,
        name: snapshot.name,
        sysId: snapshot.sysId,
        number: snapshot.number,
        changeset: snapshot.changesetNumber || snapshot.changesetSysId,
        source,
        validation: snapshot.validation,
        published: snapshot.published,
        failures: 0,
        warnings: 0,
        exceptions: 0,
    };
}

// EXTERNAL MODULE: ./shared/validation/types.ts
var types = __webpack_require__(33953);
;// CONCATENATED MODULE: ./shared/validation/validate.ts
/**
 * Brings each gated snapshot to a final validation state: use the stored one, wait for a running one, or start
 * one; then wait for all of them in one poll. A validation that was requested but never leaves not_validated (or
 * its old final state) within the start grace did not start.
 */



/** Checks that must have seen the validation not started, besides the grace time, before it counts as not started. */
const MIN_START_CHECKS = 2;
async function bringToFinalState(snapshots, settings, deps) {
    const { client, runtime } = deps;
    const { logger, clock } = runtime;
    const waiting = [];
    for (const snapshot of snapshots) {
        const state = snapshot.validation;
        failOnUnknownState(snapshot);
        if (PENDING_VALIDATION_STATES.has(state)) {
            logger.info(`${snapshot.name}: a validation is already ${state.replace('_', ' ')}; waiting for it.`);
            waiting.push({ snapshot });
        }
        else if (snapshot.published) {
            logger.info(`${snapshot.name} is published, so ServiceNow cannot validate it again; using its stored validation state: ${state}.`);
        }
        else if (state !== 'not_validated' && !settings.revalidate) {
            logger.info(`${snapshot.name} was already validated: ${state} (set revalidate: true to validate it again).`);
        }
        else {
            const before = await getSnapshotValidation(client, snapshot.sysId);
            const requested = {
                at: clock.now(),
                validation: before.validation,
                lastValidated: before.lastValidated,
                checks: 0,
            };
            if (settings.serverValidates && state === 'not_validated') {
                logger.info(`${snapshot.name}: ServiceNow validates it after the commit (auto-validate); waiting for it.`);
            }
            else {
                await validateSnapshot(client, deps.connection, snapshot.sysId).catch((error) => {
                    if (!(error instanceof errors/* ApiError */.hD) || error.status !== 400)
                        throw error;
                    throw new errors/* ApiError */.hD({
                        method: error.method,
                        url: error.url,
                        status: error.status,
                        vendorMessage: error.vendorMessage,
                        hint: `ServiceNow refused to validate ${snapshot.name}: a snapshot that was published meanwhile cannot be validated, and one that no longer exists cannot either. Look at it in DevOps Config, then run again`,
                    });
                });
                logger.info(`${snapshot.name}: validation requested.`);
            }
            waiting.push({ snapshot, requested });
        }
    }
    if (!waiting.length)
        return;
    let pending = waiting;
    await (0,poll/* poll */.wt)(async () => {
        const still = [];
        for (const entry of pending) {
            const { snapshot, requested } = entry;
            const now = await getSnapshotValidation(client, snapshot.sysId);
            const changed = now.validation !== snapshot.validation || now.published !== snapshot.published;
            snapshot.validation = now.validation;
            snapshot.published = now.published;
            if (changed)
                deps.onChange();
            failOnUnknownState(snapshot);
            const unchanged = requested !== undefined &&
                now.validation === requested.validation &&
                now.lastValidated === requested.lastValidated &&
                !PENDING_VALIDATION_STATES.has(now.validation);
            if (PENDING_VALIDATION_STATES.has(now.validation)) {
                if (requested)
                    requested.checks = -Infinity; // it started
                still.push(entry);
            }
            else if (unchanged && requested) {
                requested.checks += 1;
                if (requested.checks >= MIN_START_CHECKS && clock.now() - requested.at >= settings.startGraceMs) {
                    snapshot.didNotStart = true;
                    deps.onChange();
                    logger.warning(`${snapshot.name}: the validation did not start: ServiceNow still reports ${now.validation} ${Math.round((clock.now() - requested.at) / 1000)} s after it was requested.`, 'Validation did not start');
                }
                else {
                    still.push(entry);
                }
            }
            else if (!FINAL_VALIDATION_STATES.has(now.validation)) {
                // not_validated after a validation started: treat like pending until the grace ends.
                still.push(entry);
            }
        }
        pending = still;
        if (!pending.length)
            return { done: true, value: undefined };
        return { done: false, state: pending.map((e) => `${e.snapshot.name} ${e.snapshot.validation}`).join(', ') };
    }, {
        what: `the validation of ${waiting.length === 1 ? waiting[0].snapshot.name : `${waiting.length} snapshots`}`,
        runtime,
        maxIntervalMs: settings.pollIntervalMs,
        resumeHint: resumeHint(settings, waiting.map((e) => e.snapshot)),
    });
}
/**
 * The validation goes on in ServiceNow: the same snapshots are simply gated again, named by the input that finds
 * them (the changeset, or the one snapshot), without revalidate so the running validation is waited on.
 */
function resumeHint(settings, snapshots) {
    const input = settings.changesetNumber
        ? `changeset-number: ${settings.changesetNumber}`
        : snapshots.length === 1
            ? `snapshot-name: ${snapshots[0].name}`
            : undefined;
    return `The validation may still finish: run again${input ? ` with ${input}` : ''} (and revalidate: false) to gate on its result`;
}
/** An unknown state is never taken for a pass. */
function failOnUnknownState(snapshot) {
    if (isValidationState(snapshot.validation))
        return;
    throw new errors/* JobFailedError */.dk(`ServiceNow reports the validation state '${snapshot.validation}' for snapshot ${snapshot.name}, which this action does not know`, {
        jobId: `Snapshot ${snapshot.name}`,
        state: snapshot.validation,
        errors: [],
        hint: 'The gate fails rather than guess; look at the snapshot in DevOps Config',
    });
}

;// CONCATENATED MODULE: ./shared/validation/verdict.ts
function judgeSnapshot(snapshot, status, settings, 
/** The rows were cut short: a row missing from them proves nothing. */
truncated) {
    const { deployable, name, failures, warnings, exceptions } = snapshot;
    const counts = `${failures} failure(s), ${warnings} warning(s), ${exceptions} exception(s)`;
    const problems = [];
    const oddities = [];
    if (status === 'failed') {
        problems.push(failures || truncated
            ? `${deployable}: ${name} failed validation — ${counts}`
            : `${deployable}: ${name} failed validation, yet none of its policy results is a failure — ${counts}; open the snapshot in DevOps Config`);
    }
    else if (status === 'execution_error') {
        problems.push(`${deployable}: ${name} could not be validated (execution_error: a policy did not finish)` +
            (failures + warnings
                ? ` — ${counts}`
                : ' — ServiceNow gave no per-policy result; open the snapshot in DevOps Config'));
    }
    else if (failures) {
        problems.push(`${deployable}: ServiceNow reports ${name} ${status}, yet ${failures} policy result(s) are failures${status === 'passed_with_exception' ? ' that no exception covers' : ''}; the gate fails rather than guess`);
    }
    if (status === 'passed_with_exception' && !exceptions && !truncated) {
        oddities.push(`ServiceNow reports ${name} passed_with_exception, yet none of its policy results is an excepted failure`);
    }
    if (status === 'passed' && exceptions) {
        oddities.push(`ServiceNow reports ${name} passed, yet ${exceptions} policy result(s) are excepted failures`);
    }
    if (settings.failOnExceptions && status === 'passed_with_exception') {
        problems.push(`${deployable}: ${name} passed only with an exception (fail-on-exceptions: true)`);
    }
    else if (settings.failOnExceptions && exceptions) {
        problems.push(`${deployable}: ${name} has ${exceptions} excepted failure(s) (fail-on-exceptions: true)`);
    }
    if (warnings && settings.failOnWarnings && !problems.length) {
        problems.push(`${deployable}: ${name} has ${warnings} warning(s) (fail-on-warnings: true)`);
    }
    return { problems, oddities };
}

;// CONCATENATED MODULE: ./shared/validation/gate.ts
/**
 * The policy-validation gate, the one flow behind cdm-validate and cdm-upload's `validate: true`: find the gated
 * snapshots, bring each to a final validation state, read the per-policy results, map them to file lines, write
 * the results and SARIF files, and only then publish. It returns a typed result; it never touches @actions/core:
 * snapshots reach the caller the moment they are known through `report`.
 */










async function runValidationGate(settings, deps) {
    const { client, connection, runtime } = deps;
    const { logger } = runtime;
    const snapshots = [];
    let complete = false;
    const report = () => deps.report({ snapshots: [...snapshots], allFound: complete });
    await findGatedSnapshots(settings, {
        client,
        connection,
        runtime,
        onSnapshot: (snapshot) => {
            snapshots.push(snapshot);
            report();
        },
    });
    complete = true;
    report();
    await bringToFinalState(snapshots, settings, { client, connection, runtime, onChange: report });
    const findings = [];
    const problems = [];
    const lines = new FileLines(settings.workspace, runtime);
    for (const snapshot of snapshots) {
        const status = (0,types/* snapshotStatus */.x)(snapshot);
        if (snapshot.didNotStart || status === 'not_validated') {
            problems.push(snapshot.didNotStart
                ? `${snapshot.deployable}: the validation of ${snapshot.name} did not start`
                : `${snapshot.deployable}: ${snapshot.name} has no validation (${snapshot.validation})`);
            continue;
        }
        const results = await getPolicyResults(client, snapshot.sysId);
        if (results.truncated) {
            logger.warning(`${snapshot.name} has more than ${MAX_RESULT_ROWS} policy result rows; only the first ${MAX_RESULT_ROWS} are reported. The gate still follows the snapshot's validation state.`, 'Policy results cut short');
        }
        const own = await toFindings(snapshot, results.rows, settings.uploadedFiles, lines, settings.workspace, logger);
        findings.push(...own);
        snapshot.failures = own.filter((f) => f.severity === 'failure').length;
        snapshot.warnings = own.filter((f) => f.severity === 'warning').length;
        snapshot.exceptions = own.filter((f) => f.severity === 'exception').length;
        const verdict = judgeSnapshot(snapshot, status, settings, results.truncated);
        problems.push(...verdict.problems);
        for (const odd of verdict.oddities)
            logger.warning(`${odd}.`, 'Validation state and results disagree');
        if (!own.length && status === 'passed') {
            logger.warning(`${snapshot.name} passed with no policy results: no policy may be mapped to deployable ${snapshot.deployable}.`, 'No policy results');
        }
    }
    report();
    // Written before publishing, so that a failed publish loses nothing.
    const status = (0,types/* worstStatus */.A)(snapshots.map(types/* snapshotStatus */.x));
    const sarif = await (0,redacted_file/* writeTextFile */.T)(settings.sarifFile, `${JSON.stringify((0,validation_sarif/* buildSarif */.Ep)(findings, { toolVersion: deps.toolVersion }), null, 2)}\n`, logger);
    const resultsFile = () => (0,redacted_file/* writeTextFile */.T)(settings.resultsFile, `${JSON.stringify({ status, passed: !problems.length, problems, snapshots: snapshots.map(snapshotSummary), findings }, null, 2)}\n`, logger);
    let results = await resultsFile();
    const published = [];
    const alreadyPublished = [];
    if (settings.publish) {
        if (problems.length) {
            logger.info('Nothing is published: the gate failed.');
        }
        else {
            for (const snapshot of snapshots) {
                const outcome = await publish(snapshot, deps);
                if (outcome === 'published')
                    published.push(snapshot.name);
                else if (outcome === 'already published')
                    alreadyPublished.push(snapshot.name);
                else
                    problems.push(outcome.problem);
            }
            report();
            if (problems.length)
                results = await resultsFile();
        }
    }
    return {
        status,
        passed: !problems.length,
        problems,
        snapshots,
        findings,
        sarif,
        results,
        published,
        alreadyPublished,
    };
}
/**
 * Publishes one passed snapshot: whether this run published it, found it already published, or what went wrong.
 * A publish that answered an error while the snapshot is published counts as already published (it may have been
 * published meanwhile), so the `published` output never claims what this run may not have done.
 */
async function publish(snapshot, deps) {
    const { logger } = deps.runtime;
    if (snapshot.published) {
        logger.info(`${snapshot.name} is already published.`);
        return 'already published';
    }
    if (!snapshot.serviceId) {
        return {
            problem: `${snapshot.deployable}: ${snapshot.name} was not published: the deployable is not connected to a service. Connect the deployable to a service in DevOps Config before publishing`,
        };
    }
    try {
        await publishSnapshot(deps.client, deps.connection, snapshot.sysId);
    }
    catch (error) {
        // The publish may have happened even though the answer was an error (or it was published meanwhile).
        const now = await getSnapshotValidation(deps.client, snapshot.sysId).catch(() => undefined);
        if (now?.published) {
            snapshot.published = true;
            logger.info(`${snapshot.name} is already published (ServiceNow answered the publish with an error, but it is published).`);
            return 'already published';
        }
        const message = error instanceof errors/* ApiError */.hD ? error.vendorMessage : (0,errors/* errorMessage */.gJ)(error);
        return {
            problem: `${snapshot.deployable}: publishing ${snapshot.name} failed: ${message}. The results and SARIF files are written; publish it in DevOps Config once the cause is fixed, or re-run with publish: true`,
        };
    }
    snapshot.published = true;
    logger.info(`Published ${snapshot.name}.`);
    return 'published';
}
/** A snapshot as the `snapshots` output and the results file show it. */
function snapshotSummary(snapshot) {
    return {
        deployable: snapshot.deployable,
        name: snapshot.name,
        sys_id: snapshot.sysId,
        number: snapshot.number,
        changeset: snapshot.changeset,
        source: snapshot.source,
        validation: snapshot.didNotStart ? 'not_validated' : snapshot.validation,
        published: snapshot.published,
        failures: snapshot.failures,
        warnings: snapshot.warnings,
        exceptions: snapshot.exceptions,
    };
}


/***/ }),

/***/ 65511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ readUploadedFiles),
/* harmony export */   r: () => (/* binding */ readGateInputs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _fs_file_name_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65070);
/* harmony import */ var _fs_output_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99434);
/** The gate's own inputs, read the same way by cdm-validate and cdm-upload. */



function readGateInputs(inputs) {
    const failOnWarnings = inputs.boolean('fail-on-warnings', false);
    const failOnExceptions = inputs.boolean('fail-on-exceptions', false);
    const givenSarif = inputs.string('sarif-file');
    const givenResults = inputs.string('results-file');
    const folder = givenSarif ? node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(givenSarif)) : process.env.RUNNER_TEMP || process.cwd();
    // Two gates in one job must not replace each other's files: the default names carry the step and are never taken.
    const step = process.env.GITHUB_ACTION ? `-${(0,_fs_file_name_js__WEBPACK_IMPORTED_MODULE_1__/* .safeFileName */ .Tx)(process.env.GITHUB_ACTION, 'step')}` : '';
    const fresh = (0,_fs_output_file_js__WEBPACK_IMPORTED_MODULE_2__/* .unusedPath */ .Ax)(folder, `cdm-validation${step}`, [
        ...(givenSarif ? [] : ['.sarif']),
        ...(givenResults ? [] : ['.json']),
    ]);
    const sarifFile = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(givenSarif ?? `${fresh}.sarif`);
    const resultsFile = node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(givenResults ?? `${fresh}.json`);
    if (sarifFile === resultsFile)
        inputs.problem('results-file', 'must differ from sarif-file');
    for (const [name, file] of [
        ['sarif-file', sarifFile],
        ['results-file', resultsFile],
    ]) {
        const problem = (0,_fs_output_file_js__WEBPACK_IMPORTED_MODULE_2__/* .outputFileProblem */ .HR)(file);
        if (problem)
            inputs.problem(name, `cannot be written to ${file}: ${problem}`);
    }
    return {
        failOnWarnings,
        failOnExceptions,
        sarifFile,
        resultsFile,
        workspace: node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(process.env.GITHUB_WORKSPACE || process.cwd()),
    };
}
/** The `files` output of cdm-upload: a JSON array of {file, namePath, ...}; entries without both are skipped. */
function readUploadedFiles(inputs, name = 'uploaded-files') {
    const parsed = inputs.json(name, 'array');
    if (!parsed)
        return [];
    const files = [];
    for (const [index, item] of parsed.entries()) {
        if (typeof item !== 'object' || item === null) {
            inputs.problem(name, `item ${index} is not an object; expected cdm-upload's files output`);
            continue;
        }
        const { file, namePath } = item;
        if ((file !== null && typeof file !== 'string') || (namePath !== null && typeof namePath !== 'string')) {
            inputs.problem(name, `item ${index} needs "file" and "namePath" as text (or null), as cdm-upload's files output has`);
            continue;
        }
        if (file && namePath)
            files.push({ file, namePath });
    }
    return files;
}


/***/ }),

/***/ 93548:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FJ: () => (/* binding */ MAX_NODE_PATH_SEGMENTS),
/* harmony export */   GV: () => (/* binding */ MAX_NODE_PATH_CHARS),
/* harmony export */   N: () => (/* binding */ boundedNodePath),
/* harmony export */   SH: () => (/* binding */ repositoryPath),
/* harmony export */   dc: () => (/* binding */ NodeLocator)
/* harmony export */ });
/* unused harmony export splitNodePath */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/**
 * From a finding's node path to the uploaded file it came from. ServiceNow does not document the readable node
 * path, so the matching is tolerant: the path is split on `/`, `\`, `>` and U+FFFD (the separator CDM uses inside
 * name paths), empty segments dropped; an uploaded file matches when the node path holds a contiguous run of the
 * file's name-path segments that ends with the file's own node (its last segment). The longest run wins; two files
 * with an equally long run are ambiguous and neither is chosen. The segments after the run are the key path
 * inside the file. Names are compared exactly first, then ignoring case.
 */

/**
 * The most of a node path that is mapped. CDM's own paths are a few dozen segments; anything far longer is not a
 * path into an uploaded file, and following it would cost time in proportion to whatever a server sent.
 */
const MAX_NODE_PATH_CHARS = 4096;
/** Segments, each `[n]` index counted as one more. */
const MAX_NODE_PATH_SEGMENTS = 128;
function splitNodePath(nodePath) {
    return nodePath
        .split(/[/\\>\uFFFD]/)
        .map((segment) => segment.trim())
        .filter((segment) => segment !== '');
}
/** The node path's segments, or undefined when it is over the bounds above. Linear in its length. */
function boundedNodePath(nodePath) {
    if (nodePath.length > MAX_NODE_PATH_CHARS)
        return undefined;
    const segments = splitNodePath(nodePath);
    let count = segments.length;
    for (let i = 0; i < nodePath.length && count <= MAX_NODE_PATH_SEGMENTS; i++)
        if (nodePath[i] === '[')
            count++;
    return count > MAX_NODE_PATH_SEGMENTS ? undefined : segments;
}
/**
 * The uploaded files, split once and indexed by their own node's name, so that locating a node path looks only at
 * the files whose node it names: the time per finding does not grow with the number of uploaded files.
 */
class NodeLocator {
    exact = new Map();
    ignoringCase = new Map();
    constructor(files) {
        for (const { file, namePath } of files) {
            const segments = splitNodePath(namePath);
            const last = segments.at(-1);
            if (last === undefined)
                continue;
            add(this.exact, last, { file, segments });
            add(this.ignoringCase, last.toLowerCase(), { file, segments });
        }
    }
    /** `segments` as boundedNodePath gives them. */
    locate(segments) {
        if (!segments.length)
            return undefined;
        for (const [index, fold] of [
            [this.exact, (s) => s],
            [this.ignoringCase, (s) => s.toLowerCase()],
        ]) {
            const folded = segments.map(fold);
            let best;
            let tie = false;
            // Ascending ends: of two equally long runs of one file, the later one wins, so that a name repeated higher
            // up in the path does not cut the key path short.
            for (let end = 0; end < folded.length; end++) {
                for (const candidate of index.get(folded[end]) ?? []) {
                    const length = runLength(folded, end, candidate.segments, fold);
                    if (!best || length > best.length) {
                        best = { file: candidate.file, length, end: end + 1 };
                        tie = false;
                    }
                    else if (length === best.length) {
                        if (candidate.file === best.file)
                            best.end = end + 1;
                        else
                            tie = true;
                    }
                }
            }
            if (best && !tie)
                return { file: best.file, keyPath: segments.slice(best.end) };
            if (tie)
                return undefined;
        }
        return undefined;
    }
}
function add(index, key, file) {
    const files = index.get(key);
    if (files)
        files.push(file);
    else
        index.set(key, [file]);
}
/** How many of the file's segments, from its last one back, match the node path's segments ending at `end`. */
function runLength(segments, end, fileSegments, fold) {
    let length = 0;
    while (length < fileSegments.length &&
        end - length >= 0 &&
        segments[end - length] === fold(fileSegments[fileSegments.length - 1 - length])) {
        length++;
    }
    return length;
}
/**
 * The file relative to the repository root, `/`-separated, or undefined when it lies outside it. Windows paths
 * (`C:\repo\config\a.json`, as a Windows runner's cdm-upload reports them) are handled on any runner.
 */
function repositoryPath(file, workspace) {
    const windows = /^[A-Za-z]:[\\/]/.test(file) || /^[A-Za-z]:[\\/]/.test(workspace) || file.includes('\\');
    const paths = windows ? node_path__WEBPACK_IMPORTED_MODULE_0__.win32 : node_path__WEBPACK_IMPORTED_MODULE_0__.posix;
    const relative = paths.isAbsolute(file) ? paths.relative(workspace, file) : paths.normalize(file);
    if (!relative || relative.startsWith('..') || paths.isAbsolute(relative))
        return undefined;
    return relative.split(paths.sep).join('/');
}


/***/ }),

/***/ 64012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dv: () => (/* binding */ annotateFindings),
/* harmony export */   iy: () => (/* binding */ gateValues),
/* harmony export */   lU: () => (/* binding */ noticeShortenedFindings),
/* harmony export */   lr: () => (/* binding */ gateVerdict),
/* harmony export */   zj: () => (/* binding */ summarizeGate)
/* harmony export */ });
/* unused harmony exports FINDINGS_OUTPUT_LIMIT_BYTES, boundedFindings */
/* harmony import */ var _fs_file_name_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65070);
/* harmony import */ var _fs_uri_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8838);
/* harmony import */ var _report_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90216);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8583);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33953);
/**
 * What the gate's result becomes for the user, the same in every action that runs it: step outputs, annotations
 * on the file lines, and the job summary (verdict per deployable first, then the findings grouped by policy).
 */





/** GitHub refuses a step output over 1 MB; the findings output stays well below it (the results file is complete). */
const FINDINGS_OUTPUT_LIMIT_BYTES = 900 * 1024;
/** Annotations per severity: GitHub shows only the first few of each kind per step anyway. */
const MAX_ANNOTATIONS = 50;
/** A policy with more findings than this folds them into <details>. */
const FOLD_AFTER = 5;
/** The order findings are listed in: what fails the gate first. */
const SEVERITIES = ['failure', 'warning', 'exception', 'information'];
/**
 * The values behind the gate's outputs, for each action to map to its own output names; undefined for what is not
 * known yet. The snapshot list is there as soon as any is known; the names only once it is complete, and the single
 * `snapshotName`/`snapshotId` only when it then holds one snapshot (an output cannot be taken back).
 */
function gateValues(part) {
    const snapshots = part.result?.snapshots ?? part.snapshots;
    const complete = part.result !== undefined || (part.allFound ?? false);
    const only = complete && snapshots?.length === 1 ? snapshots[0] : undefined;
    const findings = part.result?.findings;
    return {
        snapshots: snapshots?.map(_gate_js__WEBPACK_IMPORTED_MODULE_2__/* .snapshotSummary */ .D),
        snapshotName: only?.name,
        snapshotId: only?.sysId,
        // By deployable name, so a later step picks "the Production snapshot" with fromJSON(...).Production.
        snapshotNames: complete && snapshots ? Object.fromEntries(snapshots.map((s) => [s.deployable, s.name])) : undefined,
        validationStatus: part.result?.status ?? (snapshots?.length ? (0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .worstStatus */ .A)(snapshots.map(_types_js__WEBPACK_IMPORTED_MODULE_3__/* .snapshotStatus */ .x)) : undefined),
        validationResults: findings && boundedFindings(findings).kept,
        failures: findings?.filter((f) => f.severity === 'failure').length,
        warnings: findings?.filter((f) => f.severity === 'warning').length,
        sarifFile: part.result?.sarif.path,
        resultsFile: part.result?.results.path,
        published: part.result?.published,
    };
}
/** Says so when the findings output could not hold every finding. */
function noticeShortenedFindings(result, logger) {
    const { kept, total } = boundedFindings(result.findings);
    if (kept.length === total)
        return;
    logger.notice(`validation-results holds ${kept.length} of ${total} findings (a step output must stay under 1 MB); every finding is in ${result.results.path}.`, 'Findings output shortened');
}
function boundedFindings(findings) {
    const kept = [];
    let bytes = 2;
    for (const finding of findings) {
        bytes += Buffer.byteLength(JSON.stringify(finding)) + 1;
        if (bytes > FINDINGS_OUTPUT_LIMIT_BYTES)
            break;
        kept.push(finding);
    }
    return { kept, total: findings.length };
}
/**
 * One annotation per failure and warning (exceptions as notices), on the file line when the finding has one. The
 * same finding from several deployables (the same policy, severity and text on the same line or node) is one
 * annotation naming them all; the results file and SARIF keep one result per snapshot.
 */
function annotateFindings(findings, logger) {
    const counts = { failure: 0, warning: 0, exception: 0 };
    for (const { finding, deployables } of sameFindings(findings)) {
        if (finding.severity === 'information')
            continue;
        if (++counts[finding.severity] > MAX_ANNOTATIONS)
            continue;
        const title = `${finding.policy} (${deployables.join(', ')})`;
        const message = `${finding.description}${finding.file ? '' : ` — node ${finding.nodePath || 'unknown'}`}`;
        const location = finding.file ? { file: finding.file, line: finding.line } : undefined;
        if (finding.severity === 'failure')
            logger.error(message, title, location);
        else if (finding.severity === 'warning')
            logger.warning(message, title, location);
        else
            logger.notice(`Excepted: ${message}`, title, location);
    }
}
/** Findings that differ only in their deployable (and snapshot), grouped in first-seen order. */
function sameFindings(findings) {
    const groups = new Map();
    for (const finding of findings) {
        const { policy, severity, description, nodePath, file, line } = finding;
        const key = JSON.stringify(file ? [policy, severity, description, file, line] : [policy, severity, description, nodePath]);
        const group = groups.get(key);
        if (!group)
            groups.set(key, { finding, deployables: [finding.deployable] });
        else if (!group.deployables.includes(finding.deployable))
            group.deployables.push(finding.deployable);
    }
    return [...groups.values()];
}
function summarizeGate(summary, snapshots, result) {
    if (!snapshots.length)
        return;
    summary.heading('Policy validation', 3);
    summary.table(['Deployable', 'Snapshot', 'Validation', 'Failures', 'Warnings', 'Exceptions', 'Published'], snapshots.map((s) => [
        s.deployable,
        `${s.name}${s.source === 'latest' ? ' (latest)' : ''}`,
        `${verdictIcon((0,_types_js__WEBPACK_IMPORTED_MODULE_3__/* .snapshotStatus */ .x)(s))} ${s.didNotStart ? 'did not start' : s.validation}`,
        s.failures,
        s.warnings,
        s.exceptions,
        s.published ? 'yes' : 'no',
    ]));
    if (!result)
        return;
    if (result.problems.length)
        summary.list(result.problems, { rest: `every problem is in ${(0,_fs_file_name_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryFileName */ ._P)(result.results.path)}` });
    if (result.findings.length)
        summarizeFindings(summary, result);
}
/** Counts per policy, then every finding (failures first), folded when long; both cut to the summary's budget. */
function summarizeFindings(summary, result) {
    const rest = `every finding is in ${(0,_fs_file_name_js__WEBPACK_IMPORTED_MODULE_0__/* .summaryFileName */ ._P)(result.results.path)} (the results-file output)`;
    const byPolicy = new Map();
    for (const { policy, severity } of result.findings) {
        const counts = byPolicy.get(policy) ?? { failure: 0, warning: 0, exception: 0, information: 0 };
        counts[severity]++;
        byPolicy.set(policy, counts);
    }
    summary.heading('Findings by policy', 4);
    summary.table(['Policy', 'Failures', 'Warnings', 'Exceptions', 'Information'], [...byPolicy].map(([policy, c]) => [policy, c.failure, c.warning, c.exception, c.information]), { align: ['left', 'right', 'right', 'right', 'right'], rest });
    const order = new Map([...byPolicy.keys()].map((policy, i) => [policy, i]));
    const rank = (f) => SEVERITIES.indexOf(f.severity) * order.size + (order.get(f.policy) ?? 0);
    const findings = [...result.findings].sort((a, b) => rank(a) - rank(b));
    const table = (inner) => inner.table(['Policy', 'Severity', 'Where', 'Finding', 'Deployable'], findings.map((f) => [
        f.policy,
        `${severityIcon(f.severity)} ${f.severity}`,
        where(f),
        f.description,
        f.deployable,
    ]), { rest });
    if (findings.length > FOLD_AFTER)
        summary.fold(`All ${findings.length} finding(s)`, table);
    else
        table(summary);
}
/** A passed gate in a few words, for the step's verdict. */
function gateVerdict(result) {
    const published = result.published.length ? `; published ${result.published.join(', ')}` : '';
    const already = result.alreadyPublished.length ? `; already published ${result.alreadyPublished.join(', ')}` : '';
    return `policy validation ${result.status}: ${result.snapshots.length} snapshot(s), ${result.findings.length} finding(s)${published}${already}`;
}
function where(finding) {
    return finding.file ? fileLink(finding.file, finding.line) : (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__.md) `node ${(0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(finding.nodePath || 'unknown')}`;
}
/** `file:line`, linked to the file at the commit being built when the run says which. */
function fileLink(file, line) {
    const text = (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(`${file}${line ? `:${line}` : ''}`);
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = process.env;
    if (!server || !repo || !sha)
        return text;
    return (0,_report_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .link */ .nf)(text, `${server}/${repo}/blob/${sha}/${(0,_fs_uri_js__WEBPACK_IMPORTED_MODULE_4__/* .uriPath */ .k)(file)}${line ? `#L${line}` : ''}`);
}
function verdictIcon(status) {
    return status === 'passed' ? '✅' : status === 'passed_with_exception' ? '☑️' : '❌';
}
function severityIcon(severity) {
    return { failure: '❌', warning: '⚠️', exception: '☑️', information: 'ℹ️' }[severity];
}


/***/ }),

/***/ 70737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ep: () => (/* binding */ buildSarif),
/* harmony export */   Rj: () => (/* binding */ fingerprint)
/* harmony export */ });
/* unused harmony export ruleId */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _fs_uri_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8838);
/**
 * Findings as a SARIF 2.1.0 log for GitHub code scanning: one rule per policy; a physical location (relative to
 * the repository root) for each finding mapped to a file, none for the others; and partial fingerprints built from
 * what stays the same between runs (policy, deployable, node path, description — never the snapshot name), so the
 * same finding is one alert across runs rather than a new one each time.
 */


const LEVELS = { failure: 'error', warning: 'warning', exception: 'note', information: 'note' };
function ruleId(policy) {
    const slug = policy
        .trim()
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return `cdm-policy/${slug || 'unnamed'}`;
}
function fingerprint(finding) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update([finding.policy, finding.deployable, finding.nodePath, finding.description].join('\u0000'))
        .digest('hex');
}
function buildSarif(findings, options = {}) {
    const rules = [];
    const index = new Map();
    for (const finding of findings) {
        const id = ruleId(finding.policy);
        if (!index.has(id)) {
            index.set(id, rules.length);
            rules.push({ id, policy: finding.policy });
        }
    }
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'ServiceNow CDM policy validation',
                        ...(options.toolVersion ? { version: options.toolVersion } : {}),
                        rules: rules.map(({ id, policy }) => ({
                            id,
                            name: policy,
                            shortDescription: { text: `CDM policy ${policy}` },
                            fullDescription: { text: `Findings of the ServiceNow DevOps Config policy '${policy}'.` },
                            help: { text: `Open the policy '${policy}' in DevOps Config to see what it checks.` },
                        })),
                    },
                },
                results: findings.map((finding) => {
                    const id = ruleId(finding.policy);
                    return {
                        ruleId: id,
                        ruleIndex: index.get(id),
                        level: LEVELS[finding.severity],
                        ...(finding.severity === 'exception' ? { suppressions: [{ kind: 'external', status: 'accepted' }] } : {}),
                        message: {
                            text: `${finding.description} (${finding.deployable}, snapshot ${finding.snapshot}, node ${finding.nodePath || 'unknown'})`,
                        },
                        ...(finding.file
                            ? {
                                locations: [
                                    {
                                        physicalLocation: {
                                            artifactLocation: { uri: (0,_fs_uri_js__WEBPACK_IMPORTED_MODULE_1__/* .uriPath */ .k)(finding.file) },
                                            region: { startLine: finding.line ?? 1 },
                                        },
                                    },
                                ],
                            }
                            : {}),
                        partialFingerprints: { 'cdmFinding/v1': fingerprint(finding) },
                        properties: { deployable: finding.deployable, snapshot: finding.snapshot, nodePath: finding.nodePath },
                    };
                }),
            },
        ],
    };
}


/***/ }),

/***/ 84896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ gateFailure),
/* harmony export */   R: () => (/* binding */ runGateStep)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _gate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8583);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64012);
/**
 * The gate as an action step runs it, the same in cdm-validate and cdm-upload: the snapshots reported as soon as
 * they are known, the result reported and annotated at the end, and the failure the step ends with. Each action maps
 * what is reported to its own outputs.
 */



/** How long a requested validation may show no sign of starting. */
const START_GRACE_MS = 10_000;
async function runGateStep(settings, deps) {
    const { runtime } = deps;
    const result = await (0,_gate_js__WEBPACK_IMPORTED_MODULE_1__/* .runValidationGate */ .g)({ ...settings, startGraceMs: START_GRACE_MS }, {
        client: deps.client,
        connection: deps.connection,
        runtime,
        toolVersion: process.env.GITHUB_ACTION_REF || undefined,
        report: ({ snapshots, allFound }) => {
            if (snapshots)
                deps.report({ snapshots: [...snapshots], allFound: allFound ?? false });
        },
    });
    deps.report({ snapshots: result.snapshots, allFound: true, result });
    (0,_report_js__WEBPACK_IMPORTED_MODULE_2__/* .noticeShortenedFindings */ .lU)(result, runtime.logger);
    (0,_report_js__WEBPACK_IMPORTED_MODULE_2__/* .annotateFindings */ .dv)(result.findings, runtime.logger);
    if (result.passed)
        runtime.logger.info(`Policy validation passed: ${result.status}.`);
    return result;
}
/** The error a failed gate ends the step with; undefined when it passed. */
function gateFailure(result) {
    if (result.passed)
        return undefined;
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JobFailedError */ .dk(`The policy validation gate failed (${result.status})`, {
        jobId: 'Policy validation',
        state: result.status,
        errors: result.problems,
        hint: 'Each finding is an annotation and a row of the results file',
    });
}


/***/ }),

/***/ 22213:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ gateRunResults)
/* harmony export */ });
/* harmony import */ var _sarif_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(70737);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33953);
/* harmony import */ var _locate_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93548);



const SEVERITIES = {
    failure: 'major',
    warning: 'minor',
    exception: 'info',
    information: 'info',
};
const FAILED_STATES = new Set(['failed', 'execution_error', 'not_validated']);
/**
 * `uploadedFiles` and `workspace` place a finding that maps to no file: on line 1 of the uploaded file when there is
 * exactly one, otherwise it is left out of the findings (it stays in the test cases and the results file).
 */
function gateRunResults(result, uploadedFiles, workspace) {
    const testCases = [];
    for (const snapshot of result.snapshots) {
        const suite = `${snapshot.deployable} / ${snapshot.name}`;
        const status = (0,_types_js__WEBPACK_IMPORTED_MODULE_2__/* .snapshotStatus */ .x)(snapshot);
        testCases.push({
            suite,
            classname: snapshot.deployable,
            name: `validation of ${snapshot.name}`,
            failure: FAILED_STATES.has(status) ? `Validation ${snapshot.didNotStart ? 'did not start' : status}` : undefined,
        });
        const byPolicy = new Map();
        for (const finding of result.findings) {
            if (finding.deployable !== snapshot.deployable || finding.snapshot !== snapshot.name)
                continue;
            byPolicy.set(finding.policy, [...(byPolicy.get(finding.policy) ?? []), finding]);
        }
        for (const [policy, findings] of byPolicy) {
            const failures = findings.filter((f) => f.severity === 'failure');
            testCases.push({
                suite,
                classname: snapshot.deployable,
                name: policy,
                failure: failures.length ? failures.map(findingLine).join('\n') : undefined,
            });
        }
    }
    return { testCases, findings: codeQualityFindings(result.findings, uploadedFiles, workspace) };
}
function findingLine(finding) {
    const where = finding.file ? `${finding.file}:${finding.line ?? 1}` : `node ${finding.nodePath || 'unknown'}`;
    return `${where}: ${finding.description}`;
}
function codeQualityFindings(findings, uploadedFiles, workspace) {
    const onlyFile = uploadedFiles.length === 1 ? (0,_locate_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryPath */ .SH)(uploadedFiles[0].file, workspace) : undefined;
    const seen = new Set();
    const kept = [];
    for (const finding of findings) {
        const path = finding.file ?? onlyFile;
        const id = (0,_sarif_js__WEBPACK_IMPORTED_MODULE_0__/* .fingerprint */ .Rj)(finding);
        // Code Quality needs a location and a fingerprint unique in the report.
        if (!path || seen.has(id))
            continue;
        seen.add(id);
        kept.push({
            description: finding.description,
            checkName: finding.policy,
            fingerprint: id,
            severity: SEVERITIES[finding.severity],
            path,
            line: finding.file ? (finding.line ?? 1) : 1,
        });
    }
    return kept;
}


/***/ }),

/***/ 33953:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ worstStatus),
/* harmony export */   x: () => (/* binding */ snapshotStatus)
/* harmony export */ });
/** Gate statuses, worst first: the `validation-status` output is the worst across the gated snapshots. */
const GATE_STATUSES = ['failed', 'execution_error', 'not_validated', 'passed_with_exception', 'passed'];
function worstStatus(statuses) {
    return statuses.reduce((worst, status) => (GATE_STATUSES.indexOf(status) < GATE_STATUSES.indexOf(worst) ? status : worst), 'passed');
}
/** The snapshot's contribution to the gate status. */
function snapshotStatus(snapshot) {
    if (snapshot.didNotStart)
        return 'not_validated';
    return GATE_STATUSES.includes(snapshot.validation)
        ? snapshot.validation
        : 'not_validated';
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

//# sourceMappingURL=484.index.js.map