export const id = 10;
export const ids = [10];
export const modules = {

/***/ 91625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  C: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/hosts/github.ts
var github = __webpack_require__(24539);
// EXTERNAL MODULE: ./shared/inputs/reader.ts + 1 modules
var reader = __webpack_require__(1689);
// EXTERNAL MODULE: ./shared/runtime.ts
var runtime = __webpack_require__(65742);
// EXTERNAL MODULE: ./shared/report/logger.ts
var report_logger = __webpack_require__(35077);
// EXTERNAL MODULE: ./shared/report/markdown.ts
var markdown = __webpack_require__(90216);
// EXTERNAL MODULE: ./shared/report/redacted-file.ts
var redacted_file = __webpack_require__(93764);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./shared/report/stack.ts
/**
 * Stack traces that point at the TypeScript source. Each bundle ships `index.js.map` (ncc -s) but no source-map
 * runtime, which would cost every run start-up time: a trace is mapped only when one is printed, with Node's own
 * SourceMap reader.
 */



const maps = new Map();
function sourceMapOf(file) {
    if (!maps.has(file)) {
        try {
            maps.set(file, new external_node_module_.SourceMap(JSON.parse((0,external_node_fs_.readFileSync)(`${file}.map`, 'utf8'))));
        }
        catch {
            maps.set(file, undefined); // no map beside it (a test run from source): the frame stays as it is
        }
    }
    return maps.get(file);
}
/** `file:///…/dist/index.js:12:34` frames become `../shared/report/run.ts:56:7` where a map says so. */
function mappedStack(stack) {
    return stack.replace(/(file:\/\/[^\s()]+?|\/[^\s():]+?|[A-Za-z]:\\[^\s():]+?)\.(m?js|cjs):(\d+):(\d+)/g, (frame, base, extension, line, column) => {
        const generated = `${base}.${extension}`;
        const file = generated.startsWith('file://') ? (0,external_node_url_.fileURLToPath)(generated) : generated;
        const entry = sourceMapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
        if (!entry || !('originalSource' in entry) || !entry.originalSource)
            return frame;
        return `${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    });
}

// EXTERNAL MODULE: ./shared/report/summary.ts
var report_summary = __webpack_require__(32505);
;// CONCATENATED MODULE: ./shared/frame/run.ts
/**
 * The frame every action's main runs in: on its host (GitHub, or the CI the config-promotion command runs on), it
 * builds the logger, input reader, outputs and summary; wires the cancel signals to an AbortSignal; and turns each
 * error kind into one clear failure line plus titled annotations. The summary is written on every path, so a
 * failed run still tells what it did.
 */









/** What opens a failure's verdict in the summary. */
const FAILED = '❌ Failed: ';
/** How long a cancelled run may take to report before it exits regardless. */
const CANCEL_GRACE_MS = 1500;
/**
 * `main` returns its verdict: one line that says what happened. It opens the summary and closes the log, so the
 * last thing a reader of either sees is the outcome; a failure's error line takes that place on failure.
 */
async function runAction(options, main) {
    const host = options.host ?? (0,github/* githubHost */.S)();
    const logger = host.logger(new report_logger/* SecretRedactor */.pE());
    let spansRedacted = false;
    (0,markdown/* redactSpansWith */.N8)((text) => {
        const redacted = logger.redact(text);
        if (redacted !== text)
            spansRedacted = true;
        return redacted;
    });
    const clock = options.clock ?? runtime/* systemClock */.ml;
    const controller = new AbortController();
    const onSignal = (signal) => {
        if (controller.signal.aborted)
            process.exit(1); // a second signal: stop now
        logger.info(`Received ${signal}: stopping.`);
        controller.abort();
        setTimeout(() => process.exit(1), CANCEL_GRACE_MS).unref();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const summary = new report_summary/* Summary */.BD();
    const context = {
        logger,
        inputs: new reader/* InputReader */.i_(options.source ?? host.inputs, logger),
        outputs: host.outputs(logger),
        summary,
        clock,
        signal: controller.signal,
        runtime: (timeoutMs) => ({ clock, logger, signal: controller.signal, deadline: new runtime/* Deadline */.B2(clock, timeoutMs) }),
        uploadArtifact: (request) => host.uploadArtifact(request, logger),
        host: host.name,
        reportResults: (results) => host.reportResults(results),
    };
    let closing;
    let failure;
    try {
        // Raw text: the summary removes secrets from each span before escaping it, the logger from each line.
        const { verdict, detail } = (0,errors/* verdictOf */.Vj)(await main(context));
        summary.verdict(verdict, detail);
        closing = () => {
            if (detail)
                logger.info(detail);
            logger.info(verdict);
        };
    }
    catch (error) {
        failure = (0,errors/* errorMessage */.gJ)(error);
        closing = reportFailure(error, logger, summary, host);
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
    await writeSummary(options.title, summary, host, logger, spansRedacted);
    await host.close(logger, { failure });
    closing();
}
/**
 * One titled failure line; the details of a multi-part failure (inputs, vendor errors) as annotations too. The
 * summary's part is written now; the log's part is returned, to be printed last.
 */
function reportFailure(error, logger, summary, host) {
    // One short line says what failed and what to check; the URL and the vendor's whole text are the detail.
    const { verdict, detail } = (0,errors/* verdictOf */.Vj)(error, errors/* VERDICT_MAX_CHARS */.LX - FAILED.length);
    let details = [];
    let title = 'Unexpected error';
    if (error instanceof errors/* InputError */.dz) {
        title = 'Invalid input';
        details = error.problems.map((p) => ({ title: `Input '${p.input}'`, message: `Input '${p.input}': ${p.message}` }));
    }
    else if (error instanceof errors/* JobFailedError */.dk) {
        title = `${error.jobId}: ${error.state}`;
        details = error.errors.map((detail) => ({ title, message: detail }));
    }
    else if (error instanceof errors/* ApiError */.hD) {
        title = apiErrorTitle(error);
    }
    else if (error instanceof errors/* ArtifactError */.nE) {
        title = 'Artifact not uploaded';
    }
    else if (error instanceof errors/* TimeoutError */.MU) {
        title = 'Timed out';
    }
    else if (error instanceof errors/* CancelledError */.cc) {
        title = 'Cancelled';
    }
    else if (error instanceof errors/* FileWriteError */.M$) {
        title = 'File not written';
    }
    else if (error instanceof Error && error.stack) {
        logger.debug(mappedStack(error.stack));
    }
    process.exitCode = host.exitCode(error);
    summary.verdict(`${FAILED}${verdict}`, detail);
    if (details.length > 1)
        summary.list(details.map((d) => d.message));
    return () => {
        if (details.length > 1)
            for (const part of details)
                logger.error(part.message, part.title);
        if (detail)
            logger.info(detail);
        logger.error(verdict, title);
    };
}
/** The annotation title names the kind of failure: "Unexpected answer" says more than "HTTP 200". */
function apiErrorTitle(error) {
    switch (error.kind) {
        case 'network':
            return 'Request failed';
        case 'redirect':
            return `Redirect not followed (HTTP ${error.status})`;
        case 'html':
            return 'HTML page instead of the API';
        case 'unreadable':
            return 'Unreadable answer';
        case 'too-large':
            return 'Answer too large';
        case 'unexpected':
            return 'Unexpected answer';
        case 'status':
            return `HTTP ${error.status}`;
    }
}
/** Redacted, then cut again (redaction can lengthen the text: a one-character secret becomes ***). */
async function writeSummary(title, summary, host, logger, spansRedacted) {
    const markdown = `## ${title}\n\n${summary.toMarkdown()}`;
    const redacted = (0,redacted_file/* redactFileText */.F)(markdown, 'The job summary', logger, { redactedBefore: spansRedacted });
    await host.writeSummary((0,report_summary/* cutToBytes */.zP)(redacted, report_summary/* SUMMARY_LIMIT_BYTES */.Jz), logger);
}


/***/ }),

/***/ 81205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _6: () => (/* binding */ isHtml),
/* harmony export */   ih: () => (/* binding */ htmlTitle),
/* harmony export */   rP: () => (/* binding */ describeHtml)
/* harmony export */ });
/**
 * Telling an HTML page (a single sign-on login page, a proxy's error page) from the JSON or file that was expected.
 * It sits below http/ and fs/, which both meet such pages: an error answer, a download that should be a zip.
 */
