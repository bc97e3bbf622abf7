export const id = 570;
export const ids = [570];
export const modules = {

/***/ 58570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promoteOutputs: () => (/* binding */ promoteOutputs),
  run: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: ./shared/fs/file-name.ts
var file_name = __webpack_require__(65070);
// EXTERNAL MODULE: ./shared/report/known.ts
var report_known = __webpack_require__(1854);
;// CONCATENATED MODULE: ./actions/dev2prod-promote/src/test-results.ts
function promoteRunResults(result) {
    const runs = [
        ['dry run', result.dryRun],
        ['import', result.import],
    ];
    const testCases = runs.flatMap(([label, run]) => (run ? importTestCases(`${label} ${run.id}`, run) : []));
    return testCases.length ? { testCases, findings: [] } : undefined;
}
function importTestCases(suite, run) {
    const cases = run.status.results.map((pkg) => {
        const failed = Math.max(pkg.statistics.Failed ?? 0, pkg.failed);
        const why = [...(failed ? [`${failed} item(s) failed`] : []), ...pkg.errors];
        return { suite, name: pkg.packageName || 'unnamed package', failure: why.length ? why.join('\n') : undefined };
    });
    if (!cases.length || (!run.judgement.passed && !cases.some((c) => c.failure !== undefined))) {
        cases.push({ suite, name: suite, failure: run.judgement.passed ? undefined : run.judgement.reasons.join('\n') });
    }
    return cases;
}

// EXTERNAL MODULE: ./shared/report/outputs.ts
var report_outputs = __webpack_require__(59747);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
;// CONCATENATED MODULE: ./shared/report/pr-comment.ts
/**
 * A pull-request comment that a re-run updates instead of repeating (like a plan comment): found again by a hidden
 * marker. The body passes the same redaction as the log, since vendor messages in it may echo a credential.
 * Failure to comment warns; it never fails the step.
 */

/** GitHub refuses a comment over 65,536 characters; a body built with Summary stays under this many bytes. */
const COMMENT_BUDGET_BYTES = 60_000;
async function upsertPullRequestComment(comment, logger) {
    try {
        // Loaded on demand: the GitHub client is large and most runs do not comment.
        const github = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(351)]).then(__webpack_require__.bind(__webpack_require__, 61351));
        const { context } = github;
        const number = context.payload.pull_request?.number;
        if (!number) {
            logger.info(`comment-on-pr: this run is for a ${context.eventName || 'non-pull-request'} event, not a pull request; no comment.`);
            return;
        }
        const marker = `<!-- config-promotion-actions: ${comment.key.replace(/--/g, '-')} -->`;
        const body = `${marker}\n${logger.redact(comment.body)}`;
        const octokit = github.getOctokit(comment.token);
        const { owner, repo } = context.repo;
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: number,
            per_page: 100,
        });
        const existing = comments.find((c) => c.body?.includes(marker));
        if (existing) {
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
            logger.info(`Updated the comment on pull request #${number}.`);
        }
        else {
            await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
            logger.info(`Commented on pull request #${number}.`);
        }
    }
    catch (error) {
        logger.warning(`Could not comment on the pull request: ${(0,errors/* errorMessage */.gJ)(error)}. The job summary has the same report; check that github-token may write pull requests (permissions: pull-requests: write).`, 'Pull request comment not posted');
    }
}

// EXTERNAL MODULE: ./shared/frame/run.ts + 1 modules
var run = __webpack_require__(91625);
// EXTERNAL MODULE: ./shared/report/markdown.ts
var markdown = __webpack_require__(90216);
// EXTERNAL MODULE: ./shared/report/summary.ts
var report_summary = __webpack_require__(32505);
// EXTERNAL MODULE: ./shared/runtime.ts
var shared_runtime = __webpack_require__(65742);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./shared/html.ts
var html = __webpack_require__(81205);
;// CONCATENATED MODULE: ./shared/fs/zip.ts
/** Telling a zip archive (a SMAX package) from what arrives instead: nothing, an HTML page, or other bytes. */


/** A local file header: every zip archive with content starts with it. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Enough of a file to find an HTML page's title. */
const HEAD_BYTES = 8192;
/**
 * What is wrong with a file that should be a zip archive, from its first bytes (and the answer's content type, for a
 * download), said of the file ("is empty", "is an HTML page ..."); undefined when it starts like one.
 */