function isHtml(contentType, text) {
    if (contentType?.toLowerCase().includes('text/html'))
        return true;
    return /^\s*(<!doctype html|<html)/i.test(text);
}
function htmlTitle(text) {
    const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text);
    return match ? match[1].replace(/\s+/g, ' ').trim() || undefined : undefined;
}
/** "an HTML page titled 'Sign in' (a login page or a proxy's error page, not the API)". */
function describeHtml(text) {
    const title = htmlTitle(text);
    return `an HTML page${title ? ` titled '${title}'` : ' with no title'} instead of JSON (a single sign-on login page or a proxy's error page answered, not the API)`;
}


/***/ }),

/***/ 52311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bl: () => (/* binding */ tryParseJson),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   u4: () => (/* binding */ isRecord),
/* harmony export */   ut: () => (/* binding */ describeErrorBody),
/* harmony export */   x8: () => (/* binding */ readBody)
/* harmony export */ });
/* unused harmony export genericMessage */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32635);
/* harmony import */ var _html_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81205);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58550);
/* harmony import */ var _encoding_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80274);




const EXCERPT_CHARS = 300;
/**
 * Reads the body as text, at most `maxBytes` of it: past that it stops reading (dropping the connection) rather
 * than holding a huge answer in memory, and keeps what it read only when `keepCut` asks for it (to quote an error
 * answer). A connection dropped mid-body is an error, not a short body.
 */
function readBody(res, maxBytes, keepCut = true) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let bytes = 0;
        let settled = false;
        const settle = (outcome) => {
            if (settled)
                return;
            settled = true;
            outcome();
        };
        const closedMidAnswer = () => settle(() => reject(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' })));
        res.on('data', (chunk) => {
            if (settled)
                return;
            const room = maxBytes - bytes;
            if (chunk.length <= room) {
                chunks.push(chunk);
                bytes += chunk.length;
                return;
            }
            chunks.push(chunk.subarray(0, room));
            const declared = Number(res.headers['content-length']);
            const unreadBytes = Number.isSafeInteger(declared) && declared > maxBytes ? declared - maxBytes : undefined;
            const raw = keepCut ? Buffer.concat(chunks) : undefined;
            chunks.length = 0;
            settle(() => resolve(bodyText(res, raw, maxBytes, true, unreadBytes)));
            res.destroy();
        });
        res.once('error', (error) => settle(() => reject(error)));
        res.once('aborted', closedMidAnswer);
        res.once('end', () => {
            if (!res.complete)
                return closedMidAnswer();
            settle(() => resolve(bodyText(res, Buffer.concat(chunks), maxBytes, false)));
        });
    });
}
/**
 * The text of what was read: all of it, or (`cut`, `raw` kept) the part before the limit. A content-encoded body
 * is decoded first, to at most `maxBytes`; the unread length of an encoded body says nothing of its text.
 */
function bodyText(res, raw, maxBytes, cut, unreadBytes) {
    const encoding = res.headers['content-encoding'];
    if (!(0,_encoding_js__WEBPACK_IMPORTED_MODULE_1__/* .contentCodings */ .bl)(encoding).length)
        return { text: raw?.toString('utf8') ?? '', cut, unreadBytes };
    if (!raw)
        return { text: '', cut };
    const decoded = (0,_encoding_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeBody */ .Vj)(raw, encoding, maxBytes, cut);
    if (decoded.kind === 'undecodable')
        return { text: '', cut: cut || decoded.tooLarge, undecodable: decoded.description };
    return { text: decoded.data.toString('utf8'), cut };
}
/** The first few hundred characters, on one line, saying how much more there was. */
function excerpt(text, body) {
    const flat = text.replace(/\s+/g, ' ').trim();
    if (flat.length <= EXCERPT_CHARS && !body?.cut)
        return flat;
    const shown = flat.slice(0, EXCERPT_CHARS);
    if (body?.cut && body.unreadBytes === undefined)
        return `${shown}${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .moreBytes */ .XO)(undefined)}`;
    return `${shown}${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .moreBytes */ .XO)(Buffer.byteLength(flat.slice(EXCERPT_CHARS)) + (body?.unreadBytes ?? 0))}`;
}
/** Parses JSON, or returns undefined when the text is not JSON. */
function tryParseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/**
 * The message to show for an error answer: the vendor's words when the body is a JSON error we recognise,
 * else what the body was (an HTML page, or the content type and the first few hundred characters).
 */
function describeErrorBody(contentType, text, readVendorMessage, body) {
    if (body?.undecodable)
        return `${contentType ? `${contentType} ` : ''}${body.undecodable}`;
    if (!text.trim() && !body?.cut)
        return 'the answer had an empty body';
    if ((0,_html_js__WEBPACK_IMPORTED_MODULE_2__/* .isHtml */ ._6)(contentType, text))
        return (0,_html_js__WEBPACK_IMPORTED_MODULE_2__/* .describeHtml */ .rP)(text);
    const json = body?.cut ? undefined : tryParseJson(text);
    if (json !== undefined) {
        const message = readVendorMessage(json) ?? genericMessage(json);
        if (message)
            return message;
    }
    return `${contentType ? `${contentType} body` : 'body'}: ${excerpt(text, body)}`;
}
/** Common shapes: {message}, {error: "..."}, {error: {message}}, {errors: [...]}. */
function genericMessage(json) {
    if (!isRecord(json))
        return undefined;
    if (typeof json.message === 'string' && json.message)
        return json.message;
    if (typeof json.error === 'string' && json.error)
        return json.error;
    if (isRecord(json.error) && typeof json.error.message === 'string')
        return json.error.message;
    if (Array.isArray(json.errors) && json.errors.length)
        return json.errors.map((e) => (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .scalarText */ .ws)(e)).join('; ');
    return undefined;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 22165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O: () => (/* binding */ ApiClient)
});

// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/html.ts
var html = __webpack_require__(81205);
// EXTERNAL MODULE: ./shared/runtime.ts
var shared_runtime = __webpack_require__(65742);
// EXTERNAL MODULE: ./shared/http/body.ts
var http_body = __webpack_require__(52311);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var lib_proxy = __webpack_require__(19783);
;// CONCATENATED MODULE: ./shared/http/proxy.ts
/**
 * HTTPS_PROXY / HTTP_PROXY / NO_PROXY, read the way the GitHub toolkit reads them, with the CONNECT tunnel done
 * here so that the request's abort signal (the run's deadline and cancel) covers the tunnel too: a proxy that
 * accepts the connection and never answers CONNECT must not outlive the run.
 */





/** The proxy for this URL, or undefined when none is set or NO_PROXY (or a loopback host) bypasses it. */
function proxyFor(url) {
    // A plain URL from the href: the toolkit's URL decodes user and password, which openTunnel does itself.
    const proxy = (0,lib_proxy/* getProxyUrl */.s)(url);
    return proxy ? new URL(proxy.href) : undefined;
}
/** A proxy's refusal to open the tunnel: the request never reached the server. */
const PROXY_REFUSED = 'PROXY_CONNECT_REFUSED';
/**
 * Opens a CONNECT tunnel through `proxy` to the URL's host and port; for an https URL, the TLS session with the
 * server runs inside it (certificates checked as usual). `signal` aborts the tunnel wherever it is.
 */
function openTunnel(proxy, url, signal) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    const authority = `${(0,external_node_net_.isIP)(host) === 6 ? `[${host}]` : host}:${port}`;
    const headers = { Host: authority };
    if (proxy.username || proxy.password) {
        const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
        headers['Proxy-Authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`;
    }
    const transport = proxy.protocol === 'https:' ? external_node_https_ : external_node_http_;
    return new Promise((resolve, reject) => {
        const connect = transport.request({
            host: proxy.hostname.replace(/^\[|\]$/g, ''),
            port: Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80),
            method: 'CONNECT',
            path: authority,
            headers,
            agent: false,
            signal,
        });
        const refused = (status) => {
            const why = status === 407 ? ' (407: the proxy wants credentials; check the user and password in HTTPS_PROXY)' : '';
            return Object.assign(new Error(`the proxy ${proxy.host} refused to open a tunnel to ${authority}: HTTP ${status ?? '?'}${why}`), { code: PROXY_REFUSED });
        };
        connect.once('connect', (res, socket) => {
            if (res.statusCode !== 200) {
                socket.destroy();
                return reject(refused(res.statusCode));
            }
            if (signal.aborted) {
                socket.destroy();
                return reject(signal.reason);
            }
            if (url.protocol !== 'https:')
                return resolve(socket);
            resolve(external_node_tls_.connect({ socket, servername: (0,external_node_net_.isIP)(host) ? undefined : host, ALPNProtocols: ['http/1.1'] }));
        });
        // A proxy that answers CONNECT like an ordinary request (no tunnel) refuses it too.
        connect.once('response', (res) => {
            res.resume();
            reject(refused(res.statusCode));
        });
        connect.on('error', reject);
        connect.end();
    });
}

;// CONCATENATED MODULE: ./shared/http/exchange.ts
/**
 * One HTTP exchange (one attempt of a request): connect, through the proxy when the environment names one, send,
 * and hand back the answer. One abort signal (the run's deadline and its cancel) covers every phase, the body's
 * last byte included; a connection silent for longer than the idle limit is dropped and reported as that. The
 * exchange remembers how far it got, so errors can say what was going on and whether the server saw the request.
 */






const PHASES = {
    tunnel: { alone: 'waiting for the proxy to open a tunnel', of: 'waiting for the proxy to open a tunnel for' },
    connecting: { alone: 'connecting to the server', of: 'connecting to the server for' },
    sending: { alone: 'sending the request', of: 'sending' },
    waiting: { alone: 'waiting for the answer', of: 'waiting for the answer to' },
    reading: { alone: 'reading the answer', of: 'reading the answer to' },
};
/** Error code of an exchange abandoned because the connection went quiet. */
const IDLE_TIMEOUT = 'REQUEST_TIMEOUT';
class Exchange {
    spec;
    phase = 'connecting';
    /** Set when the connection went quiet for longer than the idle limit. */
    idleError;
    request;
    response;
    onAbort = () => this.destroy(this.spec.signal.reason);
    constructor(spec) {
        this.spec = spec;
    }
    /** True once the request may have reached the server: connected (past TLS), so it may have acted on it. */
    get reached() {
        return this.phase !== 'tunnel' && this.phase !== 'connecting';
    }
    /** "reading the answer", or with the request named: "reading the answer to GET https://…". */
    describe(request) {
        return request ? `${PHASES[this.phase].of} ${request}` : PHASES[this.phase].alone;
    }
    /** Sends the request; resolves when the answer's headers arrive. Call `release` once the body is read. */
    start() {
        const { url, signal } = this.spec;
        return new Promise((resolve, reject) => {
            if (signal.aborted)
                return reject(signal.reason);
            const proxy = proxyFor(url);
            if (proxy)
                this.phase = 'tunnel';
            const transport = url.protocol === 'https:' ? external_node_https_ : external_node_http_;
            const req = transport.request(url, {
                method: this.spec.method,
                headers: this.spec.headers,
                ...(proxy
                    ? {
                        createConnection: (_options, done) => {
                            openTunnel(proxy, url, signal).then((socket) => {
                                this.phase = 'connecting';
                                done(null, socket);
                            }, (error) => done(error));
                            return undefined;
                        },
                    }
                    : { agent: this.spec.agent }),
            });
            this.request = req;
            signal.addEventListener('abort', this.onAbort, { once: true });
            // Not `once`: a destroyed request can report a second error (e.g. its tunnel failing after the abort).
            req.on('error', reject);
            req.once('socket', (socket) => this.watch(socket));
            req.once('finish', () => {
                if (this.phase !== 'reading')
                    this.phase = 'waiting';
            });
            req.once('response', (res) => {
                this.phase = 'reading';
                this.response = res;
                // The deadline may destroy the body before its reader is attached (say, while a download creates its
                // folder); the reader still sees the error, and the process does not crash on an unheard one.
                res.on('error', () => undefined);
                resolve(res);
            });
            if (this.spec.body) {
                (0,promises_.pipeline)(this.spec.body.open(), req).catch((error) => req.destroy(error));
            }
            else {
                req.end(this.spec.payload);
            }
        });
    }
    /** Stops the exchange wherever it is: the request, its tunnel, and the answer's body. */
    destroy(error) {
        this.request?.destroy(error);
        this.response?.destroy(error);
    }
    release() {
        this.spec.signal.removeEventListener('abort', this.onAbort);
    }
    watch(socket) {
        const connected = () => {
            if (this.phase === 'connecting')
                this.phase = 'sending';
        };
        if (socket instanceof external_node_tls_.TLSSocket)
            socket.once('secureConnect', connected);
        else if (socket.connecting)
            socket.once('connect', connected);
        else
            connected();
        socket.setTimeout(this.spec.idleMs);
        socket.once('timeout', () => {
            this.idleError = Object.assign(new Error(`no data for ${(0,shared_runtime/* formatDuration */.a3)(this.spec.idleMs)} while ${this.describe()}`), { code: IDLE_TIMEOUT });
            this.destroy(this.idleError);
        });
    }
}
/**
 * The agents for direct connections, one per protocol: an https agent refuses http URLs and the other way round.
 * Proxied requests open their own tunnel.
 */
class DirectAgents {
    agents = new Map();
    for(url) {
        let agent = this.agents.get(url.protocol);
        if (!agent) {
            agent = url.protocol === 'https:' ? new external_node_https_.Agent({ keepAlive: false }) : new external_node_http_.Agent({ keepAlive: false });
            this.agents.set(url.protocol, agent);
        }
        return agent;
    }
}

;// CONCATENATED MODULE: ./shared/http/retry.ts