function zipProblem(head, contentType, quoteStart = true) {
    if (head.length === 0)
        return 'is empty';
    const text = head.toString('latin1');
    if ((0,html/* isHtml */._6)(contentType, text)) {
        const title = (0,html/* htmlTitle */.ih)(text);
        return `is an HTML page${title ? ` titled '${title}'` : ' without a title'}${contentType ? ` (${contentType})` : ''}, not a zip archive: a login page or an error page came instead of the file`;
    }
    if (head.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE))
        return undefined;
    if (!quoteStart)
        return 'is not a zip archive: it does not start with PK\\x03\\x04';
    const start = head.subarray(0, 16);
    const shown = /^[\x20-\x7e\t\r\n]*$/.test(start.toString('latin1'))
        ? `'${start.toString('latin1').replace(/\s+/g, ' ')}'`
        : `0x${start.toString('hex')}`;
    return `is not a zip archive: it starts with ${shown}${contentType ? ` (${contentType})` : ''}, where a zip archive starts with PK\\x03\\x04`;
}
/** The problem with a file on disk that should be a zip archive, as zipProblem says it (never quoting its bytes). */
async function zipFileProblem(file) {
    const handle = await (0,promises_.open)(file, 'r');
    try {
        const head = Buffer.alloc(HEAD_BYTES);
        const { bytesRead } = await handle.read(head, 0, head.length, 0);
        return zipProblem(head.subarray(0, bytesRead), undefined, false);
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: ./shared/http/body.ts
var http_body = __webpack_require__(52311);
// EXTERNAL MODULE: ./shared/http/client.ts + 5 modules
var client = __webpack_require__(22165);
// EXTERNAL MODULE: ./shared/http/transfer.ts
var transfer = __webpack_require__(61320);
// EXTERNAL MODULE: ./shared/json.ts
var json = __webpack_require__(58550);
;// CONCATENATED MODULE: ./shared/vendors/smax/session.ts




/** SMAX error bodies are not documented; these are the shapes its services use. */
function readSmaxMessage(body) {
    if (!(0,http_body/* isRecord */.u4)(body))
        return undefined;
    for (const key of ['message', 'errorMessage', 'error_description', 'error', 'Message']) {
        const value = body[key];
        if (typeof value === 'string' && value)
            return value;
        if ((0,http_body/* isRecord */.u4)(value) && typeof value.message === 'string')
            return value.message;
    }
    return undefined;
}
const LOGIN_PATH = '/auth/authentication-endpoint/authenticate/token';
/** Real tokens are a few hundred characters to a few KB; anything far longer is not one. */
const MAX_TOKEN_CHARS = 16_384;
/** What a cookie value may hold: printable ASCII without space, quote, comma, semicolon or backslash. */
const TOKEN_CHARS = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/;
const URL_HINT = 'Check source-url/target-url: they must be the SMAX server address';
/**
 * The token in a login answer, which is the whole body. A single sign-on page or any other text is not one: it
 * would otherwise become the cookie of every later call.
 */
function loginToken(response, url) {
    const fail = (vendorMessage, hint, kind) => new errors/* ApiError */.hD({ method: 'POST', url, status: response.status, vendorMessage, hint, kind });
    const text = response.text.trim();
    const contentType = response.headers['content-type'];
    if ((0,html/* isHtml */._6)(contentType, text)) {
        throw fail(`the login answered ${(0,html/* describeHtml */.rP)(text).replace(/ instead of JSON/, ' instead of a token')}`, `${URL_HINT}, and the user must be able to log in to SMAX directly (not only through single sign-on)`, 'html');
    }
    if (!text)
        throw fail('the login answered without a token', URL_HINT, 'unexpected');
    if (text.length > MAX_TOKEN_CHARS || !TOKEN_CHARS.test(text)) {
        // Not quoted: whatever it is, it answered a request carrying the password.
        const what = text.length > MAX_TOKEN_CHARS
            ? `${text.length} characters, too long for one`
            : `${text.length} characters with spaces, quotes or other characters a token does not have`;
        throw fail(`unexpected login answer: the body (${contentType ?? 'no content type'}, ${what}) is not a token`, URL_HINT, 'unexpected');
    }
    return text;
}
function smaxSession(tenant, runtime) {
    const login = new client/* ApiClient */.O({
        baseUrl: tenant.url,
        urlInput: tenant.urlInput,
        runtime,
        readVendorMessage: readSmaxMessage,
        hintFor: (status) => status === 401 || status === 403
            ? `Login to tenant ${tenant.tenantId} as '${tenant.username}' was refused: check the user name, password and tenant id`
            : undefined,
    });
    let token;
    const signIn = async () => {
        const response = await login.send({
            method: 'POST',
            path: LOGIN_PATH,
            query: { TENANTID: tenant.tenantId },
            json: { login: tenant.username, password: tenant.password },
            what: `log in to tenant ${tenant.tenantId}`,
            // A login creates nothing that matters twice, so it is retried like a read.
            startsJob: false,
        });
        token = loginToken(response, login.displayUrl({ path: LOGIN_PATH, query: { TENANTID: tenant.tenantId } }));
        runtime.logger.mask(token);
    };
    return {
        description: `SMAX user '${tenant.username}' on tenant ${tenant.tenantId}`,
        headers: async () => {
            if (!token)
                await signIn();
            return { Cookie: `SMAX_AUTH_TOKEN=${token}; TENANTID=${tenant.tenantId}` };
        },
        renew: async () => {
            runtime.logger.info(`Tenant ${tenant.tenantId} answered 401: logging in again.`);
            await signIn();
            return true;
        },
    };
}

;// CONCATENATED MODULE: ./shared/vendors/smax/import-status.ts
/**
 * Reading a Dev2Prod import (or dry run) status body. The gate is decided from it, so nothing is guessed: counts
 * sent as strings are read as numbers, every other odd value (a negative or fractional count too) is kept as a
 * problem the judgement fails on, and failures are collected from every place they can show (Totals, each result's
 * statistics, Errors and Failed, and any message about the whole job).
 */



/** How much of an odd Errors or Warnings value a message quotes. */
const QUOTE_CHARS = 500;
/** The parts of a status body that decide the gate; `Status` has been checked by the caller. */
function readImportStatus(body) {
    const unreadable = [];
    const rawResults = body.Results;
    let results = [];
    if (Array.isArray(rawResults)) {
        results = rawResults.map((entry, index) => readResult(entry, `Results[${index}]`, unreadable));
    }
    else if (rawResults !== undefined && rawResults !== null) {
        unreadable.push(`Results is ${(0,json/* describeValue */.bp)(rawResults)}`);
    }
    let totals;
    if ((0,http_body/* isRecord */.u4)(body.Totals))
        totals = counts(body.Totals, 'Totals', unreadable);
    else if (body.Totals !== undefined && body.Totals !== null)
        unreadable.push(`Totals is ${(0,json/* describeValue */.bp)(body.Totals)}`);
    return {
        status: body.Status,
        dryRun: flag(body.DryRun, 'DryRun', unreadable),
        studioLocked: flag(body.StudioLocked, 'StudioLocked', unreadable),
        systemLocked: flag(body.SystemLocked, 'SystemLocked', unreadable),
        results,
        totals,
        errors: texts(body.Errors, 'Errors', unreadable),
        warnings: texts(body.Warnings, 'Warnings', unreadable),
        unreadable,
        rawResults: rawResults ?? [],
        rawTotals: body.Totals ?? {},
        message: jobMessage(body, unreadable),
    };
}
/** Where a status answer can carry a message about the whole job; none is documented, so each is read. */
const MESSAGE_FIELDS = ['ErrorMessage', 'Error', 'errorMessage', 'error', 'error_description', 'message', 'Message'];
/**
 * Every message the answer carries about the whole job, joined: a finished job with one is not a clean one, so
 * none may be dropped because another came first or because it arrived as an object.
 */
function jobMessage(body, unreadable) {
    const found = new Set();
    for (const field of MESSAGE_FIELDS)
        for (const text of texts(body[field], field, unreadable))
            found.add(text);
    return found.size ? [...found].join('; ') : undefined;
}
function readResult(entry, where, unreadable) {
    if (!(0,http_body/* isRecord */.u4)(entry)) {
        unreadable.push(`${where} is ${(0,json/* describeValue */.bp)(entry)}`);
        return { packageName: where, statistics: {}, failed: 0, errors: [], warnings: [] };
    }
    const packageName = typeof entry.PackageName === 'string' && entry.PackageName ? entry.PackageName : where;
    let statistics = {};
    if ((0,http_body/* isRecord */.u4)(entry.Statistics))
        statistics = counts(entry.Statistics, `${where}.Statistics`, unreadable);
    else if (entry.Statistics !== undefined && entry.Statistics !== null)
        unreadable.push(`${where}.Statistics is ${(0,json/* describeValue */.bp)(entry.Statistics)}`);
    let failed = 0;
    if (entry.Failed === true)
        failed = 1;
    else if (entry.Failed !== false)
        failed = count(entry.Failed, `${where}.Failed`, unreadable) ?? 0;
    return {
        packageName,
        statistics,
        failed,
        errors: texts(entry.Errors, `${where}.Errors`, unreadable),
        warnings: texts(entry.Warnings, `${where}.Warnings`, unreadable),
    };
}
/** Every field of a statistics object must be a count. */
function counts(value, where, unreadable) {
    const read = {};
    for (const [name, raw] of Object.entries(value)) {
        const counted = count(raw, `${where}.${name}`, unreadable);
        if (counted !== undefined)
            read[name] = counted;
    }
    return read;
}
/**
 * A count: a whole number, 0 or more, sent as a number or as text. Anything else is kept as a problem and left out,
 * so a -2 cannot cancel another package's 2 in a sum.
 */
function count(raw, where, unreadable) {
    const read = (0,json/* vendorNumber */.Ue)(raw);
    if (read.kind === 'unreadable')
        unreadable.push(`${where} is ${read.got}`);
    if (read.kind !== 'number')
        return undefined;
    if (Number.isSafeInteger(read.value) && read.value >= 0)
        return read.value;
    unreadable.push(`${where} is ${read.value}, not a count (a whole number, 0 or more)`);
    return undefined;
}
function flag(value, where, unreadable) {
    if (typeof value === 'boolean')
        return value;
    if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
        return value.trim().toLowerCase() === 'true';
    if (value !== undefined && value !== null)
        unreadable.push(`${where} is ${(0,json/* describeValue */.bp)(value)}`);
    return undefined;
}
/**
 * Errors and Warnings have no documented shape: a list (of strings, or objects shown as their message or JSON), a
 * single string, or anything else non-empty, which is kept as one entry showing what it holds.
 */
function texts(value, where, unreadable) {
    if (value === undefined || value === null || value === '' || value === 0 || value === false)
        return [];
    if (typeof value === 'string')
        return [value];
    if (Array.isArray(value)) {
        return value
            .filter((item) => item !== null && item !== undefined && item !== '')
            .map((item) => typeof item === 'string' ? item : ((0,http_body/* isRecord */.u4)(item) && readSmaxMessage(item)) || (0,json/* jsonText */.s$)(item, QUOTE_CHARS));
    }
    if ((0,http_body/* isRecord */.u4)(value)) {
        if (!Object.keys(value).length)
            return [];
        return [readSmaxMessage(value) || (0,json/* jsonText */.s$)(value, QUOTE_CHARS)];
    }
    unreadable.push(`${where} is ${(0,json/* describeValue */.bp)(value)}`);
    return [`${where}: ${(0,json/* jsonText */.s$)(value, QUOTE_CHARS)}`];
}

;// CONCATENATED MODULE: ./shared/vendors/smax/dev2prod.ts








/** The documents ask for this agent on uploads. */
const UPLOAD_USER_AGENT = 'Apache-HttpClient/4.4.1';
/** A package download or upload may be slow to start and long; only silence this long gives up. */
const TRANSFER_IDLE_TIMEOUT_MS = 300_000;
/**
 * The job states of exports and imports. Only COMPLETED is documented; states naming a failure are failures, and
 * the running states are the ones SMAX is known to send (any other is waited on, with a warning).
 */
const SMAX_JOB_STATES = {
    running: ['IN_PROGRESS', 'RUNNING', 'PENDING', 'QUEUED', 'STARTED', 'NEW'],
    done: ['COMPLETED'],
};
function smaxClient(tenant, runtime) {
    return new client/* ApiClient */.O({
        baseUrl: tenant.url,
        urlInput: tenant.urlInput,
        runtime,
        auth: smaxSession(tenant, runtime),
        readVendorMessage: readSmaxMessage,
        unexpectedAnswerHint: 'Check that the URL is the SMAX server address and the tenant id is right',
        checkHint: `look for it in Dev2Prod on tenant ${tenant.tenantId} at ${tenant.url}`,
        hintFor: (status) => {
            if (status === 401)
                return `Tenant ${tenant.tenantId} refused '${tenant.username}' even after logging in again: check the credentials`;
            if (status === 403)
                return `'${tenant.username}' may not use Dev2Prod on tenant ${tenant.tenantId}: it needs the tenant admin role`;
            if (status === 404)
                return `Check the tenant id (${tenant.tenantId}) and the package or file id`;
            return undefined;
        },
    });
}
async function startExport(client, tenantId, packageId) {
    const spec = {
        method: 'POST',
        path: `/rest/${encodeURIComponent(tenantId)}/dev2prod/export/types/${encodeURIComponent(packageId)}`,
        json: {},
        what: `export package ${packageId}`,
    };
    return idOf(await client.json(spec), client, spec);
}
async function getExport(client, tenantId, exportId) {
    const spec = {
        method: 'GET',
        path: `/rest/${encodeURIComponent(tenantId)}/dev2prod/export/${encodeURIComponent(exportId)}`,
        what: 'read the export status',
    };
    const body = client.objectIn(await client.json(spec), spec);
    if (typeof body.Status !== 'string')
        throw client.unexpectedAnswer(spec, 'Status is missing');
    checkJobId(body, exportId, 'export', client, spec);
    const statistics = Array.isArray(body.Statistics) ? body.Statistics.filter(http_body/* isRecord */.u4) : [];
    return {
        status: body.Status,
        fileId: (0,json/* nonEmptyString */.y0)(body.FileId),
        packageBundleName: (0,json/* nonEmptyString */.y0)(body.PackageBundleName),
        itemCount: countOf(body.ItemCount),
        statistics: statistics.map((s) => ({
            packageName: (0,json/* scalarText */.ws)(s.PackageName),
            itemCount: countOf(s.ItemCount),
        })),
        message: readSmaxMessage(body) ?? (0,json/* nonEmptyString */.y0)(body.ErrorMessage) ?? (0,json/* nonEmptyString */.y0)(body.Error),
    };
}
/** Streams the file repository's file to `destination`. */
function downloadAttachment(client, tenantId, fileId, destination) {
    const spec = {
        method: 'GET',
        path: `/rest/${encodeURIComponent(tenantId)}/ces/attachment/${encodeURIComponent(fileId)}`,
        headers: { Accept: '*/*' },
        what: 'download the package',
        timeoutMs: TRANSFER_IDLE_TIMEOUT_MS,
    };
    return (0,transfer/* downloadToFile */.Q)(client, spec, destination, {
        bytes: HEAD_BYTES,
        problem: zipProblem,
        hint: 'Check that the source user may read the file repository (a session that expired or a single sign-on page answers with HTML), then run again',
    });
}
/** Streams a file from disk into the tenant's file repository; returns its new id (`guid`). */
async function uploadAttachment(client, tenantId, file) {
    const spec = {
        method: 'POST',
        path: `/rest/${encodeURIComponent(tenantId)}/ces/attachment`,
        body: await (0,transfer/* multipartFileBody */.Zg)({ field: 'files[]', filePath: file, contentType: 'application/zip' }),
        headers: { 'User-Agent': UPLOAD_USER_AGENT },
        what: 'upload the package',
        timeoutMs: TRANSFER_IDLE_TIMEOUT_MS,
    };
    const body = client.objectIn(await client.json(spec), spec);
    if (body.success === false) {
        throw new errors/* ApiError */.hD({
            method: 'POST',
            url: client.displayUrl(spec),
            status: 200,
            vendorMessage: `the file repository refused the package: ${readSmaxMessage(body) ?? (0,json/* jsonText */.s$)(body, 500)}`,
            hint: 'Check the package file and the target tenant, then run again',
        });
    }
    const fileId = (0,json/* nonEmptyString */.y0)(body.guid) ?? (0,json/* nonEmptyString */.y0)(body.Id) ?? (0,json/* nonEmptyString */.y0)(body.id);
    if (!fileId)
        throw client.unexpectedAnswer(spec, 'the answer has no guid');
    return fileId;
}
async function startImport(client, tenantId, fileId, dryRun) {
    const spec = {
        method: 'POST',
        path: `/rest/${encodeURIComponent(tenantId)}/dev2prod/import`,
        query: { dryRun: dryRun ? 'true' : undefined },
        json: { FileId: fileId },
        what: dryRun ? 'start the dry run' : 'start the import',
    };
    return idOf(await client.json(spec), client, spec);
}
/**
 * The status of import `importId`, started as a dry run or not (`dryRun`). An answer about another job, or one whose
 * DryRun says otherwise, fails: its result must not decide this job's gate.
 */
async function getImport(client, tenantId, importId, dryRun) {
    const spec = {
        method: 'GET',
        path: `/rest/${encodeURIComponent(tenantId)}/dev2prod/import/${encodeURIComponent(importId)}`,
        what: 'read the import status',
    };
    const body = client.objectIn(await client.json(spec), spec);
    if (typeof body.Status !== 'string')
        throw client.unexpectedAnswer(spec, 'Status is missing');
    const label = dryRun ? 'dry run' : 'import';
    checkJobId(body, importId, label, client, spec);
    const status = { ...readImportStatus({ ...body, Status: body.Status }), fileId: (0,json/* nonEmptyString */.y0)(body.FileId) };
    if (status.dryRun !== undefined && status.dryRun !== dryRun) {
        throw jobMismatch(client, spec, `the status of ${label} ${importId} says DryRun: ${status.dryRun}: it is ${status.dryRun ? 'a dry run' : 'a real import'}, not ${dryRun ? 'a dry run' : 'a real import'}`);
    }
    return status;
}
/** The status answer's own id (`Id` or `id`), when it carries one, must be the job asked about. */
function checkJobId(body, expected, label, client, spec) {
    for (const key of ['Id', 'id']) {
        const value = body[key];
        if (value === undefined || value === null || (0,json/* scalarText */.ws)(value) === expected)
            continue;
        throw jobMismatch(client, spec, `asked for ${label} ${expected}, the answer is about ${key} ${(0,json/* describeValue */.bp)(value, 100)}`);
    }
}
function jobMismatch(client, spec, what) {
    return new errors/* ApiError */.hD({
        method: spec.method,
        url: client.displayUrl(spec),
        status: 200,
        vendorMessage: `unexpected answer: ${what}`,
        hint: 'The answer cannot decide this job, so the step stops here. A cache or proxy between the runner and SMAX may have mixed up answers: look at the job in Package Manager on the tenant',
    });
}
function idOf(body, client, spec) {
    const answer = client.objectIn(body, spec);
    const id = (0,json/* nonEmptyString */.y0)(answer.Id) ?? (0,json/* nonEmptyString */.y0)(answer.id);
    if (!id)
        throw client.unexpectedAnswer(spec, 'Id is missing');
    return id;
}
/** A count sent as a number or as text; undefined when absent or unreadable (it only informs, never gates). */
function countOf(value) {
    const count = (0,json/* vendorNumber */.Ue)(value);
    return count.kind === 'number' ? count.value : undefined;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/fs/workspace.ts
var workspace = __webpack_require__(44333);
// EXTERNAL MODULE: ./shared/poll/poll.ts
var poll = __webpack_require__(86373);
// EXTERNAL MODULE: ./shared/report/artifact.ts
var report_artifact = __webpack_require__(49771);
// EXTERNAL MODULE: ./shared/fs/atomic.ts + 1 modules
var atomic = __webpack_require__(50829);
// EXTERNAL MODULE: ./shared/fs/output-file.ts
var output_file = __webpack_require__(99434);
// EXTERNAL MODULE: ./shared/poll/job.ts
var poll_job = __webpack_require__(30513);
// EXTERNAL MODULE: ./shared/poll/states.ts
var states = __webpack_require__(94690);
;// CONCATENATED MODULE: ./actions/dev2prod-promote/src/judge.ts
/** Whether a dry run or an import passed, and how it reads in annotations, the summary and a PR comment. */


/** How errors, warnings and messages that belong to no one package are titled. */
const WHOLE_JOB = 'all packages';
/**
 * Passes only when Status is COMPLETED with no message about the job, Totals is there with a Failed count of 0 and
 * agrees with the sum over the packages, nothing failed in any result (its statistics or its own Failed), no errors
 * are reported anywhere (nor warnings, when asked), and every count could be read as a whole number, 0 or more.
 * Counts sent as text ("3") count like numbers.
 */
function judgeImport(status, failOnWarnings) {
    const reasons = [];
    const completed = (0,states/* sameState */.yY)(status.status, 'COMPLETED');
    if (!completed)
        reasons.push(`status ${status.status}${status.message ? ` (${status.message})` : ''}`);
    else if (status.message)
        reasons.push(`SMAX's message: ${status.message}`);
    for (const odd of status.unreadable)
        reasons.push(`unreadable answer: ${odd}`);
    if (completed && !status.totals)
        reasons.push('the finished job reported no Totals, so its failures cannot be counted');
    else if (completed && status.totals && status.totals.Failed === undefined)
        reasons.push('Totals has no Failed count, so its failures cannot be counted');
    reasons.push(...totalsDisagreements(status));
    const fromTotals = status.totals?.Failed ?? 0;
    const fromResults = status.results.reduce((n, r) => n + (r.statistics.Failed ?? 0) + r.failed, 0);
    const failed = Math.max(fromTotals, fromResults);
    if (failed !== 0)
        reasons.push(`${failed} item(s) failed`);
    const errors = allErrors(status).length;
    if (errors > 0)
        reasons.push(`${errors} error(s)`);
    const warnings = allWarnings(status).length;
    if (failOnWarnings && warnings > 0)
        reasons.push(`${warnings} warning(s), and fail-on-warnings is on`);
    return { passed: reasons.length === 0, reasons };
}
/** Each statistic whose Totals differs from the sum over the packages (a statistic Totals leaves out counts as 0). */
function totalsDisagreements(status) {
    const totals = status.totals;
    if (!totals)
        return [];
    const names = new Set([...Object.keys(totals), ...status.results.flatMap((r) => Object.keys(r.statistics))]);
    const found = [];
    for (const name of names) {
        const sum = status.results.reduce((n, r) => n + (r.statistics[name] ?? 0), 0);
        const total = totals[name];
        if (total === undefined ? sum !== 0 : total !== sum)
            found.push(`Totals.${name} is ${total ?? 'missing'}, but the packages add up to ${sum}`);
    }
    return found;
}
/** Each error with the package it belongs to (errors given outside Results belong to the whole job). */
function allErrors(status) {
    return [
        ...status.errors.map((text) => ({ packageName: WHOLE_JOB, text })),
        ...status.results.flatMap((r) => r.errors.map((text) => ({ packageName: r.packageName, text }))),
    ];
}
function allWarnings(status) {
    return [
        ...status.warnings.map((text) => ({ packageName: WHOLE_JOB, text })),
        ...status.results.flatMap((r) => r.warnings.map((text) => ({ packageName: r.packageName, text }))),
    ];
}
/** Another Dev2Prod operation held the target's lock: the package itself may be fine. */
const TENANT_LOCKED = /locked by another Dev2Prod operation|lock timeout/i;
/**
 * What to do about a dry run or import that did not pass. A tenant busy with another operation needs only a wait
 * and a re-run of the same file; anything else needs the package fixed at its source.
 */
function nextStep(status, fileId, otherwise) {
    const texts = [status.message ?? '', ...allErrors(status).map((e) => e.text)];
    if (texts.some((text) => TENANT_LOCKED.test(text)))
        return `The target tenant was locked by another Dev2Prod operation: wait for that operation to finish, then re-run with file-id: ${fileId} (the package is already on the target; no new export is needed)`;
    return otherwise;
}
/** One error annotation per error, one warning per warning, titled with the package. */
function annotate(label, status, logger) {
    if (status.message)
        logger.error(status.message, `${label}: ${WHOLE_JOB}`);
    for (const error of allErrors(status))
        logger.error(error.text, `${label}: ${error.packageName}`);
    for (const warning of allWarnings(status))
        logger.warning(warning.text, `${label}: ${warning.packageName}`);
}
const STATISTICS = ['Added', 'Modified', 'Removed', 'Failed', 'Skipped'];
/** Where a report cut to the summary's budget says every row is. */
const ALL_RESULTS = "the step's results output holds every package's result, errors and warnings";
/**
 * Adds to `report` a table per package (the statistics present; totals first, so a cut table keeps them), locks,
 * errors and warnings.
 */
function importReport(report, title, status, judgement) {
    const columns = STATISTICS.filter((name) => (status.totals && name in status.totals) || status.results.some((result) => name in result.statistics));
    // A statistic a package leaves out counts as 0 (as the judgement counts it), so the cell says 0, not blank.
    const cells = (values) => values.map((value) => String(value ?? 0));
    report.heading(`${title}: ${judgement.passed ? 'passed' : 'did not pass'}`, 3);
    if (!judgement.passed)
        report.text(`Why: ${judgement.reasons.join('; ')}.`);
    return report
        .table(['Package', ...columns, 'Errors', 'Warnings'], [
        [
            (0,markdown/* bold */.Cr)('Total'),
            ...columns.map((c) => (status.totals ? (0,markdown/* bold */.Cr)(status.totals[c] ?? 0) : '')),
            (0,markdown/* bold */.Cr)(allErrors(status).length),
            (0,markdown/* bold */.Cr)(allWarnings(status).length),
        ],
        ...status.results.map((r) => cells([r.packageName, ...columns.map((c) => r.statistics[c]), r.errors.length, r.warnings.length])),
    ], { align: ['left', ...columns.map(() => 'right'), 'right', 'right'], rest: ALL_RESULTS })
        .text(`Status ${status.status}; StudioLocked ${status.studioLocked ?? 'unknown'}; SystemLocked ${status.systemLocked ?? 'unknown'}.`)
        .list([
        ...(status.message ? [(0,markdown.md) `❌ ${(0,markdown/* bold */.Cr)(WHOLE_JOB)}: ${status.message}`] : []),
        ...allErrors(status).map((e) => (0,markdown.md) `❌ ${(0,markdown/* bold */.Cr)(e.packageName)}: ${e.text}`),
        ...allWarnings(status).map((w) => (0,markdown.md) `⚠️ ${(0,markdown/* bold */.Cr)(w.packageName)}: ${w.text}`),
    ], { rest: ALL_RESULTS });
}

;// CONCATENATED MODULE: ./actions/dev2prod-promote/src/imports.ts
/**
 * One dry run or real import on the target: started with a file, or one started earlier followed by its id; polled
 * to its end, annotated and judged. A job started earlier names its own file, which must match a file-id given.
 */




async function runImport(client, target, job, deps) {
    const { runtime, learned } = deps;
    const { dryRun } = job;
    const label = dryRun ? 'Dry run' : 'Import';
    const input = dryRun ? 'dry-run-import-id' : 'import-id';
    let id;
    if (job.startedId === undefined) {
        id = await startImport(client, target.tenantId, job.fileId, dryRun);
        learned(dryRun ? { dryRunId: id } : { importId: id });
        runtime.logger.info(`${label} ${id} of file ${job.fileId} started on tenant ${target.tenantId}.`);
    }
    else {
        id = job.startedId;
        learned(dryRun ? { dryRunId: id } : { importId: id });
        runtime.logger.info(`Following ${label.toLowerCase()} ${id}, started earlier on tenant ${target.tenantId}.`);
    }
    const { status } = await (0,poll_job/* waitForJob */.q)({
        job: `${label} ${id}`,
        states: SMAX_JOB_STATES,
        check: () => getImport(client, target.tenantId, id, dryRun),
        stateOf: (current) => current.status,
        onEnd: dryRun ? undefined : (final) => learned({ importStatus: final.status }),
        what: `${label.toLowerCase()} ${id}`,
        runtime,
        maxIntervalMs: deps.pollIntervalMs,
        onState: dryRun ? undefined : (state) => learned({ importStatus: state }),
        resumeHint: `The ${label.toLowerCase()} goes on in SMAX: run again with ${input}: ${id} to follow it`,
    });
    const fileId = importedFile(job, id, label, status);
    if (fileId && job.startedId !== undefined)
        learned({ fileId });
    annotate(label, status, runtime.logger);
    return { id, fileId, status, judgement: judgeImport(status, deps.failOnWarnings) };
}
/** The file a job imported: the one this run gave it, or the one its status names, which must match a given one. */
function importedFile(job, id, label, status) {
    if (job.startedId === undefined)
        return job.fileId;
    if (job.fileId && status.fileId && job.fileId !== status.fileId) {
        throw new errors/* JobFailedError */.dk(`${label} ${id} is not an import of file-id ${job.fileId}`, {
            jobId: `${label} ${id}`,
            state: status.status,
            errors: [`file-id is ${job.fileId}, but ${label.toLowerCase()} ${id} imports file ${status.fileId}`],
            hint: `Check ${job.dryRun ? 'dry-run-import-id' : 'import-id'} and file-id: both are outputs of the run that started it`,
        });
    }
    return status.fileId ?? job.fileId;
}

;// CONCATENATED MODULE: ./actions/dev2prod-promote/src/promote.ts
/**
 * The dev2prod-promote flow: export the package on the source, carry the file to the target, dry-run the import,
 * and import only when the dry run passed — each step optional by mode. Never touches @actions/core: it reports
 * what it learns through `report` (for the outputs, the summary and the PR comment) and returns the result.
 */









const MODES = ['export', 'dry-run', 'promote', 'import'];
async function runPromote(config, deps) {
    const { report, runtime } = deps;
    const { logger } = runtime;
    const result = { dryRunOutcome: 'skipped' };
    const learned = (part) => {
        Object.assign(result, part);
        report(part);
    };
    const pkg = config.package;
    if (pkg.kind === 'export') {
        await exportAndDownload(config, pkg, deps, learned);
    }
    else if (pkg.kind === 'file') {
        learned({ packageFile: await (0,atomic/* fileDigest */.hd)(pkg.path) });
    }
    const packageFile = result.packageFile;
    if (config.artifact && packageFile) {
        await deps.uploadArtifact({ ...config.artifact, files: [packageFile.path] });
    }
    if (config.mode === 'export') {
        learned({ dryRunOutcome: 'skipped' });
        return result;
    }
    const target = config.target;
    const client = deps.clientFor(target);
    let fileId = pkg.kind === 'file-id' ? pkg.fileId : undefined;
    if (!fileId && packageFile) {
        logger.info(`Uploading ${external_node_path_.basename(packageFile.path)} (${packageFile.bytes} bytes) to tenant ${target.tenantId}.`);
        fileId = await uploadAttachment(client, target.tenantId, packageFile.path);
    }
    if (fileId)
        learned({ fileId });
    const job = (dryRun) => {
        if (pkg.kind === 'dry-run' || pkg.kind === 'import') {
            const resumed = dryRun ? pkg.kind === 'dry-run' && pkg.dryRunId : pkg.kind === 'import' && pkg.importId;
            if (resumed)
                return { dryRun, startedId: resumed, fileId: pkg.fileId };
        }
        if (!fileId)
            throw new Error('nothing to import: no package, file-id or job started earlier');
        return { dryRun, fileId };
    };
    if (pkg.kind !== 'import' && (config.mode === 'dry-run' || config.mode === 'promote')) {
        const dryRun = await runImport(client, target, job(true), { ...config, runtime, learned });
        fileId = dryRun.fileId;
        learned({ dryRun, dryRunOutcome: dryRun.judgement.passed ? 'passed' : 'failed' });
        if (!dryRun.judgement.passed) {
            throw new errors/* JobFailedError */.dk(`Dry run ${dryRun.id} on tenant ${target.tenantId} did not pass (${dryRun.judgement.reasons.join('; ')}); nothing was imported`, {
                jobId: `Dry run ${dryRun.id}`,
                state: dryRun.status.status,
                errors: [],
                hint: nextStep(dryRun.status, fileId ?? 'the file-id output', 'The errors are annotated by package above; fix them on the source tenant, export again and re-run'),
            });
        }
        logger.info(`Dry run ${dryRun.id} passed.`);
    }
    else {
        learned({ dryRunOutcome: 'skipped' });
    }
    if (config.mode === 'promote' || config.mode === 'import') {
        if (!result.dryRun)
            sayNoDryRun(config, logger);
        const imported = await runImport(client, target, job(false), { ...config, runtime, learned });
        learned({ import: imported });
        if (!imported.judgement.passed) {
            throw new errors/* JobFailedError */.dk(`Import ${imported.id} on tenant ${target.tenantId} did not pass (${imported.judgement.reasons.join('; ')})`, {
                jobId: `Import ${imported.id}`,
                state: imported.status.status,
                errors: [],
                hint: nextStep(imported.status, imported.fileId ?? 'the file-id output', 'The errors are annotated by package above; look at the import in Package Manager on the target tenant'),
            });
        }
        logger.info(`Import ${imported.id} completed on tenant ${target.tenantId}.`);
    }
    return result;
}
/** An import with no dry run in the same run is said out loud; one with no dry run anywhere is a warning. */
function sayNoDryRun(config, logger) {
    if (config.package.kind === 'export') {
        logger.warning('Importing without a dry run (skip-dry-run: true): the package was exported by this run and is imported with no dry run anywhere.', 'Imported without a dry run');
    }
    else if (config.package.kind === 'import') {
        logger.info('Following an import started earlier; this run does no dry run.');
    }
    else {
        logger.info('Importing without a dry run in this run (mode import): the dry run is the earlier job of a gated workflow.');
    }
}
async function exportAndDownload(config, pkg, deps, learned) {
    const { runtime } = deps;
    const { source } = pkg;
    const client = deps.clientFor(source);
    const what = pkg.packageId === undefined ? '' : ` of package ${pkg.packageId}`;
    let exportId;
    if (pkg.exportId === undefined) {
        exportId = await startExport(client, source.tenantId, pkg.packageId);
        learned({ exportId });
        runtime.logger.info(`Export ${exportId}${what} started on tenant ${source.tenantId}.`);
    }
    else {
        exportId = pkg.exportId;
        learned({ exportId });
        runtime.logger.info(`Waiting for export ${exportId}${what}, started earlier on tenant ${source.tenantId}.`);
    }
    const { status: exported } = await (0,poll_job/* waitForJob */.q)({
        job: `Export ${exportId}`,
        states: SMAX_JOB_STATES,
        check: () => getExport(client, source.tenantId, exportId),
        stateOf: (current) => current.status,
        onEnd: (final) => learned({ export: final }),
        failed: (final) => ({
            message: `Export ${exportId}${what} ended ${final.status}`,
            errors: final.message ? [final.message] : [],
            hint: 'Look at the export in Package Manager on the source tenant',
        }),
        what: `export ${exportId}`,
        runtime,
        maxIntervalMs: config.pollIntervalMs,
        resumeHint: `The export goes on in SMAX: run again with export-id: ${exportId} to wait for it, and nothing is exported again`,
    });
    if (!exported.fileId) {
        throw new errors/* JobFailedError */.dk(`Export ${exportId} completed without a FileId`, {
            jobId: `Export ${exportId}`,
            state: exported.status,
            errors: [],
            hint: 'Look at the export in Package Manager on the source tenant',
        });
    }
    const name = (0,file_name/* safeFileName */.Tx)(exported.packageBundleName ?? `package-${pkg.packageId ?? 'export'}-${exportId}`, 'package', '.zip');
    const destination = config.keepEarlierFiles
        ? `${(0,output_file/* unusedPath */.Ax)(config.downloadDir, name.slice(0, -'.zip'.length), ['.zip'])}.zip`
        : external_node_path_.join(config.downloadDir, name);
    const file = await downloadAttachment(client, source.tenantId, exported.fileId, destination);
    learned({ packageFile: file });
    runtime.logger.info(`Downloaded ${file.bytes} bytes to ${file.path} (sha256 ${file.sha256}).`);
}

;// CONCATENATED MODULE: ./actions/dev2prod-promote/src/config.ts
/**
 * dev2prod-promote's inputs, read and checked into the typed config the flow runs with: which package (or which
 * job started earlier), which tenants, and the rules between them — every problem reported before any request.
 */







/** The run's clock starts before the package file is checked: local work counts against timeout too. */
async function readPromoteInputs(inputs, startRuntime) {
    const mode = inputs.choice('mode', MODES, { default: 'promote' }) ?? 'promote';
    const packageId = readId(inputs, 'package-id', 'a Package Manager package id such as 54321');
    const packageFile = inputs.string('package-file');
    const fileId = readId(inputs, 'file-id', 'a file repository id such as 9bf82520-f087-4763-af10-cf1ed38d893d');
    const exportId = readId(inputs, 'export-id', 'an export id such as 67975cd8e4b0c0508491541f');
    const dryRunId = readId(inputs, 'dry-run-import-id', 'an import id such as 67975cd8e4b0c0508491541f');
    const importId = readId(inputs, 'import-id', 'an import id such as 67975cd8e4b0c0508491541f');
    const skipDryRun = inputs.boolean('skip-dry-run', false);
    const resumed = dryRunId ?? importId;
    const exporting = resumed === undefined && (packageId !== undefined || exportId !== undefined);
    checkPackageInputs(inputs, mode, { resumed: inputs.has('dry-run-import-id') || inputs.has('import-id') });
    checkModeRules(inputs, mode, exporting, skipDryRun);
    const sourceInputs = readTenant(inputs, 'source', exporting);
    const source = complete(sourceInputs);
    const targetInputs = mode === 'export' ? undefined : readTenant(inputs, 'target', true, sourceInputs);
    const target = targetInputs && complete(targetInputs);
    const timeoutMs = inputs.duration('timeout', '60m');
    const runtime = startRuntime(timeoutMs);
    const usesFile = resumed === undefined && packageFile !== undefined && !exporting;
    const resolvedPackageFile = usesFile ? await checkPackageFile(inputs, packageFile) : undefined;
    // Only a file inside the workspace is opened to look for the zip signature.
    if (resolvedPackageFile)
        await checkPackageIsZip(inputs, resolvedPackageFile);
    const artifact = (0,report_artifact/* readArtifactInputs */.W)(inputs);
    if (artifact && !exporting && !usesFile)
        inputs.problem('artifact-name', 'needs a package file on disk: give package-id, export-id or package-file');
    const commentOnPr = inputs.boolean('comment-on-pr', false);
    const githubToken = inputs.secret('github-token');
    inputs.requiredWith('github-token', commentOnPr, 'comment-on-pr (the default is the workflow token)');
    const settings = {
        downloadDir: external_node_path_.resolve(inputs.string('download-dir') ?? process.env.RUNNER_TEMP ?? '.'),
        keepEarlierFiles: !inputs.has('download-dir'),
        artifact,
        failOnWarnings: inputs.boolean('fail-on-warnings', false),
        pollIntervalMs: (0,poll/* readPollInterval */.nb)(inputs, '15s'),
        skipDryRun,
    };
    const packageSource = dryRunId !== undefined
        ? { kind: 'dry-run', dryRunId, fileId }
        : importId !== undefined
            ? { kind: 'import', importId, fileId }
            : exporting
                ? source && exportSource(source, packageId, exportId)
                : resolvedPackageFile
                    ? { kind: 'file', path: resolvedPackageFile }
                    : fileId !== undefined
                        ? { kind: 'file-id', fileId }
                        : undefined;
    const { config } = inputs.finish({ config: promoteConfig(mode, packageSource, target, settings) });
    const unused = resumed === undefined ? [] : ['package-id', 'export-id', 'package-file'].filter((n) => inputs.has(n));
    return { config, runtime, borrowedCredentials: targetInputs?.sourceCredentials, unused, commentOnPr, githubToken };
}
/**
 * Where the package comes from: one of package-id (with export-id, or export-id alone: an export started earlier),
 * package-file or file-id; a job started earlier (dry-run-import-id or import-id) already has its file.
 */
function checkPackageInputs(inputs, mode, { resumed }) {
    if (inputs.has('dry-run-import-id') && inputs.has('import-id'))
        inputs.problem('import-id', 'give only one of dry-run-import-id and import-id');
    if (resumed)
        return;
    const exportGiven = inputs.has('package-id') || inputs.has('export-id');
    const given = [
        ...(exportGiven ? [inputs.has('package-id') ? 'package-id' : 'export-id'] : []),
        ...['package-file', 'file-id'].filter((name) => inputs.has(name)),
    ];
    if (!given.length)
        inputs.problem('package-id', 'give package-id (or export-id), package-file or file-id');
    else if (given.length > 1)
        inputs.problem(given[1], `give only one of package-id, package-file and file-id (got ${given.join(', ')})`);
    if (mode === 'export' && (inputs.has('package-file') || inputs.has('file-id')))
        inputs.problem(inputs.has('package-file') ? 'package-file' : 'file-id', 'mode export needs package-id (or export-id)');
}
/** Which resumed job each mode can follow, and the one import that would run without any dry run. */
function checkModeRules(inputs, mode, exporting, skipDryRun) {
    if (inputs.has('dry-run-import-id') && (mode === 'export' || mode === 'import'))
        inputs.problem('dry-run-import-id', `does not apply to mode ${mode}: use mode dry-run to follow the dry run, or mode promote to follow it and import when it passes`);
    if (inputs.has('import-id') && (mode === 'export' || mode === 'dry-run'))
        inputs.problem('import-id', `does not apply to mode ${mode}: use mode import (or promote) to follow an import`);
    // Only `true` is out of place: `false` is action.yml's default, which the runner (and the command) fill into every run.
    inputs.onlyWith('skip-dry-run', mode === 'import' || !skipDryRun, 'mode: import');
    if (mode === 'import' && exporting && !skipDryRun)
        inputs.problem('mode', 'import with package-id would export and import with no dry run anywhere. Use mode: promote (dry run, then ' +
            'import only when it passed), or the two-job pattern: mode: dry-run in one job, then mode: import with its ' +
            'file-id output after an approval. To import without any dry run on purpose, add skip-dry-run: true');
}
function exportSource(source, packageId, exportId) {
    if (exportId !== undefined)
        return { kind: 'export', source, packageId, exportId };
    return packageId === undefined ? undefined : { kind: 'export', source, packageId };
}
/** An id that goes into a URL path: letters, digits, `_`, `.`, `-`. */
function readId(inputs, name, example) {
    const value = inputs.string(name);
    if (value === undefined || /^[\w.-]+$/.test(value))
        return value;
    inputs.problem(name, `must be ${example}`, value);
    return undefined;
}
/**
 * The config the inputs describe: export takes a package to export and no target; the other modes a target.
 * Undefined when the inputs did not make one (their problems say why).
 */
function promoteConfig(mode, pkg, target, settings) {
    if (!pkg)
        return undefined;
    if (mode === 'export')
        return pkg.kind === 'export' ? { ...settings, mode, package: pkg } : undefined;
    return target && { ...settings, mode, package: pkg, target };
}
/**
 * `source-*` or `target-*` inputs, as far as given. The target falls back to the source's URL; to the source's
 * credentials only on the source's own server (same scheme, host and port), so development credentials never
 * travel to another server because a production secret was missing or misnamed.
 */
function readTenant(inputs, side, needed, fallback) {
    const ownUrl = inputs.url(`${side}-url`, {
        required: needed && !fallback?.url,
        expected: 'the SMAX server address, e.g. https://smax.example.com',
    });
    const url = ownUrl ?? fallback?.url;
    const tenantId = inputs.string(`${side}-tenant-id`, { required: needed });
    if (tenantId !== undefined && !/^\d+$/.test(tenantId))
        inputs.problem(`${side}-tenant-id`, 'must be the numeric tenant id', tenantId);
    const sameServer = !ownUrl || !fallback?.url || sameOrigin(ownUrl, fallback.url);
    const borrowed = [];
    const credential = (name, value) => {
        const input = `${side}-${name}`;
        if (value !== undefined || !needed)
            return value;
        if (!fallback?.[name])
            inputs.problem(input, 'is required');
        else if (!sameServer)
            inputs.problem(input, `is required: target-url (${ownUrl}) is another server than source-url (${fallback.url}), and the source's credentials are only sent to the source's server`);
        else {
            borrowed.push(name === 'username' ? 'user name' : 'password');
            return fallback[name];
        }
        return undefined;
    };
    const username = credential('username', inputs.string(`${side}-username`));
    const password = credential('password', inputs.secret(`${side}-password`));
    const sourceCredentials = borrowed.length
        ? `${borrowed.join(' and ')} ${borrowed.length > 1 ? 'are' : 'is'}`
        : undefined;
    // A target without its own URL borrows source-url, which is then the input to check.
    const urlInput = ownUrl ? `${side}-url` : 'source-url';
    return { url, tenantId, username, password, urlInput, sourceCredentials };
}
/** Same scheme, host and port. */
function sameOrigin(a, b) {
    return new URL(a).origin === new URL(b).origin;
}
/** `package-file` must be a file inside the workspace (links followed); returns its real path. */
async function checkPackageFile(inputs, packageFile) {
    const checked = await (0,workspace/* checkWorkspaceFile */.K)(packageFile);
    if ('problem' in checked) {
        inputs.problem('package-file', checked.problem);
        return undefined;
    }
    return checked.file.path;
}
function complete(tenant) {
    const { url, tenantId, username, password, urlInput } = tenant;
    return url && tenantId && username && password ? { url, tenantId, username, password, urlInput } : undefined;
}
/** A package file must be a zip archive: an empty file or another kind of file would be uploaded and imported. */
async function checkPackageIsZip(inputs, file) {
    const problem = await zipFileProblem(file).catch((error) => `could not be read (${(0,errors/* errorMessage */.gJ)(error)})`);
    if (problem)
        inputs.problem('package-file', `${file} ${problem}; give the package zip that Dev2Prod exported`);
}

;// CONCATENATED MODULE: ./actions/dev2prod-promote/src/main.ts
/** dev2prod-promote: inputs → export / transfer / dry run / import by mode → outputs, summary, PR comment. */













function main_run(options = {}) {
    return (0,run/* runAction */.C)({ title: 'SMAX Dev2Prod promotion', ...options }, main);
}
async function main(context) {
    const { inputs, outputs, summary, logger } = context;
    const { config, runtime, borrowedCredentials, unused, commentOnPr, githubToken } = await readPromoteInputs(inputs, context.runtime);
    if (config.target && borrowedCredentials)
        logger.info(`target-username/target-password not given: the target (${config.target.url}) is the source's server, so the source's ${borrowedCredentials} used there.`);
    if (unused.length)
        logger.info(`Not used: ${unused.join(', ')}. The job started earlier already has its package file.`);
    const known = new report_known/* Known */.I((part) => (0,report_outputs/* setOutputs */.n0)(outputs, promoteOutputs(part)));
    try {
        const result = await runPromote(config, {
            runtime,
            report: known.report,
            clientFor: (tenant) => smaxClient(tenant, runtime),
            uploadArtifact: context.uploadArtifact,
        });
        known.report(result);
        return promoteVerdict(config, result);
    }
    finally {
        const done = known.value;
        const results = promoteRunResults(done);
        if (results)
            context.reportResults(results);
        writeSummary(summary, config, done, (0,shared_runtime/* formatDuration */.a3)(runtime.deadline.elapsed()));
        if (commentOnPr && githubToken && done.dryRun) {
            await upsertPullRequestComment({
                token: githubToken,
                key: `dev2prod-promote ${process.env.GITHUB_WORKFLOW ?? ''} ${process.env.GITHUB_JOB ?? ''} ${config.target?.tenantId ?? ''}`,
                body: importReport(new report_summary/* Summary */.BD()
                    .heading(`SMAX Dev2Prod dry run on tenant ${config.target?.tenantId}`)
                    .text((0,markdown.md) `${done.export?.packageBundleName ? (0,markdown.md) `Package ${(0,markdown/* bold */.Cr)(done.export.packageBundleName)}, ` : ''}file ${(0,markdown/* code */.aY)(done.fileId ?? '')}.`), 'Dry run', done.dryRun.status, done.dryRun.judgement).toMarkdown(COMMENT_BUDGET_BYTES),
            }, logger);
        }
    }
}
/** The run's outcome in one line: what reached the target, or what was checked or exported. */
function promoteVerdict(config, done) {
    const tenant = config.target && `tenant ${config.target.tenantId}`;
    const file = done.fileId ?? 'its file';
    if (done.importId && !done.dryRun)
        return `✅ File ${file} imported without a dry run in this run into ${tenant} (import ${done.importId}: ${done.importStatus}).`;
    if (done.importId)
        return `✅ Imported file ${file} into ${tenant} (import ${done.importId}: ${done.importStatus}).`;
    if (done.dryRunId)
        return `✅ Dry run ${done.dryRunId} passed on ${tenant}; nothing was imported (mode ${config.mode}).`;
    const items = done.export?.itemCount === undefined ? '' : ` (${done.export.itemCount} item(s))`;
    const where = done.packageFile ? ` to ${done.packageFile.path}` : '';
    return `✅ Exported package ${done.export?.packageBundleName ?? done.exportId ?? ''}${items}${where}.`;
}
function packageLabel(pkg) {
    switch (pkg.kind) {
        case 'export':
            return pkg.packageId ?? `export ${pkg.exportId} (started earlier)`;
        case 'file':
            return pkg.path;
        case 'file-id':
            return `file ${pkg.fileId}`;
        case 'dry-run':
            return `the file of dry run ${pkg.dryRunId} (started earlier)`;
        case 'import':
            return `the file of import ${pkg.importId} (started earlier)`;
    }
}
function writeSummary(summary, config, done, elapsed) {
    const { packageFile, dryRun } = done;
    const pkg = config.package;
    summary.details([
        ['Mode', config.mode],
        ['Source', pkg.kind === 'export' ? `${pkg.source.url} tenant ${pkg.source.tenantId}` : undefined],
        ['Target', config.target && `${config.target.url} tenant ${config.target.tenantId}`],
        ['Package', packageLabel(pkg)],
        ['Export id', done.exportId],
        ['Package bundle', done.export?.packageBundleName],
        ['Items', done.export?.itemCount],
        ['Package file', packageFile && (0,file_name/* summaryFileName */._P)(packageFile.path)],
        ['sha256', packageFile && (0,markdown/* code */.aY)(packageFile.sha256)],
        ['Target file id', done.fileId],
        ['Dry run', done.dryRunId && `${done.dryRunId}: ${dryRun ? done.dryRunOutcome : 'not finished'}`],
        ['Import', done.importId && `${done.importId}: ${done.importStatus ?? 'started'}`],
        ['Elapsed', elapsed],
    ]);
    if (dryRun)
        importReport(summary, 'Dry run', dryRun.status, dryRun.judgement);
    if (done.import)
        importReport(summary, 'Import', done.import.status, done.import.judgement);
    const statistics = done.export?.statistics ?? [];
    if (statistics.length) {
        const nonEmpty = statistics.filter((s) => s.itemCount !== 0).length;
        // Most of an export's packages are empty: the table is there for who needs it, folded.
        summary.fold(`Export: ${statistics.length} package(s), ${nonEmpty} with items`, (inner) => inner.table(['Package', 'Items'], statistics.map((s) => [s.packageName, String(s.itemCount ?? 'not reported')]), { align: ['left', 'right'], rest: `export ${done.exportId ?? ''} in SMAX Dev2Prod lists every package` }));
    }
}
/** The step's outputs for what the promotion reported; the ones not reported yet are left out. */
function promoteOutputs(part) {
    const exported = part.export;
    // Totals and results of the import when there was one, else of the dry run.
    const judged = part.import ?? part.dryRun;
    return {
        'export-id': part.exportId,
        'source-file-id': exported?.fileId,
        'package-bundle-name': exported?.packageBundleName,
        'item-count': exported?.itemCount,
        'package-file': part.packageFile?.path,
        'package-sha256': part.packageFile?.sha256,
        'file-id': part.fileId,
        'dry-run-import-id': part.dryRunId,
        'import-id': part.importId,
        'import-status': part.importStatus,
        totals: judged?.status.rawTotals,
        results: judged?.status.rawResults,
        'dry-run-outcome': part.dryRunOutcome,
    };
}


/***/ }),

/***/ 44333:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ checkWorkspaceFile),
/* harmony export */   o: () => (/* binding */ workspaceRoot)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Files named by inputs are read only from inside the workspace: on pull_request workflows the files come from
 * the contributor, and a symlink such as `config/leak.properties -> /etc/passwd` must not carry a file of the
 * runner to a vendor. A link is followed to its real path; links that stay inside the workspace are fine.
 */