const RETRYABLE_READ_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Network errors where the request may or may not have reached the server. */
const RETRYABLE_NETWORK_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENOTFOUND',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'REQUEST_TIMEOUT',
]);
/** Network errors raised before a single byte of the request left this machine. */
const NOT_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH']);
/** A host name that does not resolve: most often a typo in the URL input, so it is tried at most twice more. */
function isDnsFailure(networkCode) {
    return networkCode === 'ENOTFOUND' || networkCode === 'EAI_AGAIN';
}
/** How often a failure that is likely the URL input's fault (see `blamesUrl`) is retried. */
const URL_FAILURE_RETRIES = 2;
/**
 * Network errors that most likely mean the URL input is wrong: a name that does not resolve, a certificate for
 * another name, or (before the server has ever answered) a refused connection.
 */
function blamesUrl(networkCode, firstContact) {
    return (isDnsFailure(networkCode) ||
        networkCode === 'ERR_TLS_CERT_ALTNAME_INVALID' ||
        (firstContact && networkCode === 'ECONNREFUSED'));
}
/** A certificate Node would not trust, or another TLS failure: the handshake failed, no request was sent. */
function isCertificateError(networkCode) {
    return /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_)/.test(networkCode);
}
/**
 * Errors that stop a request before it reaches the server, though retrying would not help: an untrusted
 * certificate, a proxy that refused the tunnel, a header value Node refuses to send.
 */
function refusedBeforeSending(networkCode) {
    return (neverSent(networkCode) ||
        isCertificateError(networkCode) ||
        networkCode === PROXY_REFUSED ||
        ['ERR_INVALID_CHAR', 'ERR_HTTP_INVALID_HEADER_VALUE', 'ERR_INVALID_HTTP_TOKEN'].includes(networkCode));
}
/** True when the network error proves the request never reached the server. */
function neverSent(networkCode) {
    return NOT_SENT_NETWORK_CODES.has(networkCode);
}
function shouldRetry(startsJob, outcome) {
    if ('networkCode' in outcome) {
        return startsJob ? neverSent(outcome.networkCode) : RETRYABLE_NETWORK_CODES.has(outcome.networkCode);
    }
    if (!startsJob)
        return RETRYABLE_READ_STATUSES.has(outcome.status);
    // 429 is a refusal by definition; 503 with Retry-After is the server saying it did not take the request.
    return outcome.status === 429 || (outcome.status === 503 && header(outcome.headers, 'retry-after') !== undefined);
}
/**
 * How long the server asked us to wait, in ms: `Retry-After` (seconds or an HTTP date), else
 * `X-RateLimit-Reset` (Unix time in seconds). Undefined when it did not say.
 */
function serverRequestedDelayMs(headers, now) {
    const retryAfter = header(headers, 'retry-after');
    if (retryAfter !== undefined) {
        const trimmed = retryAfter.trim();
        if (/^\d+(\.\d+)?$/.test(trimmed))
            return Math.round(Number(trimmed) * 1000);
        const date = Date.parse(trimmed);
        if (!Number.isNaN(date))
            return Math.max(0, date - now);
    }
    const reset = header(headers, 'x-ratelimit-reset');
    if (reset !== undefined && /^\d+$/.test(reset.trim())) {
        return Math.max(0, Number(reset.trim()) * 1000 - now);
    }
    return undefined;
}
/** Exponential backoff with full jitter: a random wait in [0, min(max, base·2^(attempt-1))]. */
function backoffDelayMs(attempt, random, options) {
    const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(random * ceiling);
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}

;// CONCATENATED MODULE: ./shared/http/failures.ts




class Failures {
    options;
    urls;
    constructor(options, urls) {
        this.options = options;
        this.urls = urls;
    }
    /** The deadline passed or the run was cancelled during an attempt: what was going on, and what may have happened. */
    stopped(spec, reason, exchange, startsJob) {
        const request = `${spec.method} ${this.urls.displayUrl(spec)}`;
        const doing = exchange ? exchange.describe(request) : `preparing ${request}`;
        const mayHaveActed = startsJob && exchange?.reached
            ? `. The request had reached the server, which may ${spec.what} anyway: ${this.options.checkHint ?? 'check on the server whether it did'} before running again`
            : '';
        if (reason instanceof errors/* CancelledError */.cc)
            return new errors/* CancelledError */.cc(`Cancelled while trying to ${spec.what} (${doing})${mayHaveActed}`);
        if (reason instanceof errors/* TimeoutError */.MU) {
            const timeout = (0,shared_runtime/* formatDuration */.a3)(this.options.runtime.deadline.timeoutMs);
            return new errors/* TimeoutError */.MU(`Timed out after ${timeout} (the action's timeout) while ${doing}, trying to ${spec.what}${mayHaveActed}`);
        }
        return reason instanceof Error ? reason : new Error(String(reason));
    }
    http(spec, url, res, body, mayHaveActed) {
        const status = res.statusCode ?? 0;
        const reader = this.options.readVendorMessage ?? (() => undefined);
        const redact = (value) => this.redact(value);
        const redirect = status >= 300 && status < 400;
        // Redacted before (excerpts cut secrets in half) and after (JSON-escaped secrets appear once parsed).
        const vendorMessage = redirect
            ? this.describeRedirect(res.headers.location, url)
            : redact((0,http_body/* describeErrorBody */.ut)(res.headers['content-type'], redact(body.text), reader, body));
        const hints = [
            redirect
                ? 'Redirects are not followed, so credentials never go to another address: check the URL, and use the new address if it is the right server'
                : (this.options.hintFor?.(status, spec, vendorMessage) ?? defaultHint(status, this.options.auth)),
            mayHaveActed ? `The server may have acted on the request before it failed; ${this.checkAdvice()}` : undefined,
        ].filter((hint) => hint !== undefined);
        return new errors/* ApiError */.hD({
            method: spec.method,
            url: this.urls.displayUrl(spec),
            status,
            vendorMessage,
            hint: hints.length ? hints.join('. ') : undefined,
            kind: redirect ? 'redirect' : 'status',
            what: spec.what,
        });
    }
    describeRedirect(location, from) {
        if (!location)
            return 'a redirect without a Location header';
        let target;
        try {
            target = this.urls.withoutCredentials(new URL(location, from));
        }
        catch {
            target = this.redact(location.replace(/\/\/[^/?#]*@/, '//'));
        }
        return `the server redirects to ${(0,http_body/* excerpt */.Kb)(target)}`;
    }
    /** `urlInput`: the input to check, when the error most likely means its URL is wrong. */
    network(spec, error, code, mayHaveActed, urlInput) {
        const hint = mayHaveActed
            ? `The server may have acted on the request before the connection failed; ${this.checkAdvice()}`
            : urlInput
                ? urlAdvice(code, new URL(this.urls.displayUrl(spec)), urlInput)
                : isCertificateError(code)
                    ? "The server's TLS certificate was not accepted, so nothing was sent: if a private CA signs it, point NODE_EXTRA_CA_CERTS at that CA's certificate"
                    : undefined;
        return new errors/* ApiError */.hD({
            method: spec.method,
            url: this.urls.displayUrl(spec),
            vendorMessage: `could not ${spec.what}: ${this.redact((0,errors/* errorMessage */.gJ)(error))} (${code})`,
            hint,
            kind: 'network',
            what: spec.what,
            code,
        });
    }
    /** A failure that could be retried, but the wait before the next attempt would pass the action's timeout. */
    gaveUp(failure, attempt, delayMs) {
        return new errors/* ApiError */.hD({
            ...failureDetails(failure),
            hint: `Gave up after ${attempt} attempt(s): waiting ${(0,shared_runtime/* formatDuration */.a3)(delayMs)} more would pass the action's timeout`,
        });
    }
    checkAdvice() {
        const check = this.options.checkHint;
        return `check whether it did${check ? ` (${check})` : ''} before running again`;
    }
    redact(text) {
        return this.options.runtime.logger.redact(text);
    }
}
/** What a network error that blames the URL says: what went wrong with the host, and the input to check. */
function urlAdvice(code, url, urlInput) {
    if (isDnsFailure(code))
        return `The host ${url.hostname} does not resolve: check ${urlInput}`;
    if (code === 'ECONNREFUSED')
        return `Nothing answers at ${url.host} (connection refused): check ${urlInput}`;
    return `The server's TLS certificate is not for ${url.hostname}: check ${urlInput}`;
}
function defaultHint(status, auth) {
    if (status === 401)
        return `The server did not accept ${auth?.description ?? 'the request without credentials'}: check the credentials`;
    if (status === 403)
        return 'The user is authenticated but not allowed to do this: check its roles';
    if (status === 429)
        return 'The server is rate limiting this user: try again later or lower the request rate';
    if (status >= 500)
        return 'The server failed: try again later, and ask its administrators if it persists';
    return undefined;
}
function failureDetails(error) {
    return {
        method: error.method,
        url: error.url,
        status: error.status,
        vendorMessage: error.vendorMessage,
        kind: error.kind,
    };
}

// EXTERNAL MODULE: ./shared/http/encoding.ts
var encoding = __webpack_require__(80274);
;// CONCATENATED MODULE: ./shared/http/request.ts

/** The headers of a request (auth from the provider, the spec's own last) and its JSON payload, if any. */
async function requestHeaders(spec, options) {
    const headers = {
        Accept: 'application/json',
        'Accept-Encoding': encoding/* ACCEPT_ENCODING */.xd,
        'User-Agent': options.userAgent ?? 'config-promotion-actions',
        ...(await options.auth?.headers()),
        ...spec.headers,
    };
    let payload;
    if (spec.json !== undefined) {
        payload = Buffer.from(JSON.stringify(spec.json));
        headers['Content-Type'] = 'application/json';
    }
    else if (spec.body) {
        headers['Content-Type'] = spec.body.contentType;
    }
    const length = payload?.length ?? spec.body?.length;
    if (length !== undefined || spec.method !== 'GET')
        headers['Content-Length'] = String(length ?? 0);
    return { headers, payload };
}

;// CONCATENATED MODULE: ./shared/http/client.ts








const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_ATTEMPTS = 6;
const DEFAULT_BACKOFF = { baseMs: 1000, maxMs: 30_000 };
/** Ordinary API answers (statuses, lists) are far smaller; more than this is not an answer we can use. */
const DEFAULT_MAX_ANSWER_BYTES = 16 * 2 ** 20;
/** An error answer is read for the vendor's message only. */
const ERROR_BODY_MAX_BYTES = 2 ** 20;
class ApiClient {
    options;
    baseUrl;
    agents = new DirectAgents();
    /** Whether the server has answered once: a refused connection before that is likely a wrong URL. */
    answered = false;
    failures;
    constructor(options) {
        this.options = options;
        this.baseUrl = options.baseUrl.replace(/\/+$/, '');
        this.failures = new Failures(options, this);
    }
    /** Sends the request (with retries) and returns a 2xx answer; anything else is an ApiError. */
    async send(spec) {
        return this.execute(spec, async (res) => {
            const limit = spec.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
            const body = await (0,http_body/* readBody */.x8)(res, limit, false);
            if (body.cut || body.undecodable) {
                const size = body.unreadBytes === undefined ? '' : ` (it has ${(0,shared_runtime/* formatBytes */.z3)(limit + body.unreadBytes)})`;
                throw new errors/* ApiError */.hD({
                    method: spec.method,
                    url: this.displayUrl(spec),
                    status: res.statusCode,
                    vendorMessage: body.cut
                        ? `the answer is larger than ${(0,shared_runtime/* formatBytes */.z3)(limit)}, the most this action reads to ${spec.what}${size}; it stopped reading there`
                        : `the answer is a ${body.undecodable}`,
                    hint: this.options.unexpectedAnswerHint,
                    kind: body.cut ? 'too-large' : 'unreadable',
                });
            }
            return { status: res.statusCode ?? 0, headers: res.headers, text: body.text };
        });
    }
    /** Sends the request and parses the JSON answer; an HTML page or malformed JSON is an ApiError. */
    async json(spec) {
        const response = await this.send(spec);
        return this.parseJson(spec, response);
    }
    parseJson(spec, response) {
        const contentType = response.headers['content-type'];
        const fail = (vendorMessage, kind) => new errors/* ApiError */.hD({ method: spec.method, url: this.displayUrl(spec), status: response.status, vendorMessage, kind });
        // Redacted before it is cut to an excerpt, so a secret the server echoed cannot leak in part either.
        const shown = this.options.runtime.logger.redact(response.text);
        if ((0,html/* isHtml */._6)(contentType, shown))
            throw fail((0,html/* describeHtml */.rP)(shown), 'html');
        try {
            return JSON.parse(response.text);
        }
        catch {
            throw fail(`the answer was not valid JSON (${contentType ?? 'no content type'}): ${(0,http_body/* excerpt */.Kb)(shown)}`, 'unreadable');
        }
    }
    /**
     * Sends the request and hands a 2xx answer's body stream to `consume`; retried as a whole when allowed. The
     * run's deadline and cancel cover the whole of each attempt, `consume` included.
     */
    async execute(spec, consume) {
        const request = {
            spec,
            url: this.url(spec),
            startsJob: spec.startsJob ?? spec.method !== 'GET',
            maxAttempts: this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
            authRenewed: false,
        };
        for (let attempt = 1;; attempt++) {
            const tried = await this.attemptWithLogin(request, attempt, consume);
            if ('answer' in tried)
                return tried.answer;
            const delay = this.retryDelay(request, attempt, tried);
            await this.waitToRetry(request, attempt, tried, delay);
        }
    }
    /**
     * The re-login rule: a 401 answer, when the credentials can be renewed (a new session), renews them once per
     * request and makes the same attempt again; it does not count as an attempt.
     */
    async attemptWithLogin(request, attempt, consume) {
        for (;;) {
            const tried = await this.attempt(request, attempt, consume);
            if (!('renewedAuth' in tried))
                return tried;
        }
    }
    async renewAuth(request) {
        const { auth } = this.options;
        if (!auth?.renew || request.authRenewed)
            return false;
        request.authRenewed = true;
        return auth.renew();
    }
    /** One attempt: the answer consumed, or what went wrong in words and in the terms the retry decision needs. */
    async attempt(request, attempt, consume) {
        const { spec, url, startsJob } = request;
        const started = this.options.runtime.clock.now();
        const watch = this.options.runtime.deadline.abortSignal(this.options.runtime.signal);
        let exchange;
        try {
            const headers = await requestHeaders(spec, this.options);
            if (watch.signal.aborted)
                throw watch.signal.reason;
            exchange = new Exchange({
                url,
                method: spec.method,
                headers: headers.headers,
                payload: headers.payload,
                body: spec.body,
                idleMs: spec.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
                signal: watch.signal,
                agent: this.agents.for(url),
            });
            const res = await exchange.start();
            this.answered = true;
            const status = res.statusCode ?? 0;
            this.logDebug(spec, `${status}`, started, attempt);
            // A body that breaks off mid-way lands in the catch below, like any other network error.
            if (status >= 200 && status < 300)
                return { answer: await consume(res) };
            const body = await (0,http_body/* readBody */.x8)(res, ERROR_BODY_MAX_BYTES);
            if (status === 401 && (await this.renewAuth(request)))
                return { renewedAuth: true };
            const outcome = { status, headers: res.headers };
            // A job-starting request that failed on the server's side is not repeated: it may have started the job.
            const mayHaveActed = startsJob && (status === 408 || status >= 500) && !shouldRetry(startsJob, outcome);
            return { outcome, failure: this.failures.http(spec, url, res, body, mayHaveActed) };
        }
        catch (error) {
            // A file the answer could not be written to is the file's error: asking again would not help.
            if (error instanceof errors/* ApiError */.hD || error instanceof errors/* FileWriteError */.M$)
                throw error;
            if (watch.signal.aborted)
                throw this.failures.stopped(spec, watch.signal.reason, exchange, startsJob);
            // A connection that went quiet may surface as a reset; say what really happened.
            const cause = exchange?.idleError ?? error;
            const code = networkCode(cause);
            this.logDebug(spec, `network error ${code}`, started, attempt);
            // Our own idle limit knows how far the exchange got; other errors tell it by their code.
            const reached = code === IDLE_TIMEOUT ? (exchange?.reached ?? false) : !refusedBeforeSending(code);
            const blamed = this.blamesUrlInput(url, code);
            const failure = this.failures.network(spec, cause, code, startsJob && reached && !neverSent(code), blamed);
            // A likely typo in the URL is not worth a minute of retries.
            if (blamed && attempt > URL_FAILURE_RETRIES)
                throw failure;
            return { outcome: { networkCode: code }, failure };
        }
        finally {
            exchange?.release();
            watch.release();
        }
    }
    /** The URL input to name when `code` says its host is likely wrong, and the request went to that host. */
    blamesUrlInput(url, code) {
        const { urlInput } = this.options;
        if (!urlInput || !blamesUrl(code, !this.answered))
            return undefined;
        return new URL(this.baseUrl).host === url.host ? urlInput : undefined;
    }
    /**
     * The retry decision: how long to wait before the next attempt, or the failure thrown when the request may not
     * go again, has used its attempts, or the wait would pass the action's timeout.
     */
    retryDelay(request, attempt, { outcome, failure }) {
        const { runtime } = this.options;
        if (!shouldRetry(request.startsJob, outcome) || attempt >= request.maxAttempts)
            throw failure;
        const requested = 'headers' in outcome ? serverRequestedDelayMs(outcome.headers, runtime.clock.now()) : undefined;
        const delay = requested ?? backoffDelayMs(attempt, runtime.clock.random(), this.options.backoff ?? DEFAULT_BACKOFF);
        if (delay >= runtime.deadline.remaining()) {
            throw this.failures.gaveUp(failure, attempt, delay);
        }
        return delay;
    }
    async waitToRetry(request, attempt, { outcome, failure }, delay) {
        const { spec, maxAttempts } = request;
        const { runtime } = this.options;
        if ('status' in outcome && (outcome.status === 429 || outcome.status === 503))
            spec.onThrottled?.(delay);
        const why = 'status' in outcome ? `answered ${outcome.status}` : `failed (${outcome.networkCode})`;
        runtime.logger.info(`${spec.method} ${this.displayUrl(spec)} ${why}; retrying in ${(0,shared_runtime/* formatDuration */.a3)(delay)} (attempt ${attempt + 1} of ${maxAttempts}).`);
        try {
            await runtime.clock.sleep(delay, runtime.signal);
        }
        catch (error) {
            if (error instanceof errors/* CancelledError */.cc)
                throw new errors/* CancelledError */.cc(`Cancelled while waiting to retry: ${failure.message}`);
            throw error;
        }
    }
    /**
     * `body` as a JSON object, or the object it holds at `key` (`result`, `response_map`); anything else is an
     * unexpected answer naming the endpoint.
     */
    objectIn(body, spec, key) {
        const value = key === undefined ? body : (0,http_body/* isRecord */.u4)(body) ? body[key] : undefined;
        if ((0,http_body/* isRecord */.u4)(value))
            return value;
        throw this.unexpectedAnswer(spec, key === undefined ? 'the answer is not a JSON object' : `the answer has no ${key} object`);
    }
    /** An answer that parsed but lacks what the endpoint documents: an error naming the endpoint and the field. */
    unexpectedAnswer(spec, what) {
        return new errors/* ApiError */.hD({
            method: spec.method,
            url: this.displayUrl(spec),
            status: 200,
            vendorMessage: `unexpected answer: ${what}`,
            hint: this.options.unexpectedAnswerHint,
            kind: 'unexpected',
        });
    }
    /** The request URL with credentials and secrets removed, for messages. */
    displayUrl(spec) {
        return this.withoutCredentials(this.url(spec));
    }
    /** The URL without userinfo and secrets, for messages. */
    withoutCredentials(url) {
        const copy = new URL(url);
        copy.username = '';
        copy.password = '';
        return this.options.runtime.logger.redact(copy.toString());
    }
    url(spec) {
        const url = /^https?:\/\//i.test(spec.path)
            ? new URL(spec.path)
            : new URL(`${this.baseUrl}/${spec.path.replace(/^\/+/, '')}`);
        for (const [key, value] of Object.entries(spec.query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(key, value);
        }
        return url;
    }
    logDebug(spec, result, started, attempt) {
        const { logger, clock } = this.options.runtime;
        if (!logger.isDebug)
            return;
        logger.debug(`${spec.method} ${this.displayUrl(spec)} → ${result} (${clock.now() - started} ms, attempt ${attempt})`);
    }
}
function networkCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : 'ECONNRESET';
}


/***/ }),

/***/ 80274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vj: () => (/* binding */ decodeBody),
/* harmony export */   bl: () => (/* binding */ contentCodings),
/* harmony export */   xd: () => (/* binding */ ACCEPT_ENCODING)
/* harmony export */ });
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Content-Encoding of an answer's body. Requests ask for `identity`, but a server or proxy may compress anyway;
 * such a body is decoded before it is read, within the same bound as the raw body (a few KB of gzip can inflate
 * to gigabytes), and described, never quoted as binary bytes, when it cannot be.
 */