/** GITHUB_WORKSPACE, else the working directory, with its links followed too. */
async function workspaceRoot() {
    const root = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(process.env.GITHUB_WORKSPACE || process.cwd());
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(root).catch(() => root);
}
/**
 * The file at `file` (relative to the working directory), or why it cannot be read: missing, not a regular file,
 * or (after following links) outside the workspace. `label` names it in the reason.
 */
async function checkWorkspaceFile(file, label = file) {
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(file);
    const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(absolute).catch(() => undefined);
    if (real === undefined)
        return { problem: `no file at ${label}` };
    const root = await workspaceRoot();
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, real);
    if (relative === '..' || relative.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) || node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(relative)) {
        const via = real === absolute ? '' : ` (it links to ${real})`;
        return {
            problem: `${label} is outside the workspace ${root}${via}: files are read only from inside the workspace`,
        };
    }
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(real).catch(() => undefined);
    if (!info?.isFile())
        return { problem: `${label} is not a file` };
    return { file: { path: real, bytes: info.size } };
}


/***/ }),

/***/ 61320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ downloadToFile),
/* harmony export */   Zg: () => (/* binding */ multipartFileBody),
/* harmony export */   v_: () => (/* binding */ bufferBody)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32635);
/* harmony import */ var _fs_atomic_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(50829);
/* harmony import */ var _encoding_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(80274);
/** Streaming file transfer through the one HTTP layer: downloads to disk and multipart uploads from disk. */