/** What requests send: no content coding, so a body arrives as the server has it. */
const ACCEPT_ENCODING = 'identity';
const DECODERS = {
    gzip: node_zlib__WEBPACK_IMPORTED_MODULE_0__.gunzipSync,
    'x-gzip': node_zlib__WEBPACK_IMPORTED_MODULE_0__.gunzipSync,
    // "deflate" is zlib-wrapped by the standard, raw by some servers.
    deflate: (data, options) => {
        try {
            return node_zlib__WEBPACK_IMPORTED_MODULE_0__.inflateSync(data, options);
        }
        catch (error) {
            if (error.code === 'ERR_BUFFER_TOO_LARGE')
                throw error;
            return node_zlib__WEBPACK_IMPORTED_MODULE_0__.inflateRawSync(data, options);
        }
    },
    br: node_zlib__WEBPACK_IMPORTED_MODULE_0__.brotliDecompressSync,
};
/** The codings of a Content-Encoding header, in the order they were applied (`identity` left out). */
function contentCodings(header) {
    const text = Array.isArray(header) ? header.join(',') : (header ?? '');
    return text
        .split(',')
        .map((coding) => coding.trim().toLowerCase())
        .filter((coding) => coding !== '' && coding !== 'identity');
}
/**
 * The body with its codings undone, at most `maxBytes` of it. A body `cut` short (its reading stopped at the
 * limit) is decoded as far as it goes.
 */