/**
 * Downloads the answer's body straight to `destination` (atomically), with its size and sha256. An empty body, one
 * whose length disagrees with Content-Length, or one whose first bytes fail `head`, fails and leaves no file.
 */
function downloadToFile(client, spec, destination, head) {
    return client.execute(spec, (res) => {
        const declared = res.headers['content-length'];
        const fail = (vendorMessage, hint) => new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ApiError */ .hD({ method: spec.method, url: client.displayUrl(spec), status: res.statusCode, vendorMessage, hint });
        const contentType = res.headers['content-type'];
        // Requests ask for no coding; a compressed file would be written as its compressed bytes.
        const codings = (0,_encoding_js__WEBPACK_IMPORTED_MODULE_7__/* .contentCodings */ .bl)(res.headers['content-encoding']);
        if (codings.length) {
            res.resume();
            throw fail(`the download is ${codings.join(', ')}-encoded, which was not asked for; nothing was written to ${destination}`, 'A proxy between the runner and the server may compress answers: let it pass them unchanged');
        }
        return (0,_fs_atomic_js__WEBPACK_IMPORTED_MODULE_6__/* .writeStreamAtomic */ .Zs)(destination, res, ({ bytes }) => {
            if (bytes === 0)
                throw fail(`the download was empty; nothing was written to ${destination}`);
            if (declared !== undefined && Number(declared) !== bytes) {
                throw fail(`the download stopped at ${bytes} of ${declared} bytes; nothing was written to ${destination}`);
            }
        }, head && {
            bytes: head.bytes,
            check: (first) => {
                const problem = head.problem(first, contentType);
                if (problem)
                    throw fail(`the download ${problem}; nothing was written to ${destination}`, head.hint);
            },
        });
    });
}
/**
 * A multipart/form-data body that streams the file from disk (never held in memory), with an exact
 * Content-Length so servers that refuse chunked uploads take it.
 */
async function multipartFileBody(file) {
    const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(file.filePath);
    const boundary = `----config-promotion-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(12).toString('hex')}`;
    const fileName = (file.fileName ?? node_path__WEBPACK_IMPORTED_MODULE_3__.basename(file.filePath)).replace(/["\r\n]/g, '_');
    const head = Buffer.from(`--${boundary}\r\n` +
        `Content-Disposition: form-data; name="${file.field}"; filename="${fileName}"\r\n` +
        `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return {
        contentType: `multipart/form-data; boundary=${boundary}`,
        length: head.length + size + tail.length,
        open: () => node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.from((async function* () {
            yield head;
            yield* (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)(file.filePath);
            yield tail;
        })()),
    };
}
/** A body already in memory, sent exactly as it is (never re-serialised). */
function bufferBody(data, contentType) {
    return { contentType, length: data.length, open: () => node_stream__WEBPACK_IMPORTED_MODULE_4__.Readable.from([data]) };
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

//# sourceMappingURL=570.index.js.map