function decodeBody(raw, header, maxBytes, cut) {
    const codings = contentCodings(header);
    let data = raw;
    const what = `${codings.join(', ')}-encoded body of ${raw.length} bytes`;
    for (const coding of [...codings].reverse()) {
        const decoder = DECODERS[coding];
        if (!decoder)
            return { kind: 'undecodable', description: `${what} (a coding this action cannot decode)`, tooLarge: false };
        try {
            data = decoder(data, {
                maxOutputLength: maxBytes,
                // A cut body ends mid-stream: decode what there is instead of failing on the missing end.
                ...(cut
                    ? { finishFlush: coding === 'br' ? node_zlib__WEBPACK_IMPORTED_MODULE_0__.constants.BROTLI_OPERATION_FLUSH : node_zlib__WEBPACK_IMPORTED_MODULE_0__.constants.Z_SYNC_FLUSH }
                    : {}),
            });
        }
        catch (error) {
            if (error.code === 'ERR_BUFFER_TOO_LARGE') {
                return {
                    kind: 'undecodable',
                    description: `${what}, over ${maxBytes.toLocaleString('en-US')} bytes once decoded`,
                    tooLarge: true,
                };
            }
            return {
                kind: 'undecodable',
                description: `${what} that could not be decoded (${error.message})`,
                tooLarge: false,
            };
        }
    }
    return { kind: 'decoded', data, cut };
}


/***/ }),

/***/ 1854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ Known)
/* harmony export */ });
/**
 * How a flow hands back its result. It returns the whole typed result when it ends; along the way it reports each
 * part the moment it is known (a job id, a state) through one typed callback, `Report`. So `main` puts IDs into the
 * outputs at once, and a run that fails, times out or is cancelled still summarizes what it learned.
 */
/** Collects what a flow reports; `report` is the callback to give the flow, `value` what is known on any path. */
class Known {
    onPart;
    known = {};
    /** `onPart` sees each part as it is reported (to set the outputs that part carries). */
    constructor(onPart = () => { }) {
        this.onPart = onPart;
    }
    report = (part) => {
        this.known = { ...this.known, ...part };
        this.onPart(part);
    };
    get value() {
        return this.known;
    }
}


/***/ }),

/***/ 90216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cr: () => (/* binding */ bold),
/* harmony export */   N8: () => (/* binding */ redactSpansWith),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   mG: () => (/* binding */ inline),
/* harmony export */   md: () => (/* binding */ md),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   oz: () => (/* binding */ Markdown)
/* harmony export */ });
/* unused harmony export SPAN_MAX_CHARS */
/**
 * Text for the job summary and the pull-request comment. Vendor and contributor text (names, paths, messages) goes
 * in as one inline span that cannot start a heading or a block, break a table row, open HTML, a link or emphasis:
 * `inline()` is the one escaper. What our own code writes as markdown is a `Markdown` value, built with `md`, which
 * escapes every plain string it is given, so a string can never pass through unescaped by mistake.
 */
/** Markdown written by our own code; passes into the summary as it is. */
class Markdown {
    text;
    constructor(text) {
        this.text = text;
    }
}
/**
 * Secrets leave a span before it is escaped: escaping (`\\`, `&amp;`) would change them past the forms redaction
 * recognises, and the cut could split one. runAction registers the run's redaction here.
 */
let redactSpan = (text) => text;
const REDACTED = '***';
const ESCAPED_REDACTED = '\\*\\*\\*';
function redactSpansWith(redact) {
    redactSpan = redact;
}
/** One span of vendor text is cut here: a 100 KB message says no more in a summary than its first 2,000 characters. */
const SPAN_MAX_CHARS = 2000;
/** `md\`**${label}**: ${value}\``: the literal parts are ours, every interpolated plain string is escaped. */
function md(parts, ...values) {
    return new Markdown(parts.reduce((text, part, i) => text + inline(values[i - 1]) + part));
}
/** A plain string as one escaped inline span; a number as it is; Markdown unchanged. */
function inline(value) {
    if (value instanceof Markdown)
        return value.text;
    return typeof value === 'number' ? String(value) : escapeSpan(value);
}
/** A name or path in code font showing exactly its characters. */
function code(text) {
    // GitHub shows entities literally inside a backtick span, so text that needs escaping goes into <code> instead.
    const plain = SAFE_IN_BACKTICKS.test(text) && !text.startsWith(' ') && !text.endsWith(' ');
    return new Markdown(plain ? `\`${text}\`` : `<code>${escapeSpan(text)}</code>`);
}
function bold(text) {
    return new Markdown(`**${inline(text)}**`);
}
/** `url` must be built by our code (percent-encoded parts); the text is escaped. */
function link(text, url) {
    return new Markdown(`[${inline(text)}](${url})`);
}
/** Characters a backtick span shows as they are, in a table cell too. */
const SAFE_IN_BACKTICKS = /^[\w ./:@+=,#()?!%'$-]+$/;
/** Backslash-escaped wherever they would mean markdown; `_` only where it could open or close emphasis. */
const BACKSLASHED = new Set(['\\', '`', '*', '[', ']', '~', '|']);
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const WORD = /[\p{L}\p{N}]/u;
/**
 * One linear pass, no backtracking: line breaks become a space (a lone CR goes), HTML is entity-escaped, markdown
 * punctuation backslash-escaped, a leading `#` cannot make a heading. `.` and `-` stay as they are.
 */
function escapeSpan(text) {
    const whole = redactSpan(text);
    // Escaped piece by piece, so what redaction put in shows as `***` wherever it stands (next to bold, say).
    if (whole !== text)
        return whole.split(REDACTED).map(escapeSpan).join(ESCAPED_REDACTED);
    let source = whole;
    let cut = '';
    if (source.length > SPAN_MAX_CHARS) {
        const end = /[\uD800-\uDBFF]/.test(source[SPAN_MAX_CHARS - 1]) ? SPAN_MAX_CHARS - 1 : SPAN_MAX_CHARS;
        source = source.slice(0, end);
        cut = `… (${whole.length - end} more characters)`;
    }
    let out = '';
    let leading = true;
    for (let i = 0; i < source.length; i++) {
        const c = source[i];
        if (c === '\r') {
            if (source[i + 1] !== '\n')
                continue;
        }
        else if (c === '\n' || c === '\u2028' || c === '\u2029') {
            out += ' ';
        }
        else if (c in ENTITIES) {
            out += ENTITIES[c];
        }
        else if (BACKSLASHED.has(c) || (c === '#' && leading)) {
            out += `\\${c}`;
        }
        else if (c === '_' && !(WORD.test(source[i - 1] ?? '') && WORD.test(source[i + 1] ?? ''))) {
            out += '\\_';
        }
        else {
            out += c;
        }
        if (c !== ' ' && c !== '\t' && c !== '\r')
            leading = false;
    }
    return out + cut;
}


/***/ }),

/***/ 32505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ Summary),
/* harmony export */   Jz: () => (/* binding */ SUMMARY_LIMIT_BYTES),
/* harmony export */   zP: () => (/* binding */ cutToBytes)
/* harmony export */ });
/* unused harmony exports SUMMARY_BUDGET_BYTES, TABLE_BUDGET_BYTES */
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90216);
/**
 * The job summary: a heading, key/value tables and lists, rendered as GitHub-flavoured markdown. The verdict, set
 * once the run knows it, always renders first so a reader sees what happened before any table.
 *
 * Bounded: GitHub drops a step summary over 1 MiB whole, verdict included. Tables and lists share a byte budget
 * when rendered: small ones stay whole, long ones are cut (none past its own budget) with a line that says how many
 * rows were left out and where all of them are. Every plain string is escaped (see markdown.ts).
 */

/** GitHub drops a step summary over 1 MiB whole: what is written is cut to this, the last resort. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 1024;
/** The whole summary, in UTF-8 bytes: under GitHub's 1 MiB with room for the title and for redaction. */
const SUMMARY_BUDGET_BYTES = 1_000_000;
/** No one table or list takes more than this, so a long one leaves room for the others and stays readable. */
const TABLE_BUDGET_BYTES = 512 * 1024;
class Summary {
    blocks = [];
    verdictLine;
    verdictDetail;
    /**
     * The one-line outcome shown above everything else; a later call replaces an earlier one. `detail` (the URL,
     * the vendor's whole message) is the line under it.
     */
    verdict(text, detail) {
        this.verdictLine = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(text);
        this.verdictDetail = detail === undefined ? undefined : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(detail);
        return this;
    }
    heading(text, level = 2) {
        return this.fixed(`${'#'.repeat(level)} ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(text)}\n`);
    }
    text(text) {
        return this.fixed(`${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(text)}\n`);
    }
    /** A two-column table; rows whose value is undefined or empty are left out. */
    details(rows) {
        const kept = rows.filter((row) => row[1] !== undefined && row[1] !== '');
        if (kept.length)
            this.table(['field', 'value'], kept.map(([label, value]) => [(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .bold */ .Cr)(label), typeof value === 'string' ? jsonCell(value) : value]));
        return this;
    }
    /** Each cell one escaped span (a `|` or a line break in vendor text cannot break the table); `align` per column. */
    table(header, rows, options = {}) {
        const line = (cells) => `| ${cells.map(_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG).join(' | ')} |`;
        const rule = `| ${header.map((_, i) => (options.align?.[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
        this.blocks.push({ kind: 'rows', head: `${line(header)}\n${rule}\n`, rows: rows.map(line), rest: options.rest });
        return this;
    }
    list(items, options = {}) {
        if (items.length)
            this.blocks.push({ kind: 'rows', head: '', rows: items.map((item) => `- ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(item)}`), rest: options.rest });
        return this;
    }
    /** A section folded into `<details>`: long tables stay out of the way of the verdict but one click away. */
    fold(summaryText, build) {
        const inner = new Summary();
        build(inner);
        if (inner.blocks.length)
            this.blocks.push({ kind: 'fold', title: (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(summaryText), inner: inner.blocks });
        return this;
    }
    /** The markdown, at most `budget` UTF-8 bytes, the verdict always first. */
    toMarkdown(budget = SUMMARY_BUDGET_BYTES) {
        const verdict = this.verdictLine ? [`**${this.verdictLine}**\n`] : [];
        if (this.verdictDetail)
            verdict.push(`${this.verdictDetail}\n`);
        const fixedBytes = bytes(verdict.join('\n')) + bytes(render(this.blocks, new Map()).join('\n'));
        const allowances = shareBudget(rowBlocks(this.blocks), budget - fixedBytes);
        return cutToBytes([...verdict, ...render(this.blocks, allowances)].join('\n'), budget);
    }
    fixed(text) {
        this.blocks.push({ kind: 'fixed', text });
        return this;
    }
}
/** How many items of a JSON value a table cell shows, and how much of each. */
const CELL_ITEMS = 50;
const CELL_ITEM_CHARS = 200;
/**
 * A value that is a JSON array or object (an output such as `snapshot-names`) as a cell a reader can scan: each item
 * or `key: value` in code, comma-separated. Any other text is the plain escaped span.
 */
function jsonCell(value) {
    if (!/^\s*[[{]/.test(value))
        return value;
    let parsed;
    try {
        parsed = JSON.parse(value);
    }
    catch {
        return value;
    }
    if (parsed === null || typeof parsed !== 'object')
        return value;
    const items = Array.isArray(parsed)
        ? parsed.map((item) => scalarText(item))
        : Object.entries(parsed).map(([key, item]) => `${key}: ${scalarText(item)}`);
    const shown = items.slice(0, CELL_ITEMS).map((item) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(item.slice(0, CELL_ITEM_CHARS)).text);
    const more = items.length > CELL_ITEMS ? `, … ${items.length - CELL_ITEMS} more` : '';
    return new _markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .Markdown */ .oz(items.length ? shown.join(', ') + more : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)('(none)'));
}
function scalarText(value) {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)).slice(0, CELL_ITEM_CHARS);
}
/**
 * Markdown cut to `limit` bytes at a line end, saying so: the last resort when even the text outside tables is too
 * long, and for what redaction made longer.
 */
function cutToBytes(markdown, limit) {
    const buffer = Buffer.from(markdown);
    if (buffer.length <= limit)
        return markdown;
    const note = `\n\n**…the rest is left out: a job summary must stay under 1 MiB.**\n`;
    const end = buffer.lastIndexOf(0x0a, Math.max(0, limit - bytes(note)));
    return buffer.subarray(0, Math.max(0, end)).toString() + note;
}
function bytes(text) {
    return Buffer.byteLength(text);
}
function rowBlocks(blocks) {
    return blocks.flatMap((block) => block.kind === 'rows' ? [block] : block.kind === 'fold' ? rowBlocks(block.inner) : []);
}
/** Water-filling: the smallest first, each gets what it needs up to an equal share of what is left. */
function shareBudget(blocks, available) {
    const needs = blocks.map((block) => ({
        block,
        need: Math.min(TABLE_BUDGET_BYTES, block.rows.reduce((n, row) => n + bytes(row) + 1, 0)),
    }));
    needs.sort((a, b) => a.need - b.need);
    const allowances = new Map();
    let left = Math.max(0, available);
    needs.forEach(({ block, need }, i) => {
        const allowance = Math.min(need, Math.floor(left / (needs.length - i)));
        allowances.set(block, allowance);
        left -= allowance;
    });
    return allowances;
}
/** Each block as markdown; a rows block keeps the rows its allowance holds (none when it has no allowance). */
function render(blocks, allowances) {
    return blocks.map((block) => {
        if (block.kind === 'fixed')
            return block.text;
        if (block.kind === 'fold')
            return `<details><summary>${block.title}</summary>\n\n${render(block.inner, allowances).join('\n')}\n</details>\n`;
        let room = allowances.get(block) ?? 0;
        const kept = [];
        for (const row of block.rows) {
            room -= bytes(row) + 1;
            if (room < 0)
                break;
            kept.push(row);
        }
        const left = block.rows.length - kept.length;
        const where = block.rest ? `; ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .inline */ .mG)(block.rest)}` : '';
        const cut = left ? `\n…${left} more row(s) left out to keep the job summary under 1 MiB${where}.\n` : '';
        return `${block.head}${kept.map((row) => `${row}\n`).join('')}${cut}`;
    });
}


/***/ }),

/***/ 19783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ getProxyUrl)
/* harmony export */ });
/* unused harmony export checkBypass */
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map

/***/ })

};

//# sourceMappingURL=10.index.js.map