import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 97037:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(63165);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 63165:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// UNUSED EXPORTS: promoteOutputs

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
;// CONCATENATED MODULE: ./shared/fs/file-name.ts
/** File names built from inputs or vendor text, which must never name a path. */

/** The most bytes one file name may have on Linux, macOS and Windows file systems alike. */
const FILE_NAME_MAX_BYTES = 255;
/**
 * A name as a single file name on every OS: path separators, reserved and control characters become `_`, leading
 * dots go (no `..`, no hidden file), e.g. "Package-1-2-2025-01-27 09-44" → "Package-1-2-2025-01-27_09-44" and
 * "../../x" → "x". Never empty: `fallback` when nothing is left. With `extension` (".json") the whole name, the
 * extension kept whole, fits in 255 UTF-8 bytes: the file systems' limit counts bytes, not characters.
 */
function safeFileName(name, fallback = 'file', extension = '') {
    const safe = name
        // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
        .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
        .replace(/\s+/g, '_')
        .replace(/^[.\s_]+|[.\s]+$/g, '');
    const room = FILE_NAME_MAX_BYTES - Buffer.byteLength(extension);
    return `${cutUtf8(safe, room).replace(/[.\s]+$/, '') || cutUtf8(fallback, room)}${extension}`;
}
/** The longest start of `text` that fits in `maxBytes` of UTF-8, never splitting a character. */
function cutUtf8(text, maxBytes) {
    if (Buffer.byteLength(text) <= maxBytes)
        return text;
    let bytes = 0;
    let end = 0;
    for (const character of text) {
        const size = Buffer.byteLength(character);
        if (bytes + size > maxBytes)
            break;
        bytes += size;
        end += character.length;
    }
    return text.slice(0, end);
}
/**
 * A file as the job summary names it: its path from the workspace when inside it, else its base name (a runner-temp
 * path says nothing to the reader; the output and the artifact hold the file).
 */
function summaryFileName(file, workspace = process.cwd()) {
    const relative = external_node_path_.relative(workspace, file);
    return relative && !relative.startsWith('..') && !external_node_path_.isAbsolute(relative) ? relative : external_node_path_.basename(file);
}

;// CONCATENATED MODULE: ./shared/report/known.ts
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

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __nccwpck_require__(77094);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(48161);
;// CONCATENATED MODULE: ./shared/json.ts
/**
 * Vendor JSON handled without recursion: JSON.parse copes with any depth, but JSON.stringify and any recursive walk
 * overflow the stack on data nested tens of thousands deep. Everything here works with an explicit stack, so the depth
 * of an answer costs memory, never the call stack.
 */
/** Nesting deeper than this is written compactly: indentation would grow with the square of the depth. */
const PRETTY_DEPTH_LIMIT = 200;
/** How deeply arrays and objects nest in `value` (a scalar is 0, `[]` is 1); stops counting past `stopAfter`. */
function jsonDepth(value, stopAfter = Infinity) {
    let deepest = 0;
    // Two parallel stacks rather than one of small objects: this runs over every node of large exports.
    const pending = [];
    const depths = [];
    const visit = (child, depth) => {
        if (child !== null && typeof child === 'object') {
            pending.push(child);
            depths.push(depth);
        }
    };
    visit(value, 1);
    while (pending.length) {
        const current = pending.pop();
        const depth = depths.pop();
        if (depth > deepest) {
            deepest = depth;
            if (deepest > stopAfter)
                return deepest;
        }
        if (Array.isArray(current)) {
            for (let i = 0; i < current.length; i++)
                visit(current[i], depth + 1);
        }
        else {
            for (const key in current) {
                if (Object.prototype.hasOwnProperty.call(current, key))
                    visit(current[key], depth + 1);
            }
        }
    }
    return deepest;
}
/** Mirrors JSON.stringify's rules for a member value: toJSON, and what is left out (undefined, functions, symbols). */
function prepare(value, key) {
    if (value !== null && typeof value === 'object' && typeof value.toJSON === 'function') {
        return value.toJSON(key);
    }
    return value;
}
function omitted(value) {
    return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
/**
 * The compact JSON text of `value`, the same as JSON.stringify gives, at any depth. With `maxChars`, the text stops
 * after about that many characters and says so, so a message quoting vendor data stays short whatever arrived.
 */
function json_jsonText(value, maxChars = Infinity) {
    if (maxChars === Infinity) {
        // The engine's own serialiser is many times faster; it can only fail on depth, and then the walk below takes over.
        try {
            return JSON.stringify(value) ?? 'null';
        }
        catch (error) {
            if (!(error instanceof RangeError))
                throw error;
        }
    }
    return walkJson(value, maxChars);
}
function walkJson(value, maxChars) {
    const parts = [];
    let length = 0;
    const write = (text) => {
        parts.push(text);
        length += text.length;
    };
    const stack = [];
    const open = new Set();
    /** Writes a scalar, or opens an array or object; `item` has been through prepare() already. */
    const start = (item) => {
        if (item === null || typeof item !== 'object') {
            write(omitted(item) ? 'null' : JSON.stringify(item));
            return;
        }
        if (open.has(item))
            throw new TypeError('Converting circular structure to JSON');
        open.add(item);
        if (Array.isArray(item)) {
            write('[');
            stack.push({ kind: 'array', owner: item, items: item, next: 0 });
        }
        else {
            write('{');
            stack.push({ kind: 'object', owner: item, entries: Object.entries(item), next: 0, written: 0 });
        }
    };
    start(prepare(value, ''));
    while (stack.length && length <= maxChars) {
        const frame = stack[stack.length - 1];
        if (frame.kind === 'array') {
            if (frame.next < frame.items.length) {
                const index = frame.next++;
                if (index > 0)
                    write(',');
                start(prepare(frame.items[index], String(index)));
                continue;
            }
            write(']');
        }
        else {
            let member;
            while (!member && frame.next < frame.entries.length) {
                const [key, raw] = frame.entries[frame.next++];
                const item = prepare(raw, key);
                if (!omitted(item))
                    member = [key, item];
            }
            if (member) {
                write(`${frame.written++ > 0 ? ',' : ''}${JSON.stringify(member[0])}:`);
                start(member[1]);
                continue;
            }
            write('}');
        }
        open.delete(frame.owner);
        stack.pop();
    }
    const text = parts.join('');
    if (text.length <= maxChars && !stack.length)
        return text;
    return `${text.slice(0, maxChars)}…(cut at ${maxChars} characters)`;
}
/** Pretty JSON (two-space indent) when the nesting allows it, else compact JSON; `compact` says which. */
function jsonDocument(value) {
    const depth = jsonDepth(value, PRETTY_DEPTH_LIMIT);
    if (depth <= PRETTY_DEPTH_LIMIT)
        return { text: JSON.stringify(value, null, 2), compact: false, depth };
    return { text: json_jsonText(value), compact: true, depth: jsonDepth(value) };
}
/**
 * A vendor value as text for a name, a table cell or a message: a string as it is, a number or boolean as written,
 * nothing for null or absent, anything else as bounded JSON (String() of a deeply nested array overflows the stack).
 */
function scalarText(value, maxChars = 2000) {
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return json_jsonText(value, maxChars);
}
const NUMERIC_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;
function vendorNumber(value) {
    if (value === undefined || value === null)
        return { kind: 'missing' };
    if (typeof value === 'number' && Number.isFinite(value))
        return { kind: 'number', value };
    if (typeof value === 'string' && NUMERIC_TEXT.test(value))
        return { kind: 'number', value: Number(value) };
    return { kind: 'unreadable', got: describeValue(value) };
}
/** A short description of an unexpected value for a message: its JSON (cut short) and, for non-strings, its type. */
function describeValue(value, maxChars = 200) {
    if (typeof value === 'string')
        return json_jsonText(value, maxChars);
    const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    const kind = type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
    return `${kind}: ${json_jsonText(value, maxChars)}`;
}
/** A string with something in it, or undefined (for optional text fields of vendor answers). */
function nonEmptyString(value) {
    return typeof value === 'string' && value ? value : undefined;
}
/**
 * Passes every string in parsed JSON, keys included, through `map`, in place and without recursion; numbers,
 * booleans and null stay as they are. `value` must be the caller's own copy (fresh from JSON.parse).
 */
function mapJsonStrings(value, map) {
    if (typeof value === 'string')
        return map(value);
    const pending = [value];
    const mapped = (item) => {
        if (typeof item === 'string')
            return map(item);
        if (item !== null && typeof item === 'object')
            pending.push(item);
        return item;
    };
    while (pending.length) {
        const current = pending.pop();
        if (Array.isArray(current)) {
            for (let i = 0; i < current.length; i++)
                current[i] = mapped(current[i]);
            continue;
        }
        for (const key of Object.keys(current)) {
            const item = mapped(current[key]);
            const newKey = map(key);
            if (newKey !== key)
                delete current[key];
            // defineProperty, not assignment: a key `__proto__` from JSON.parse is an own property and must stay one.
            Object.defineProperty(current, newKey, { value: item, writable: true, enumerable: true, configurable: true });
        }
    }
    return value;
}

;// CONCATENATED MODULE: ./shared/report/outputs.ts
/**
 * Step outputs, set the moment each value is known so a failed or cancelled run still reports its job IDs. Every
 * value is redacted; a value is appended to GITHUB_OUTPUT only when it changed. GitHub keeps at most 1 MiB per
 * output: a larger value leaves the output empty and goes to a file in RUNNER_TEMP, which a warning names.
 * Outside a runner (no GITHUB_OUTPUT) each value still goes through core.setOutput: @github/local-action records it
 * there, and the toolkit itself prints it as a `::set-output` line, so a bundle started by hand shows it too.
 */






/** GitHub's limit for one output. */
const OUTPUT_LIMIT_BYTES = 1024 * 1024;
/** Sets each output that has a value; an undefined one is left as it was. */
function setOutputs(outputs, values) {
    for (const [name, value] of Object.entries(values))
        if (value !== undefined)
            outputs.set(name, value);
}
function outputText(value) {
    // jsonText, not JSON.stringify: vendor JSON can be nested deeper than the call stack allows.
    return typeof value === 'object' ? jsonText(value) : String(value);
}
function coreOutputs(logger) {
    const values = new Map();
    const warned = new Set();
    return {
        values,
        set(name, value) {
            const text = redactedOutputText(value, logger);
            if (values.get(name) === text)
                return;
            values.set(name, text);
            if (!process.env.GITHUB_OUTPUT)
                return core/* setOutput */.uH(name, text);
            core/* setOutput */.uH(name, boundedOutput(name, text, logger, warned));
        },
    };
}
/**
 * The value as it may leave the process: itself, or, over the 1 MiB one output may hold, empty (not skipped: an
 * earlier, smaller value must not stand as if it were the current one) with the full value in a file that a
 * warning names, once per output. Every host applies the same bound.
 */
function boundedOutput(name, text, logger, warned) {
    const bytes = Buffer.byteLength(text);
    if (bytes <= OUTPUT_LIMIT_BYTES)
        return text;
    const file = writeOversizeOutput(name, text);
    if (!warned.has(name)) {
        warned.add(name);
        logger.warning(`The ${name} output would be ${bytes} bytes, over GitHub's 1 MiB limit for one output: it is left empty, and the full value is in ${file}.`, `Output '${name}' too large`);
    }
    return '';
}
/**
 * Text is redacted as text; JSON string by string, never in its serialized text, so that a secret which is a common
 * word (`true`, `1`) cannot turn `"published":true` into invalid JSON. Numbers and booleans are the action's own.
 */
function redactedOutputText(value, logger) {
    if (typeof value === 'string')
        return logger.redact(value);
    if (typeof value !== 'object')
        return String(value);
    // A copy the walk may change: parsed from the JSON text (toJSON applied, undefined left out, as in the output).
    return json_jsonText(mapJsonStrings(JSON.parse(json_jsonText(value)), (text) => logger.redact(text)));
}
/**
 * Atomically, so a later step never reads half a value. `text` is the output's value, redacted as the output is
 * (JSON string by string); redacting it again as text could break that JSON, so it does not pass writeTextFile.
 */
function writeOversizeOutput(name, text) {
    const dir = external_node_path_.join(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'config-promotion-outputs');
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    const step = safeFileName(process.env.GITHUB_ACTION || 'step', 'step');
    const file = external_node_path_.join(dir, `${step}-${safeFileName(name, 'output')}.txt`);
    (0,external_node_fs_.writeFileSync)(`${file}.partial`, text);
    (0,external_node_fs_.renameSync)(`${file}.partial`, file);
    return file;
}

;// CONCATENATED MODULE: ./shared/errors.ts
/**
 * The error kinds every action reports. `main` turns each into one `setFailed` line plus titled annotations
 * (see report/run.ts), so each carries what the user needs: what failed, the vendor's words, what to do next.
 */
/** The user's configuration is wrong. Raised before any request is sent. */
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? `Input '${problems[0].input}': ${problems[0].message}`
            : `${problems.length} input problems: ${problems.map((p) => `'${p.input}': ${p.message}`).join('; ')}`);
        this.name = 'InputError';
        this.problems = problems;
    }
}
/** A request failed: an HTTP error status, a network error, or a body that could not be understood. */
class ApiError extends Error {
    method;
    url;
    status;
    vendorMessage;
    hint;
    kind;
    what;
    code;
    constructor(details) {
        const status = details.status === undefined ? 'no answer' : `HTTP ${details.status}`;
        // A server can say anything at any length: quote a few KB of it, never the whole of a huge answer.
        const vendorMessage = quote(details.vendorMessage);
        super(`${details.method} ${details.url} failed (${status}): ${vendorMessage}` +
            (details.hint ? `. ${details.hint}` : ''));
        this.name = 'ApiError';
        this.method = details.method;
        this.url = details.url;
        this.status = details.status;
        this.vendorMessage = vendorMessage;
        this.hint = details.hint;
        this.kind = details.kind ?? defaultKind(details.status);
        this.what = details.what;
        this.code = details.code;
    }
    /**
     * The failure in one short line, what failed and what to check: "Could not find changeset X (HTTP 401):
     * ServiceNow refused …". The URL with its query and the vendor's whole text stay in `message`, the detail.
     */
    get verdict() {
        const subject = this.what ? `Could not ${this.what}` : `${this.method} ${pathOf(this.url)} failed`;
        const status = this.status !== undefined ? ` (HTTP ${this.status})` : this.code && this.hint ? ` (${this.code})` : '';
        // A network error's message already starts with "could not <what>: ".
        const reason = this.vendorMessage.replace(/^could not [^:]*: /, '');
        return shortLine(`${subject}${status}: ${this.hint ?? reason}`);
    }
}
/** A URL's path without its query: enough to name the endpoint in one line. */
function pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return url.replace(/[?#].*$/, '');
    }
}
/** The longest a verdict (the failure line that opens the summary and closes the log) may be. */
const VERDICT_MAX_CHARS = 200;
/** `text` on one line of at most `max` characters, cut at a word with "…" when longer. */
function shortLine(text, max = VERDICT_MAX_CHARS) {
    const line = text.replace(/\s+/g, ' ').trim();
    if (line.length <= max)
        return line;
    const cut = line.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,:;]+$/, '')}…`;
}
/**
 * An error as the verdict and, when the verdict leaves something out, the detail: the whole message (URLs,
 * the vendor's full words) for the line below the verdict. What to do next ends a message, so a long one loses
 * its middle, never its advice.
 */
function verdictOf(error, max = VERDICT_MAX_CHARS) {
    const message = errorMessage(error);
    const verdict = error instanceof ApiError ? shortLine(error.verdict, max) : fitLine(...headAndAdvice(error, message), max);
    return verdict === message ? { verdict } : { verdict, detail: message };
}
/** The message's first part and its advice: a JobFailedError's hint, else the last sentence. */
function headAndAdvice(error, message) {
    const hint = error instanceof JobFailedError ? error.hint : undefined;
    if (hint && message.endsWith(`. ${hint}`))
        return [message.slice(0, -hint.length - 2), hint];
    const end = message.lastIndexOf('. ');
    return end > 0 ? [message.slice(0, end), message.slice(end + 2)] : [message, undefined];
}
/** The least of a verdict left to the head when advice is long, so it still says what failed. */
const HEAD_MIN_CHARS = 70;
/** The shortest head that still names the job that failed, when that keeps the advice whole. */
const HEAD_SHORT_CHARS = 45;
/** `head. advice` in `max` characters: the head is cut first, the advice only when it alone is too long. */
function fitLine(head, advice, max) {
    const whole = shortLine(advice ? `${head}. ${advice}` : head, Number.MAX_SAFE_INTEGER);
    if (whole.length <= max || !advice)
        return shortLine(whole, max);
    const line = shortLine(advice, Number.MAX_SAFE_INTEGER);
    // Advice that fits beside a short head stays whole; longer advice leaves the head HEAD_MIN_CHARS.
    const tail = line.length <= max - HEAD_SHORT_CHARS ? line : middleCut(line, max - HEAD_MIN_CHARS);
    return `${shortLine(head, max - tail.length - 1)} ${tail}`;
}
/**
 * Advice longer than `max` loses its middle: its start says what is wrong, its end what to do ("re-run with
 * changeset-number: Chset-4"), so a quarter of the room goes to the start and the rest to the end.
 */
function middleCut(text, max) {
    if (text.length <= max)
        return text;
    const startChars = Math.floor((max - 1) / 4);
    let start = text.slice(0, startChars);
    let end = text.slice(text.length - (max - 1 - startChars));
    // Never half a character at either cut.
    if (/[\uD800-\uDBFF]$/.test(start))
        start = start.slice(0, -1);
    if (/^[\uDC00-\uDFFF]/.test(end))
        end = end.slice(1);
    return `${start.trimEnd()}…${end.trimStart()}`;
}
function defaultKind(status) {
    if (status === undefined)
        return 'network';
    return status >= 200 && status < 300 ? 'unexpected' : 'status';
}
/** The vendor ran the job and reported that it failed; `errors` are the vendor's own messages. */
class JobFailedError extends Error {
    jobId;
    state;
    errors;
    hint;
    constructor(summary, details) {
        const errors = collapseRepeats(details.errors);
        const first = errors[0] === undefined ? undefined : quote(errors[0]);
        super(`${summary}${first ? `: ${first}` : ''}` +
            (errors.length > 1 ? ` (and ${errors.length - 1} more, see the annotations)` : '') +
            (details.hint ? `. ${details.hint}` : ''));
        this.name = 'JobFailedError';
        this.jobId = details.jobId;
        this.state = details.state;
        this.errors = errors.map((error) => quote(error));
        this.hint = details.hint;
    }
}
/** An artifact the user asked for could not be uploaded, on a runner that takes artifacts. */
class ArtifactError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ArtifactError';
    }
}
/** The action's `timeout` ran out before the job finished. */
class TimeoutError extends Error {
    constructor(message) {
        super(message);
        this.name = 'TimeoutError';
    }
}
/** The run was cancelled (SIGINT/SIGTERM from the runner). */
class CancelledError extends Error {
    constructor(message = 'The run was cancelled') {
        super(message);
        this.name = 'CancelledError';
    }
}
/** The same line said n times reads once, with its count: "… (×9)". Order of first appearance is kept. */
function collapseRepeats(lines) {
    const counts = new Map();
    for (const line of lines)
        counts.set(line, (counts.get(line) ?? 0) + 1);
    return [...counts].map(([line, count]) => (count > 1 ? `${line} (×${count})` : line));
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    // Errors from another realm (a VM context) fail `instanceof Error` but still carry their message.
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
}
/** The most of one piece of vendor text that a message quotes. */
const QUOTE_MAX_CHARS = 4000;
/** `text`, cut to `maxChars` with "…(N more bytes)" when longer, so a message stays readable whatever came in. */
function quote(text, maxChars = QUOTE_MAX_CHARS) {
    if (text.length <= maxChars)
        return text;
    return `${text.slice(0, maxChars)}${moreBytes(Buffer.byteLength(text.slice(maxChars)))}`;
}
/** "…(1,234 more bytes)": what a cut-off quote or body left out. */
function moreBytes(bytes) {
    return bytes === undefined ? '…(and more, not read)' : `…(${bytes.toLocaleString('en-US')} more bytes)`;
}
/** A file the run writes (an export, a SARIF or results file, a download) could not be written: which, and why. */
class FileWriteError extends Error {
    constructor(message) {
        super(message);
        this.name = 'FileWriteError';
    }
}

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
        const github = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(351)]).then(__nccwpck_require__.bind(__nccwpck_require__, 61351));
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
        logger.warning(`Could not comment on the pull request: ${errorMessage(error)}. The job summary has the same report; check that github-token may write pull requests (permissions: pull-requests: write).`, 'Pull request comment not posted');
    }
}

;// CONCATENATED MODULE: ./shared/runtime.ts
/**
 * What every flow and shared piece receives instead of reaching for globals: the clock (so tests never wait),
 * the logger, the cancellation signal and the run's deadline.
 */

const systemClock = {
    now: () => Date.now(),
    random: () => Math.random(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(new CancelledError());
        const onAbort = () => {
            clearTimeout(timer);
            reject(new CancelledError());
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
/** The run's time budget (the `timeout` input). */
class Deadline {
    clock;
    timeoutMs;
    startedAt;
    at;
    constructor(clock, timeoutMs) {
        this.clock = clock;
        this.timeoutMs = timeoutMs;
        this.startedAt = clock.now();
        this.at = this.startedAt + timeoutMs;
    }
    remaining() {
        return Math.max(0, this.at - this.clock.now());
    }
    elapsed() {
        return this.clock.now() - this.startedAt;
    }
    /**
     * One abort signal for one piece of work (a request from its DNS look-up to its body's last byte): it aborts
     * with a TimeoutError when the deadline passes and with a CancelledError when `cancel` aborts. Call `release`
     * when the work is over, so no timer or listener outlives it.
     */
    abortSignal(cancel) {
        const controller = new AbortController();
        let timer;
        const onCancel = () => {
            clearTimeout(timer);
            controller.abort(new CancelledError());
        };
        const expire = () => {
            controller.abort(new TimeoutError(`the action's timeout (${formatDuration(this.timeoutMs)}) ran out`));
            cancel.removeEventListener('abort', onCancel);
        };
        const arm = () => {
            const remaining = this.remaining();
            if (remaining <= 0)
                return expire();
            // setTimeout cannot wait longer than about 24.8 days in one go.
            timer = remaining > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(expire, remaining);
            timer.unref();
        };
        if (cancel.aborted)
            onCancel();
        else {
            cancel.addEventListener('abort', onCancel, { once: true });
            arm();
        }
        return {
            signal: controller.signal,
            release: () => {
                clearTimeout(timer);
                cancel.removeEventListener('abort', onCancel);
            },
        };
    }
}
const MAX_TIMER_MS = 2 ** 31 - 1;
/** `1m 05s`-style durations for progress lines and summaries. */
function formatDuration(ms) {
    const totalSeconds = Math.round(ms / 100) / 10;
    if (totalSeconds < 60)
        return `${totalSeconds}s`;
    const seconds = Math.round(totalSeconds);
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    const mm = h ? String(m).padStart(2, '0') : String(m);
    return `${h ? `${h}h ` : ''}${mm}m ${String(s).padStart(2, '0')}s`;
}
/** "16 MB", "256 MB", "1.5 KB", "300 bytes": sizes in messages, to one decimal. */
function formatBytes(bytes) {
    if (bytes >= 2 ** 20)
        return `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
    if (bytes >= 1024)
        return `${Math.round((bytes / 1024) * 10) / 10} KB`;
    return `${bytes} bytes`;
}

;// CONCATENATED MODULE: ./shared/secret-forms.ts
/**
 * The forms a secret takes in text that we print or write: a vendor quotes a request body JSON-escaped, a URL
 * carries it percent-encoded, an Authorization header base64-encoded, an HTML error page entity-escaped. Each form is
 * redacted like the secret itself, and registered with the runner's mask.
 */
/**
 * Shorter secrets are not removed from our own text: replacing every `1` or `ab` would wreck the files and outputs
 * that hold them (the runner still masks them in its log). A 3-character secret is removed, though it may blank
 * ordinary words too.
 */
const MIN_REDACTED_LENGTH = 3;
/** Below this, a secret cannot be protected reliably: the input reader warns about it (naming the input only). */
const RELIABLE_SECRET_LENGTH = 4;
/** Every distinct form of `secret`, the secret first; empty when it is too short to redact. */
function secretForms(secret) {
    if (secret.length < MIN_REDACTED_LENGTH)
        return [];
    const json = jsonForms(secret);
    return [
        ...new Set([
            secret,
            ...urlForms(secret),
            ...json,
            // JSON text quoted inside a JSON string (a request body in an error message of a JSON answer).
            ...jsonForms(json[0]),
            ...base64Forms(secret),
            ...htmlForms(secret),
        ]),
    ];
}
function urlForms(secret) {
    const encoded = encodeURIComponent(secret);
    return [
        encoded,
        encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
        // application/x-www-form-urlencoded: a space is `+`, and `!'()~` are encoded too.
        new URLSearchParams({ s: secret }).toString().slice(2),
    ];
}
/**
 * What JSON encoders write inside a string: JSON.stringify's escapes first (`"` → `\"`, `\` → `\\`, control
 * characters), then `/` as `\/`, non-ASCII as `\uXXXX`, and the HTML-safe `<>&='` as `\u003c`…, in lower- and
 * upper-case hex.
 */
function jsonForms(secret) {
    const plain = JSON.stringify(secret).slice(1, -1);
    const forms = [plain, plain.replace(/\//g, '\\/')];
    for (const upper of [false, true]) {
        const escape = (text, pattern) => text.replace(pattern, (c) => {
            const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
            return `\\u${upper ? hex.toUpperCase() : hex}`;
        });
        const htmlSafe = escape(plain, /[<>&=']/g);
        forms.push(escape(plain, /[\u0080-\uffff]/g), htmlSafe, escape(htmlSafe, /[\u0080-\uffff]/g));
    }
    return forms;
}
/** Base64 of the secret alone; the Basic value of `user:password` is registered as a secret of its own. */
function base64Forms(secret) {
    const bytes = Buffer.from(secret);
    const padded = bytes.toString('base64');
    return [padded, padded.replace(/=+$/, ''), bytes.toString('base64url')];
}
function htmlForms(secret) {
    const minimal = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const quoted = minimal.replace(/"/g, '&quot;');
    return [minimal, quoted.replace(/'/g, '&#39;'), quoted.replace(/'/g, '&#x27;')];
}

;// CONCATENATED MODULE: ./shared/inputs/parse.ts
/** The text formats the input reader accepts: lists, durations, sizes and base URLs. Pure functions of text. */
const DURATION_UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** `a, b and c` (or `a, b or c`). */
function listOf(names, conjunction) {
    return names.length > 1
        ? `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`
        : names.join('');
}
function splitList(value) {
    return value
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
function parseDuration(text) {
    const value = text.trim();
    if (/^\d+(\.\d+)?$/.test(value))
        return Math.round(Number(value) * 1000);
    const pattern = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
    let total = 0;
    let consumed = 0;
    for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
        total += Number(match[1]) * DURATION_UNITS_MS[match[2]];
        consumed = pattern.lastIndex;
    }
    return consumed === value.length && consumed > 0 ? Math.round(total) : undefined;
}
const SIZE_UNITS = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024, gb: 1024 * 1024 * 1024 };
function parseSize(text) {
    const match = /^(\d+(?:\.\d+)?)\s*([kmg]?b)?$/i.exec(text.trim());
    if (!match)
        return undefined;
    return Math.round(Number(match[1]) * SIZE_UNITS[(match[2] ?? '').toLowerCase()]);
}
/** An http(s) base URL without a trailing slash, or undefined when the text is not one (see InputReader.url). */
function parseBaseUrl(text) {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
    let url;
    try {
        url = new URL(withScheme);
    }
    catch {
        return undefined;
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
        return undefined;
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
/**
 * The port written in a URL (with or without a scheme) when it is not one from 1 to 65535. `new URL` takes port 0
 * (nothing listens there) and refuses ports over 65535 only as an invalid URL, which would not say why.
 */
function invalidPortOf(text) {
    const authority = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)/i.exec(text.trim())?.[1] ?? '';
    const port = /:(\d+)$/.exec(authority.slice(authority.lastIndexOf('@') + 1))?.[1];
    return port !== undefined && (Number(port) < 1 || Number(port) > 65535) ? port : undefined;
}
/** The `user:password` part of a URL (with or without a scheme), or undefined when it has none. */
function userinfoOf(text) {
    return USERINFO.exec(text.trim())?.[2] || undefined;
}
/** `https://admin:secret@host/x` → `https://***@host/x`. */
function withoutUserinfo(text) {
    return text.trim().replace(USERINFO, '$1***@');
}
/** Scheme (optional), then userinfo up to the last `@` before the path, query or fragment. */
const USERINFO = /^((?:[a-z][a-z0-9+.-]*:)?\/\/|)([^/?#]*)@/i;
function decodeURIComponentSafe(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
function isLoopback(hostname) {
    return hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';
}

;// CONCATENATED MODULE: ./shared/inputs/reader.ts
/**
 * The one input reader. Each reader method records a problem instead of throwing, so `finish()` reports every
 * problem of the run together, each naming the input and what would be valid, before any request is sent.
 */




/** How the runner passes inputs: `INPUT_<NAME>` with spaces as underscores, upper-cased (hyphens stay). */
const environmentInputs = (name) => process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
/** How much of a given value a problem quotes: enough to recognise it, never a whole file pasted into an input. */
const ECHO_CHARS = 200;
/** The value's first ECHO_CHARS characters, and how many more there were (0 when it is whole). */
function cut(value) {
    if (value.length <= ECHO_CHARS)
        return { shown: value, more: 0 };
    // Cutting between the two halves of a surrogate pair would leave half a character.
    const end = /[\uD800-\uDBFF]/.test(value[ECHO_CHARS - 1]) ? ECHO_CHARS - 1 : ECHO_CHARS;
    return { shown: `${value.slice(0, end)}…`, more: value.length - end };
}
/** `(got 'value')`, the value cut to ECHO_CHARS with how much more there was: the end of every problem. */
function gotText(value) {
    const { shown, more } = cut(value);
    return more ? `(got '${shown}', ${more} more characters)` : `(got '${shown}')`;
}
/** `'value'`, cut like gotText, for a problem that quotes a value (or one item of it) inside its sentence. */
function echoInput(value) {
    const { shown, more } = cut(value);
    return more ? `'${shown}' (${more} more characters)` : `'${shown}'`;
}
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
class InputReader {
    source;
    logger;
    problems = [];
    constructor(source, logger) {
        this.source = source;
        this.logger = logger;
    }
    /** True when the input was given (non-empty). */
    has(name) {
        return this.raw(name) !== '';
    }
    /**
     * Records a problem with `input`. `got` is the value as given, when the message quotes it: every echo of a value
     * goes through here, so none is quoted at any length.
     */
    problem(input, message, got) {
        this.problems.push({ input, message: got === undefined ? message : `${message} ${gotText(got)}` });
    }
    string(name, options = {}) {
        const value = this.raw(name);
        if (value)
            return value;
        if (options.required)
            this.problem(name, 'is required');
        return options.default;
    }
    /** The value exactly as given, surrounding whitespace included (content that is sent as it is). */
    verbatim(name) {
        return this.source(name);
    }
    /** A secret is masked the moment it is read; one too short to tell from ordinary text is warned about. */
    secret(name, options = {}) {
        const value = this.string(name, options);
        if (value)
            this.logger.mask(value);
        if (value && value.length < RELIABLE_SECRET_LENGTH) {
            // The value's length is not said either: it narrows the guess.
            this.logger.warning(`Input '${name}' is shorter than ${RELIABLE_SECRET_LENGTH} characters, so it cannot be protected reliably: it is too short to tell apart from ordinary text in the log, outputs and files. Use a longer secret.`, `Input '${name}'`);
        }
        return value;
    }
    choice(name, values, options = {}) {
        const value = this.raw(name);
        if (!value)
            return options.default;
        const found = values.find((v) => (options.ignoreCase ? v.toLowerCase() === value.toLowerCase() : v === value));
        if (found === undefined)
            this.problem(name, `must be one of ${values.join(', ')}`, value);
        return found;
    }
    /** YAML 1.2 core booleans: true/True/TRUE, false/False/FALSE. */
    boolean(name, defaultValue) {
        const value = this.raw(name);
        if (!value)
            return defaultValue;
        if (TRUE_VALUES.includes(value))
            return true;
        if (FALSE_VALUES.includes(value))
            return false;
        this.problem(name, 'must be true or false', value);
        return defaultValue;
    }
    /**
     * `90s`, `15m`, `1h`, `1h30m`, `500ms` or bare seconds; returns milliseconds. `min` (ms) refuses shorter values,
     * e.g. a poll interval below what the poller waits at least.
     */
    duration(name, defaultValue, options = {}) {
        const value = this.raw(name) || defaultValue;
        const ms = parseDuration(value);
        if (ms === undefined || ms <= 0) {
            this.problem(name, 'must be a positive duration such as 90s, 15m, 1h or a number of seconds', value);
            return parseDuration(defaultValue) ?? 0;
        }
        if (options.min !== undefined && ms < options.min) {
            this.problem(name, `must be at least ${formatDuration(options.min)}`, value);
            return parseDuration(defaultValue) ?? 0;
        }
        return ms;
    }
    integer(name, options = {}) {
        const value = this.raw(name);
        if (!value)
            return options.default;
        const n = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
        const tooLow = options.min !== undefined && n < options.min;
        const tooHigh = options.max !== undefined && n > options.max;
        if (!Number.isSafeInteger(n) || tooLow || tooHigh) {
            const range = [
                options.min !== undefined && `at least ${options.min}`,
                options.max !== undefined && `at most ${options.max}`,
            ]
                .filter(Boolean)
                .join(' and ');
            this.problem(name, `must be a whole number${range ? ` ${range}` : ''}`, value);
            return options.default;
        }
        return n;
    }
    /** A size such as `2MB`, `512KB`, `1.5MB` or bare bytes (KB and MB are 1024-based, as the servers count). */
    size(name, defaultValue) {
        const value = this.raw(name);
        if (!value)
            return defaultValue;
        const bytes = parseSize(value);
        if (bytes === undefined) {
            this.problem(name, 'must be a size such as 2MB, 512KB or a number of bytes, or 0 for no limit', value);
            return defaultValue;
        }
        return bytes;
    }
    /**
     * An http(s) base URL: https is added when no scheme is given, the trailing slash removed; credentials, query and
     * fragment are refused. Plain http to a host other than this machine warns that credentials travel unencrypted.
     * `normalize` maps shorthand first (a ServiceNow instance name, say); `expected` describes valid values.
     */
    url(name, options = {}) {
        const value = this.string(name, { required: options.required, default: options.default });
        if (value === undefined)
            return undefined;
        const text = options.normalize ? options.normalize(value) : value;
        const credentials = userinfoOf(text);
        if (credentials) {
            // Never echoed: the password would land in the log. Masked too, in case something else quotes the URL.
            const colon = credentials.indexOf(':');
            if (colon >= 0)
                this.logger.mask(decodeURIComponentSafe(credentials.slice(colon + 1)));
            this.problem(name, `must not contain a user name or password ${gotText(withoutUserinfo(value))}: give the credentials in their own inputs, from secrets`);
            return undefined;
        }
        if (invalidPortOf(text) !== undefined) {
            this.problem(name, 'must have a port from 1 to 65535', value);
            return undefined;
        }
        const url = parseBaseUrl(text);
        if (url === undefined && /[?#]/.test(value)) {
            // A query may carry a token (?api_key=...): not echoed either.
            this.problem(name, 'must be a base URL without a query or fragment', `${value.replace(/[?#].*$/s, '')}?…`);
        }
        else if (url === undefined) {
            this.problem(name, `must be ${options.expected ?? 'an http(s) URL'}`, value);
        }
        else if (url.startsWith('http:') && !isLoopback(new URL(url).hostname)) {
            this.logger.warning(`${name} uses plain http: credentials travel unencrypted to ${new URL(url).host}. Use https.`, 'Unencrypted connection');
        }
        return url;
    }
    /** Parses a JSON input that must be an object (or an array). */
    json(name, kind) {
        const value = this.raw(name);
        if (!value)
            return undefined;
        let parsed;
        try {
            parsed = JSON.parse(value);
        }
        catch (error) {
            this.problem(name, `must be a JSON ${kind}: ${error.message}`);
            return undefined;
        }
        const isArray = Array.isArray(parsed);
        const ok = kind === 'array' ? isArray : typeof parsed === 'object' && parsed !== null && !isArray;
        if (!ok) {
            this.problem(name, `must be a JSON ${kind} (got ${isArray ? 'an array' : parsed === null ? 'null' : typeof parsed})`);
            return undefined;
        }
        return parsed;
    }
    /** Newline- or comma-separated items, trimmed, empty ones dropped. */
    list(name) {
        return splitList(this.raw(name));
    }
    /**
     * Exactly one of `names` must be given; returns the one that was. `context` prefixes the problem when the rule
     * belongs to something else (an operation, say): "create-app: give only one of ...".
     */
    exactlyOne(names, options = {}) {
        const given = names.filter((name) => this.has(name));
        if (given.length === 1)
            return given[0];
        const prefix = options.context ? `${options.context}: ` : '';
        if (given.length)
            this.problem(given[1], `${prefix}give only one of ${listOf(names, 'and')} (got ${given.join(', ')})`);
        else
            this.problem(names[0], `${prefix}give ${listOf(names, 'or')}`);
        return undefined;
    }
    /** At least one of `names` must be given (`context` as for exactlyOne). */
    atLeastOne(names, options = {}) {
        if (names.some((name) => this.has(name)))
            return;
        this.problem(names[0], `${options.context ? `${options.context}: ` : ''}give at least one of ${listOf(names, 'or')}`);
    }
    /** `name` means something only when `applies` holds; `when` says when ("artifact-name", "target: collection"). */
    onlyWith(name, applies, when) {
        if (!applies && this.has(name))
            this.problem(name, `only applies with ${when}`);
    }
    /** `name` must be given when `needed` holds; `when` says when, as for onlyWith. */
    requiredWith(name, needed, when) {
        if (needed && !this.has(name))
            this.problem(name, `is required with ${when}`);
    }
    /**
     * Throws one InputError with every problem found, if any. Otherwise returns `required` with its types narrowed
     * to present: the values a flow needs come out of here, so no later check can quietly end a run that did nothing.
     * A value still missing without a recorded problem is a defect of the action, and fails the step as such.
     */
    finish(required = {}) {
        if (this.problems.length)
            throw new InputError(this.problems);
        const missing = Object.keys(required).filter((key) => required[key] === undefined || required[key] === null);
        if (missing.length)
            throw new Error(`No value for ${missing.join(', ')} although no input problem was found`);
        return required;
    }
    raw(name) {
        return this.source(name).trim();
    }
}

;// CONCATENATED MODULE: ./shared/report/artifact.ts
/**
 * Artifact upload, only when the user named an artifact. Where the runtime cannot take one (run outside GitHub
 * Actions, or GitHub Enterprise Server, which this artifact client does not support) it warns and the run goes on:
 * the file stays on disk for a later step. Where it can, a failed upload fails the step: the user asked for the
 * artifact and a later job would look for it. Callers report their outputs and files before uploading.
 */


/** The `artifact-name` and `retention-days` inputs; undefined when no artifact was asked for. */
function readArtifactInputs(inputs) {
    const name = inputs.string('artifact-name');
    const retentionDays = inputs.integer('retention-days', { min: 1, max: 90 });
    inputs.onlyWith('retention-days', name !== undefined, 'artifact-name');
    return name === undefined ? undefined : { name, retentionDays };
}
async function uploadArtifact(request, logger) {
    const where = request.files.join(', ');
    if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
        logger.warning(`Artifact '${request.name}' was not uploaded: this runtime has no artifact service (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are unset, as outside GitHub Actions). The file stays at ${where}.`, 'Artifact not uploaded');
        return undefined;
    }
    const server = enterpriseServer();
    if (server) {
        logger.warning(`Artifact '${request.name}' was not uploaded: ${server} is GitHub Enterprise Server, which this artifact upload does not support. The file stays at ${where}.`, 'Artifact not uploaded');
        return undefined;
    }
    try {
        // Loaded on demand: the artifact client is most of the bundle and most runs do not need it.
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(351), __nccwpck_require__.e(779), __nccwpck_require__.e(645)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9645));
        const rootDirectory = commonDirectory(request.files);
        const response = await new DefaultArtifactClient().uploadArtifact(request.name, request.files, rootDirectory, {
            retentionDays: request.retentionDays,
        });
        logger.info(`Uploaded artifact '${request.name}' (id ${response.id ?? 'unknown'}, ${response.size ?? '?'} bytes).`);
        return { id: response.id, size: response.size };
    }
    catch (error) {
        throw new ArtifactError(`Artifact '${request.name}' was not uploaded: ${errorMessage(error)}. The file stays at ${where}; re-run the job, or leave artifact-name empty if no later job needs the artifact`);
    }
}
/** The server, when the run is on GitHub Enterprise Server (neither github.com nor a ghe.com data-residency host). */
function enterpriseServer() {
    const serverUrl = process.env.GITHUB_SERVER_URL;
    if (!serverUrl)
        return undefined;
    let host;
    try {
        host = new URL(serverUrl).hostname.toLowerCase();
    }
    catch {
        return undefined;
    }
    const cloud = host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost');
    return cloud ? undefined : host;
}
function commonDirectory(files) {
    return files
        .map((file) => external_node_path_.dirname(external_node_path_.resolve(file)))
        .reduce((common, dir) => {
        while (!`${dir}${external_node_path_.sep}`.startsWith(`${common}${external_node_path_.sep}`) && common !== external_node_path_.dirname(common)) {
            common = external_node_path_.dirname(common);
        }
        return common;
    });
}

;// CONCATENATED MODULE: ./shared/report/logger.ts
/** The Logger the flows receive, on top of @actions/core, with our own redaction on every line. */


/** Remembers secrets and removes them, in every form they take in text (secret-forms.ts), from text. */
class SecretRedactor {
    secrets = new Set();
    /** Longest first, so a form is never cut by a shorter one inside it. */
    ordered = [];
    /** Registers `secret`; returns the forms not known before (none when it is too short to redact). */
    add(secret) {
        const added = secretForms(secret).filter((form) => !this.secrets.has(form));
        for (const form of added)
            this.secrets.add(form);
        if (added.length)
            this.ordered = [...this.secrets].sort((a, b) => b.length - a.length);
        return added;
    }
    redact(text) {
        let result = text;
        for (const secret of this.ordered)
            if (result.includes(secret))
                result = result.split(secret).join('***');
        return result;
    }
}
/**
 * Makes text safe to print as plain log lines: the runner reads every stdout line (split at CR or LF) that starts
 * with `::` (after whitespace) as a workflow command, and `##[name]` anywhere in a line as the legacy form. Vendor
 * text and inputs end up in log lines, so no line of theirs may start one: a leading `::` becomes `\::`, `##[`
 * becomes `##\[`, and a bare CR (which the runner would take as a line break) a visible `\r`.
 */
function neutralizeCommands(text) {
    return text
        .replace(/\r\n/g, '\n')
        .replace(/\r/g, '\\r')
        .split('\n')
        .map((line) => line.replace(/^([\s\u0085]*)::/, '$1\\::').replace(/##\[/g, '##\\['))
        .join('\n');
}
function coreLogger(redactor = new SecretRedactor()) {
    const r = (text) => redactor.redact(text);
    const properties = (title, location) => ({
        ...(title ? { title: r(title) } : {}),
        ...(location ? { file: r(location.file), startLine: location.line } : {}),
    });
    return {
        isDebug: core/* isDebug */._o(),
        // debug, warning, error and notice are workflow commands: the toolkit escapes CR, LF and % in them.
        debug: (message) => core/* debug */.Yz(r(message)),
        info: (message) => core/* info */.pq(neutralizeCommands(r(message))),
        warning: (message, title, location) => core/* warning */.$e(r(message), properties(title, location)),
        error: (message, title, location) => core/* error */.z3(r(message), properties(title, location)),
        notice: (message, title, location) => core/* notice */.lm(r(message), properties(title, location)),
        mask: (secret) => {
            if (!secret)
                return;
            core/* setSecret */.Pq(secret);
            for (const form of redactor.add(secret))
                if (form !== secret)
                    core/* setSecret */.Pq(form);
        },
        redact: r,
    };
}

;// CONCATENATED MODULE: ./shared/hosts/github.ts
/**
 * GitHub Actions, the first host: inputs from `INPUT_*`, lines and annotations as workflow commands through
 * @actions/core, outputs into GITHUB_OUTPUT, the summary into GITHUB_STEP_SUMMARY, artifacts to the artifact service.
 */






function githubHost(inputs = environmentInputs) {
    return {
        name: 'github',
        inputs,
        logger: (redactor) => coreLogger(redactor),
        outputs: (logger) => coreOutputs(logger),
        async writeSummary(markdown, logger) {
            // Outside a runner (no GITHUB_STEP_SUMMARY) the summary is printed to the log, so a local run still shows it.
            if (!process.env.GITHUB_STEP_SUMMARY)
                return logger.info(`Job summary:\n${markdown}`);
            try {
                await core/* summary */.z.addRaw(markdown, true).write();
            }
            catch (error) {
                logger.warning(`Could not write the job summary: ${errorMessage(error)}`);
            }
        },
        uploadArtifact: uploadArtifact,
        reportResults: () => undefined,
        close: async () => undefined,
        exitCode: () => 1,
    };
}

;// CONCATENATED MODULE: ./shared/report/markdown.ts
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
function markdown_link(text, url) {
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(77598);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __nccwpck_require__(78474);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(51455);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(57075);
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: external "node:timers/promises"
const external_node_timers_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./shared/fs/output-file.ts
/**
 * Where an output file (an export, SARIF, results, a download) may be written, and how. A regular file is replaced
 * atomically; a character device or FIFO the user named (/dev/null, /dev/stdout, a pipe) is written in place, since
 * renaming a file over it would put a regular file where the device was (as root, that breaks the machine); a folder,
 * socket or disk is refused.
 *
 * Links: the rule for reads (files/workspace.ts) holds for writes too. A path inside the workspace or RUNNER_TEMP
 * must really land inside it: a folder link in a contributor's pull request (`reports -> /etc`) must not carry a
 * write out of it. A path outside both was named by the user as it is, and is taken as given.
 */





/** Why `file` cannot be written (cause, then what to do), or how it is written. Reads the file system. */
function inspectOutputFile(file) {
    try {
        return inspect(external_node_path_.resolve(file));
    }
    catch (error) {
        return { problem: causeOf(error) }; // e.g. EACCES on a folder on the way
    }
}
function inspect(absolute) {
    const nameBytes = Buffer.byteLength(external_node_path_.basename(absolute));
    if (nameBytes > FILE_NAME_MAX_BYTES) {
        return {
            problem: `its name is ${nameBytes} bytes long, over the ${FILE_NAME_MAX_BYTES} bytes a file name may have. Choose a shorter name`,
        };
    }
    const parent = realFolder(external_node_path_.dirname(absolute));
    if ('problem' in parent)
        return parent;
    const info = (0,external_node_fs_.statSync)(absolute, { throwIfNoEntry: false });
    const kind = info && refusedKind(info);
    if (kind)
        return { problem: kind };
    const inPlace = info !== undefined && (info.isCharacterDevice() || info.isFIFO());
    // A replaced file lands beside its link (the rename replaces the link); an in-place write goes where it leads.
    const real = inPlace ? (0,external_node_fs_.realpathSync)(absolute) : external_node_path_.join(parent.real, external_node_path_.basename(absolute));
    const escape = leavesRoot(absolute, real);
    if (escape)
        return { problem: escape };
    return { how: inPlace ? 'in-place' : 'replace', real, fifo: inPlace && info.isFIFO() };
}
/** For an input: why the file it names cannot be written, or undefined. */
function outputFileProblem(file) {
    const target = inspectOutputFile(file);
    return 'problem' in target ? target.problem : undefined;
}
/**
 * `folder/stem` for a set of files to be written beside each other (`.sarif`, `.json`), none of which exists yet:
 * `stem`, else `stem-2`, `stem-3`, ... A default name never replaces a file an earlier step wrote.
 */
function unusedPath(folder, stem, extensions) {
    const suffix = '-'.length + 8; // room for the longest suffix, `-` and 8 hex digits
    const room = FILE_NAME_MAX_BYTES - Math.max(0, ...extensions.map((e) => Buffer.byteLength(e))) - suffix;
    const base = external_node_path_.join(external_node_path_.resolve(folder), cutUtf8(stem, room));
    for (let n = 1; n < 1000; n++) {
        const candidate = n === 1 ? base : `${base}-${n}`;
        if (extensions.every((extension) => !exists(`${candidate}${extension}`)))
            return candidate;
    }
    return `${base}-${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
}
/** Anything there, a dangling link too; a path that cannot be looked at counts as free (writing it says why). */
function exists(file) {
    try {
        return (0,external_node_fs_.lstatSync)(file, { throwIfNoEntry: false }) !== undefined;
    }
    catch {
        return false;
    }
}
/** "Could not write <file>: <cause>. <what to do>" from a failed write's error (ENOSPC, EROFS, ...). */
function fileWriteError(file, error) {
    if (error instanceof FileWriteError)
        return error;
    return new FileWriteError(`Could not write ${external_node_path_.resolve(file)}: ${causeOf(error)}`);
}
function causeOf(error) {
    const code = error?.code;
    const known = code ? CAUSES[code] : undefined;
    return known ?? `${errorMessage(error)}. Check the path, and that its folder is writable`;
}
const NO_SPACE = 'Free space on the runner, or write the file elsewhere';
const CAUSES = {
    ENOSPC: `no space left on the device. ${NO_SPACE}`,
    EDQUOT: `the disk quota is used up. ${NO_SPACE}`,
    EROFS: 'the file system is read-only. Write the file to a writable folder, such as RUNNER_TEMP',
    EACCES: 'permission denied. Write the file to a folder this user may write to, such as RUNNER_TEMP',
    EPERM: 'the operation is not permitted. Write the file to a folder this user may write to, such as RUNNER_TEMP',
    ENAMETOOLONG: `a name in its path is over ${FILE_NAME_MAX_BYTES} bytes. Choose a shorter name`,
    EISDIR: 'it is a folder. Name a file, not a folder',
    ENOTDIR: 'a folder in its path is a file. Check the path',
    ENXIO: 'nothing reads from the FIFO. Start its reader before this step',
    EIO: 'the device reported an input/output error. Check the disk, or write the file elsewhere',
};
function refusedKind(info) {
    if (info.isDirectory())
        return 'it is a folder. Name a file, not a folder';
    if (info.isSocket())
        return 'it is a socket. Name a file, a FIFO or a device such as /dev/null';
    if (info.isBlockDevice())
        return 'it is a block device (a disk). Name a file, not a disk';
    return undefined;
}
/** The real path of `folder`; for a folder not made yet, its nearest existing ancestor's real path joined by the rest. */
function realFolder(folder) {
    const rest = [];
    for (let current = folder;; current = external_node_path_.dirname(current)) {
        const info = (0,external_node_fs_.lstatSync)(current, { throwIfNoEntry: false });
        if (info) {
            const real = realOr(current, '');
            if (!real)
                return { problem: `${current} is a link that leads nowhere. Check the path` };
            if (!(0,external_node_fs_.statSync)(real).isDirectory())
                return { problem: `${current} is not a folder. Check the path` };
            return { real: external_node_path_.join(real, ...rest.reverse()) };
        }
        if (external_node_path_.dirname(current) === current)
            return { real: folder };
        rest.push(external_node_path_.basename(current));
    }
}
/** Why a path inside the workspace or RUNNER_TEMP lands outside it through a link, or undefined. */
function leavesRoot(absolute, real) {
    const roots = [
        { name: 'the workspace', folder: process.env.GITHUB_WORKSPACE || process.cwd() },
        ...(process.env.RUNNER_TEMP ? [{ name: 'RUNNER_TEMP', folder: process.env.RUNNER_TEMP }] : []),
    ].map((root) => {
        const folder = external_node_path_.resolve(root.folder);
        return { ...root, folder, real: realOr(folder) };
    });
    const holding = roots.filter((root) => inside(absolute, root.folder) || inside(absolute, root.real));
    if (!holding.length || holding.some((root) => inside(real, root.real)))
        return undefined;
    return (`it leads outside ${holding[0].name} ${holding[0].folder} (to ${real}). Files are written only inside the ` +
        'workspace or RUNNER_TEMP when their path is in one of them; name the real path to write there');
}
function realOr(file, fallback = file) {
    try {
        return (0,external_node_fs_.realpathSync)(file);
    }
    catch {
        return fallback;
    }
}
function inside(file, folder) {
    const relative = external_node_path_.relative(folder, file);
    return relative === '' || (!relative.startsWith(`..${external_node_path_.sep}`) && relative !== '..' && !external_node_path_.isAbsolute(relative));
}

;// CONCATENATED MODULE: ./shared/fs/atomic.ts
/**
 * Files are written atomically: into a temporary file beside the target, then renamed over it, so a reader never
 * sees half a file and a failure leaves the old file (or none) rather than a fragment. A device or FIFO the user
 * named is written in place instead, and what cannot be written is an error naming the file and the cause
 * (output-file.ts decides which).
 */











/** How long a write into a FIFO waits for a reader at its other end before it fails. */
const FIFO_READER_WAIT_MS = 10_000;
/** `.<name>.<12 hex>.partial`: what the temporary name adds to the target's, kept within one file name's bytes. */
const TEMPORARY_NAME_EXTRA_BYTES = '.'.length + '.'.length + 12 + '.partial'.length;
async function atomic_writeFileAtomic(destination, data) {
    return writeStreamAtomic(destination, Readable.from([Buffer.from(data)]));
}
/**
 * Streams into the file, counting bytes and hashing on the way; the partial file is removed on failure.
 * `verify` may reject what arrived (a short body, say) before the file takes its place; `head` may reject it from
 * its first bytes (not the kind of file expected) without reading the rest.
 */
async function writeStreamAtomic(destination, source, verify, head) {
    const target = external_node_path_.resolve(destination);
    const found = inspectOutputFile(target);
    if ('problem' in found)
        throw new FileWriteError(`Could not write ${target}: ${found.problem}`);
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    let firstBytes = head ? [] : undefined;
    /** Runs the head check once; true when it threw (the error went to `callback`). */
    const checkHead = (callback, atEnd) => {
        if (!head || !firstBytes || (!atEnd && bytes < head.bytes) || bytes === 0)
            return false;
        const seen = Buffer.concat(firstBytes).subarray(0, head.bytes);
        firstBytes = undefined;
        try {
            head.check(seen);
            return false;
        }
        catch (error) {
            callback(error);
            return true;
        }
    };
    const measure = new external_node_stream_.Transform({
        transform(chunk, _encoding, callback) {
            hash.update(chunk);
            bytes += chunk.length;
            firstBytes?.push(chunk);
            if (!checkHead(callback, false))
                callback(null, chunk);
        },
        flush(callback) {
            if (!checkHead(callback, true))
                callback();
        },
    });
    // Errors of the file system are the file's (named, with their cause); the source's and the checks' pass as they are.
    const intoFile = async (stream) => {
        let sink;
        try {
            sink = await stream();
        }
        catch (error) {
            throw fileWriteError(target, error);
        }
        // pipeline hands the first error to every stream, so note which one it started from.
        const upstream = new Set();
        for (const stream of [source, measure])
            stream.once('error', (error) => upstream.add(error));
        await (0,external_node_stream_promises_namespaceObject.pipeline)(source, measure, sink).catch(async (error) => {
            // A file still being opened when the source fails is created after pipeline gives up: wait until it is
            // closed, so the caller's clean-up finds (and removes) it instead of racing it.
            if (!sink.closed)
                await (0,external_node_events_.once)(sink, 'close').catch(() => undefined);
            throw upstream.has(error) ? error : fileWriteError(target, error);
        });
        const sha256 = hash.digest('hex');
        verify?.({ bytes, sha256 });
        return sha256;
    };
    if (found.how === 'in-place') {
        // Nothing is atomic about a device or pipe: its reader sees the bytes as they come.
        const sha256 = await intoFile(async () => (await openInPlace(found.real, found.fifo)).createWriteStream());
        return { path: target, bytes, sha256 };
    }
    const temporary = external_node_path_.join(external_node_path_.dirname(target), `.${cutUtf8(external_node_path_.basename(target), FILE_NAME_MAX_BYTES - TEMPORARY_NAME_EXTRA_BYTES)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.partial`);
    let sha256;
    try {
        sha256 = await intoFile(async () => {
            await (0,promises_.mkdir)(external_node_path_.dirname(target), { recursive: true });
            return (0,external_node_fs_.createWriteStream)(temporary, { flags: 'wx' });
        });
        await (0,promises_.rename)(temporary, target).catch((error) => {
            throw fileWriteError(target, error);
        });
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw error;
    }
    return { path: target, bytes, sha256 };
}
/**
 * Opens a device, or a FIFO once a reader holds its other end: a plain open would block a thread until one came,
 * beyond the run's timeout. The probe stays open until the real handle is, so the reader never sees an early end.
 */
async function openInPlace(file, fifo) {
    if (!fifo)
        return (0,promises_.open)(file, 'w');
    const started = Date.now();
    for (;;) {
        try {
            const probe = await (0,promises_.open)(file, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_NONBLOCK);
            try {
                return await (0,promises_.open)(file, 'w');
            }
            finally {
                await probe.close();
            }
        }
        catch (error) {
            if (error.code !== 'ENXIO' || Date.now() - started > FIFO_READER_WAIT_MS)
                throw error;
            await (0,external_node_timers_promises_namespaceObject.setTimeout)(50);
        }
    }
}
/** Size and sha256 of a file on disk, read as a stream. */
async function fileDigest(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(file)) {
        hash.update(chunk);
        bytes += chunk.length;
    }
    return { path: external_node_path_.resolve(file), bytes, sha256: hash.digest('hex') };
}

;// CONCATENATED MODULE: ./shared/report/redacted-file.ts
/**
 * The one way a text file leaves a run (SARIF, results, an export, the job summary): through the same redaction as
 * the log. A file whose content had to be redacted says so in a warning naming it, so whoever reads `***` there
 * knows why, and knows that the vendor sent back a credential.
 */


/**
 * `text` redacted for the file that `where` names (a path, or "The job summary"); `alsoIn` names other surfaces that
 * carry the same text (an output, an artifact), for the warning; `redactedBefore` says parts of it were redacted
 * before they were put together (the summary's spans), so the warning is due even if nothing is left to remove.
 */
function redactFileText(text, where, logger, options = {}) {
    const { alsoIn } = options;
    const redacted = logger.redact(text);
    if (redacted !== text || options.redactedBefore) {
        logger.warning(`${where} contained a secret given to this run (a password, a token or a value made from them); it is written with *** in its place${alsoIn ? `, and so is ${alsoIn}` : ''}.`, 'Secret removed from a file');
    }
    return redacted;
}
/** Writes a text file atomically, redacted. Binary downloads (packages) are not text and do not come here. */
function writeTextFile(destination, text, logger) {
    return writeFileAtomic(destination, redactFileText(text, path.resolve(destination), logger));
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __nccwpck_require__(98995);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(73136);
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

;// CONCATENATED MODULE: ./shared/report/summary.ts
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
        this.verdictLine = inline(text);
        this.verdictDetail = detail === undefined ? undefined : inline(detail);
        return this;
    }
    heading(text, level = 2) {
        return this.fixed(`${'#'.repeat(level)} ${inline(text)}\n`);
    }
    text(text) {
        return this.fixed(`${inline(text)}\n`);
    }
    /** A two-column table; rows whose value is undefined or empty are left out. */
    details(rows) {
        const kept = rows.filter((row) => row[1] !== undefined && row[1] !== '');
        if (kept.length)
            this.table(['field', 'value'], kept.map(([label, value]) => [bold(label), typeof value === 'string' ? jsonCell(value) : value]));
        return this;
    }
    /** Each cell one escaped span (a `|` or a line break in vendor text cannot break the table); `align` per column. */
    table(header, rows, options = {}) {
        const line = (cells) => `| ${cells.map(inline).join(' | ')} |`;
        const rule = `| ${header.map((_, i) => (options.align?.[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
        this.blocks.push({ kind: 'rows', head: `${line(header)}\n${rule}\n`, rows: rows.map(line), rest: options.rest });
        return this;
    }
    list(items, options = {}) {
        if (items.length)
            this.blocks.push({ kind: 'rows', head: '', rows: items.map((item) => `- ${inline(item)}`), rest: options.rest });
        return this;
    }
    /** A section folded into `<details>`: long tables stay out of the way of the verdict but one click away. */
    fold(summaryText, build) {
        const inner = new Summary();
        build(inner);
        if (inner.blocks.length)
            this.blocks.push({ kind: 'fold', title: inline(summaryText), inner: inner.blocks });
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
        ? parsed.map((item) => summary_scalarText(item))
        : Object.entries(parsed).map(([key, item]) => `${key}: ${summary_scalarText(item)}`);
    const shown = items.slice(0, CELL_ITEMS).map((item) => code(item.slice(0, CELL_ITEM_CHARS)).text);
    const more = items.length > CELL_ITEMS ? `, … ${items.length - CELL_ITEMS} more` : '';
    return new Markdown(items.length ? shown.join(', ') + more : inline('(none)'));
}
function summary_scalarText(value) {
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
        const where = block.rest ? `; ${inline(block.rest)}` : '';
        const cut = left ? `\n…${left} more row(s) left out to keep the job summary under 1 MiB${where}.\n` : '';
        return `${block.head}${kept.map((row) => `${row}\n`).join('')}${cut}`;
    });
}

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
    const host = options.host ?? githubHost();
    const logger = host.logger(new SecretRedactor());
    let spansRedacted = false;
    redactSpansWith((text) => {
        const redacted = logger.redact(text);
        if (redacted !== text)
            spansRedacted = true;
        return redacted;
    });
    const clock = options.clock ?? systemClock;
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
    const summary = new Summary();
    const context = {
        logger,
        inputs: new InputReader(options.source ?? host.inputs, logger),
        outputs: host.outputs(logger),
        summary,
        clock,
        signal: controller.signal,
        runtime: (timeoutMs) => ({ clock, logger, signal: controller.signal, deadline: new Deadline(clock, timeoutMs) }),
        uploadArtifact: (request) => host.uploadArtifact(request, logger),
        host: host.name,
        reportResults: (results) => host.reportResults(results),
    };
    let closing;
    let failure;
    try {
        // Raw text: the summary removes secrets from each span before escaping it, the logger from each line.
        const { verdict, detail } = verdictOf(await main(context));
        summary.verdict(verdict, detail);
        closing = () => {
            if (detail)
                logger.info(detail);
            logger.info(verdict);
        };
    }
    catch (error) {
        failure = errorMessage(error);
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
    const { verdict, detail } = verdictOf(error, VERDICT_MAX_CHARS - FAILED.length);
    let details = [];
    let title = 'Unexpected error';
    if (error instanceof InputError) {
        title = 'Invalid input';
        details = error.problems.map((p) => ({ title: `Input '${p.input}'`, message: `Input '${p.input}': ${p.message}` }));
    }
    else if (error instanceof JobFailedError) {
        title = `${error.jobId}: ${error.state}`;
        details = error.errors.map((detail) => ({ title, message: detail }));
    }
    else if (error instanceof ApiError) {
        title = apiErrorTitle(error);
    }
    else if (error instanceof ArtifactError) {
        title = 'Artifact not uploaded';
    }
    else if (error instanceof TimeoutError) {
        title = 'Timed out';
    }
    else if (error instanceof CancelledError) {
        title = 'Cancelled';
    }
    else if (error instanceof FileWriteError) {
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
    const redacted = redactFileText(markdown, 'The job summary', logger, { redactedBefore: spansRedacted });
    await host.writeSummary(cutToBytes(redacted, SUMMARY_LIMIT_BYTES), logger);
}

;// CONCATENATED MODULE: ./shared/html.ts
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
    if (isHtml(contentType, text)) {
        const title = htmlTitle(text);
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

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __nccwpck_require__(38522);
;// CONCATENATED MODULE: ./shared/http/encoding.ts
/**
 * Content-Encoding of an answer's body. Requests ask for `identity`, but a server or proxy may compress anyway;
 * such a body is decoded before it is read, within the same bound as the raw body (a few KB of gzip can inflate
 * to gigabytes), and described, never quoted as binary bytes, when it cannot be.
 */

/** What requests send: no content coding, so a body arrives as the server has it. */
const ACCEPT_ENCODING = 'identity';
const DECODERS = {
    gzip: external_node_zlib_.gunzipSync,
    'x-gzip': external_node_zlib_.gunzipSync,
    // "deflate" is zlib-wrapped by the standard, raw by some servers.
    deflate: (data, options) => {
        try {
            return external_node_zlib_.inflateSync(data, options);
        }
        catch (error) {
            if (error.code === 'ERR_BUFFER_TOO_LARGE')
                throw error;
            return external_node_zlib_.inflateRawSync(data, options);
        }
    },
    br: external_node_zlib_.brotliDecompressSync,
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
                    ? { finishFlush: coding === 'br' ? external_node_zlib_.constants.BROTLI_OPERATION_FLUSH : external_node_zlib_.constants.Z_SYNC_FLUSH }
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

;// CONCATENATED MODULE: ./shared/http/body.ts




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
    if (!contentCodings(encoding).length)
        return { text: raw?.toString('utf8') ?? '', cut, unreadBytes };
    if (!raw)
        return { text: '', cut };
    const decoded = decodeBody(raw, encoding, maxBytes, cut);
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
        return `${shown}${moreBytes(undefined)}`;
    return `${shown}${moreBytes(Buffer.byteLength(flat.slice(EXCERPT_CHARS)) + (body?.unreadBytes ?? 0))}`;
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
    if (isHtml(contentType, text))
        return describeHtml(text);
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
        return json.errors.map((e) => scalarText(e)).join('; ');
    return undefined;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __nccwpck_require__(44708);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __nccwpck_require__(41692);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(77030);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var lib_proxy = __nccwpck_require__(19783);
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
                (0,external_node_stream_promises_namespaceObject.pipeline)(this.spec.body.open(), req).catch((error) => req.destroy(error));
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
            this.idleError = Object.assign(new Error(`no data for ${formatDuration(this.spec.idleMs)} while ${this.describe()}`), { code: IDLE_TIMEOUT });
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
        if (reason instanceof CancelledError)
            return new CancelledError(`Cancelled while trying to ${spec.what} (${doing})${mayHaveActed}`);
        if (reason instanceof TimeoutError) {
            const timeout = formatDuration(this.options.runtime.deadline.timeoutMs);
            return new TimeoutError(`Timed out after ${timeout} (the action's timeout) while ${doing}, trying to ${spec.what}${mayHaveActed}`);
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
            : redact(describeErrorBody(res.headers['content-type'], redact(body.text), reader, body));
        const hints = [
            redirect
                ? 'Redirects are not followed, so credentials never go to another address: check the URL, and use the new address if it is the right server'
                : (this.options.hintFor?.(status, spec, vendorMessage) ?? defaultHint(status, this.options.auth)),
            mayHaveActed ? `The server may have acted on the request before it failed; ${this.checkAdvice()}` : undefined,
        ].filter((hint) => hint !== undefined);
        return new ApiError({
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
        return `the server redirects to ${excerpt(target)}`;
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
        return new ApiError({
            method: spec.method,
            url: this.urls.displayUrl(spec),
            vendorMessage: `could not ${spec.what}: ${this.redact(errorMessage(error))} (${code})`,
            hint,
            kind: 'network',
            what: spec.what,
            code,
        });
    }
    /** A failure that could be retried, but the wait before the next attempt would pass the action's timeout. */
    gaveUp(failure, attempt, delayMs) {
        return new ApiError({
            ...failureDetails(failure),
            hint: `Gave up after ${attempt} attempt(s): waiting ${formatDuration(delayMs)} more would pass the action's timeout`,
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

;// CONCATENATED MODULE: ./shared/http/request.ts

/** The headers of a request (auth from the provider, the spec's own last) and its JSON payload, if any. */
async function requestHeaders(spec, options) {
    const headers = {
        Accept: 'application/json',
        'Accept-Encoding': ACCEPT_ENCODING,
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
            const body = await readBody(res, limit, false);
            if (body.cut || body.undecodable) {
                const size = body.unreadBytes === undefined ? '' : ` (it has ${formatBytes(limit + body.unreadBytes)})`;
                throw new ApiError({
                    method: spec.method,
                    url: this.displayUrl(spec),
                    status: res.statusCode,
                    vendorMessage: body.cut
                        ? `the answer is larger than ${formatBytes(limit)}, the most this action reads to ${spec.what}${size}; it stopped reading there`
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
        const fail = (vendorMessage, kind) => new ApiError({ method: spec.method, url: this.displayUrl(spec), status: response.status, vendorMessage, kind });
        // Redacted before it is cut to an excerpt, so a secret the server echoed cannot leak in part either.
        const shown = this.options.runtime.logger.redact(response.text);
        if (isHtml(contentType, shown))
            throw fail(describeHtml(shown), 'html');
        try {
            return JSON.parse(response.text);
        }
        catch {
            throw fail(`the answer was not valid JSON (${contentType ?? 'no content type'}): ${excerpt(shown)}`, 'unreadable');
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
            const body = await readBody(res, ERROR_BODY_MAX_BYTES);
            if (status === 401 && (await this.renewAuth(request)))
                return { renewedAuth: true };
            const outcome = { status, headers: res.headers };
            // A job-starting request that failed on the server's side is not repeated: it may have started the job.
            const mayHaveActed = startsJob && (status === 408 || status >= 500) && !shouldRetry(startsJob, outcome);
            return { outcome, failure: this.failures.http(spec, url, res, body, mayHaveActed) };
        }
        catch (error) {
            // A file the answer could not be written to is the file's error: asking again would not help.
            if (error instanceof ApiError || error instanceof FileWriteError)
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
        runtime.logger.info(`${spec.method} ${this.displayUrl(spec)} ${why}; retrying in ${formatDuration(delay)} (attempt ${attempt + 1} of ${maxAttempts}).`);
        try {
            await runtime.clock.sleep(delay, runtime.signal);
        }
        catch (error) {
            if (error instanceof CancelledError)
                throw new CancelledError(`Cancelled while waiting to retry: ${failure.message}`);
            throw error;
        }
    }
    /**
     * `body` as a JSON object, or the object it holds at `key` (`result`, `response_map`); anything else is an
     * unexpected answer naming the endpoint.
     */
    objectIn(body, spec, key) {
        const value = key === undefined ? body : isRecord(body) ? body[key] : undefined;
        if (isRecord(value))
            return value;
        throw this.unexpectedAnswer(spec, key === undefined ? 'the answer is not a JSON object' : `the answer has no ${key} object`);
    }
    /** An answer that parsed but lacks what the endpoint documents: an error naming the endpoint and the field. */
    unexpectedAnswer(spec, what) {
        return new ApiError({
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

;// CONCATENATED MODULE: ./shared/http/transfer.ts
/** Streaming file transfer through the one HTTP layer: downloads to disk and multipart uploads from disk. */








/**
 * Downloads the answer's body straight to `destination` (atomically), with its size and sha256. An empty body, one
 * whose length disagrees with Content-Length, or one whose first bytes fail `head`, fails and leaves no file.
 */
function downloadToFile(client, spec, destination, head) {
    return client.execute(spec, (res) => {
        const declared = res.headers['content-length'];
        const fail = (vendorMessage, hint) => new ApiError({ method: spec.method, url: client.displayUrl(spec), status: res.statusCode, vendorMessage, hint });
        const contentType = res.headers['content-type'];
        // Requests ask for no coding; a compressed file would be written as its compressed bytes.
        const codings = contentCodings(res.headers['content-encoding']);
        if (codings.length) {
            res.resume();
            throw fail(`the download is ${codings.join(', ')}-encoded, which was not asked for; nothing was written to ${destination}`, 'A proxy between the runner and the server may compress answers: let it pass them unchanged');
        }
        return writeStreamAtomic(destination, res, ({ bytes }) => {
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
    const { size } = await (0,promises_.stat)(file.filePath);
    const boundary = `----config-promotion-${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
    const fileName = (file.fileName ?? external_node_path_.basename(file.filePath)).replace(/["\r\n]/g, '_');
    const head = Buffer.from(`--${boundary}\r\n` +
        `Content-Disposition: form-data; name="${file.field}"; filename="${fileName}"\r\n` +
        `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    return {
        contentType: `multipart/form-data; boundary=${boundary}`,
        length: head.length + size + tail.length,
        open: () => external_node_stream_.Readable.from((async function* () {
            yield head;
            yield* (0,external_node_fs_.createReadStream)(file.filePath);
            yield tail;
        })()),
    };
}
/** A body already in memory, sent exactly as it is (never re-serialised). */
function bufferBody(data, contentType) {
    return { contentType, length: data.length, open: () => Readable.from([data]) };
}

;// CONCATENATED MODULE: ./shared/vendors/smax/session.ts




/** SMAX error bodies are not documented; these are the shapes its services use. */
function readSmaxMessage(body) {
    if (!isRecord(body))
        return undefined;
    for (const key of ['message', 'errorMessage', 'error_description', 'error', 'Message']) {
        const value = body[key];
        if (typeof value === 'string' && value)
            return value;
        if (isRecord(value) && typeof value.message === 'string')
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
    const fail = (vendorMessage, hint, kind) => new ApiError({ method: 'POST', url, status: response.status, vendorMessage, hint, kind });
    const text = response.text.trim();
    const contentType = response.headers['content-type'];
    if (isHtml(contentType, text)) {
        throw fail(`the login answered ${describeHtml(text).replace(/ instead of JSON/, ' instead of a token')}`, `${URL_HINT}, and the user must be able to log in to SMAX directly (not only through single sign-on)`, 'html');
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
    const login = new ApiClient({
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
        unreadable.push(`Results is ${describeValue(rawResults)}`);
    }
    let totals;
    if (isRecord(body.Totals))
        totals = counts(body.Totals, 'Totals', unreadable);
    else if (body.Totals !== undefined && body.Totals !== null)
        unreadable.push(`Totals is ${describeValue(body.Totals)}`);
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
    if (!isRecord(entry)) {
        unreadable.push(`${where} is ${describeValue(entry)}`);
        return { packageName: where, statistics: {}, failed: 0, errors: [], warnings: [] };
    }
    const packageName = typeof entry.PackageName === 'string' && entry.PackageName ? entry.PackageName : where;
    let statistics = {};
    if (isRecord(entry.Statistics))
        statistics = counts(entry.Statistics, `${where}.Statistics`, unreadable);
    else if (entry.Statistics !== undefined && entry.Statistics !== null)
        unreadable.push(`${where}.Statistics is ${describeValue(entry.Statistics)}`);
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
    const read = vendorNumber(raw);
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
        unreadable.push(`${where} is ${describeValue(value)}`);
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
            .map((item) => typeof item === 'string' ? item : (isRecord(item) && readSmaxMessage(item)) || json_jsonText(item, QUOTE_CHARS));
    }
    if (isRecord(value)) {
        if (!Object.keys(value).length)
            return [];
        return [readSmaxMessage(value) || json_jsonText(value, QUOTE_CHARS)];
    }
    unreadable.push(`${where} is ${describeValue(value)}`);
    return [`${where}: ${json_jsonText(value, QUOTE_CHARS)}`];
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
    return new ApiClient({
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
    const statistics = Array.isArray(body.Statistics) ? body.Statistics.filter(isRecord) : [];
    return {
        status: body.Status,
        fileId: nonEmptyString(body.FileId),
        packageBundleName: nonEmptyString(body.PackageBundleName),
        itemCount: countOf(body.ItemCount),
        statistics: statistics.map((s) => ({
            packageName: scalarText(s.PackageName),
            itemCount: countOf(s.ItemCount),
        })),
        message: readSmaxMessage(body) ?? nonEmptyString(body.ErrorMessage) ?? nonEmptyString(body.Error),
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
    return downloadToFile(client, spec, destination, {
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
        body: await multipartFileBody({ field: 'files[]', filePath: file, contentType: 'application/zip' }),
        headers: { 'User-Agent': UPLOAD_USER_AGENT },
        what: 'upload the package',
        timeoutMs: TRANSFER_IDLE_TIMEOUT_MS,
    };
    const body = client.objectIn(await client.json(spec), spec);
    if (body.success === false) {
        throw new ApiError({
            method: 'POST',
            url: client.displayUrl(spec),
            status: 200,
            vendorMessage: `the file repository refused the package: ${readSmaxMessage(body) ?? json_jsonText(body, 500)}`,
            hint: 'Check the package file and the target tenant, then run again',
        });
    }
    const fileId = nonEmptyString(body.guid) ?? nonEmptyString(body.Id) ?? nonEmptyString(body.id);
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
    const status = { ...readImportStatus({ ...body, Status: body.Status }), fileId: nonEmptyString(body.FileId) };
    if (status.dryRun !== undefined && status.dryRun !== dryRun) {
        throw jobMismatch(client, spec, `the status of ${label} ${importId} says DryRun: ${status.dryRun}: it is ${status.dryRun ? 'a dry run' : 'a real import'}, not ${dryRun ? 'a dry run' : 'a real import'}`);
    }
    return status;
}
/** The status answer's own id (`Id` or `id`), when it carries one, must be the job asked about. */
function checkJobId(body, expected, label, client, spec) {
    for (const key of ['Id', 'id']) {
        const value = body[key];
        if (value === undefined || value === null || scalarText(value) === expected)
            continue;
        throw jobMismatch(client, spec, `asked for ${label} ${expected}, the answer is about ${key} ${describeValue(value, 100)}`);
    }
}
function jobMismatch(client, spec, what) {
    return new ApiError({
        method: spec.method,
        url: client.displayUrl(spec),
        status: 200,
        vendorMessage: `unexpected answer: ${what}`,
        hint: 'The answer cannot decide this job, so the step stops here. A cache or proxy between the runner and SMAX may have mixed up answers: look at the job in Package Manager on the tenant',
    });
}
function idOf(body, client, spec) {
    const answer = client.objectIn(body, spec);
    const id = nonEmptyString(answer.Id) ?? nonEmptyString(answer.id);
    if (!id)
        throw client.unexpectedAnswer(spec, 'Id is missing');
    return id;
}
/** A count sent as a number or as text; undefined when absent or unreadable (it only informs, never gates). */
function countOf(value) {
    const count = vendorNumber(value);
    return count.kind === 'number' ? count.value : undefined;
}

;// CONCATENATED MODULE: ./shared/fs/workspace.ts
/**
 * Files named by inputs are read only from inside the workspace: on pull_request workflows the files come from
 * the contributor, and a symlink such as `config/leak.properties -> /etc/passwd` must not carry a file of the
 * runner to a vendor. A link is followed to its real path; links that stay inside the workspace are fine.
 */


/** GITHUB_WORKSPACE, else the working directory, with its links followed too. */
async function workspaceRoot() {
    const root = external_node_path_.resolve(process.env.GITHUB_WORKSPACE || process.cwd());
    return (0,promises_.realpath)(root).catch(() => root);
}
/**
 * The file at `file` (relative to the working directory), or why it cannot be read: missing, not a regular file,
 * or (after following links) outside the workspace. `label` names it in the reason.
 */
async function checkWorkspaceFile(file, label = file) {
    const absolute = external_node_path_.resolve(file);
    const real = await (0,promises_.realpath)(absolute).catch(() => undefined);
    if (real === undefined)
        return { problem: `no file at ${label}` };
    const root = await workspaceRoot();
    const relative = external_node_path_.relative(root, real);
    if (relative === '..' || relative.startsWith(`..${external_node_path_.sep}`) || external_node_path_.isAbsolute(relative)) {
        const via = real === absolute ? '' : ` (it links to ${real})`;
        return {
            problem: `${label} is outside the workspace ${root}${via}: files are read only from inside the workspace`,
        };
    }
    const info = await (0,promises_.stat)(real).catch(() => undefined);
    if (!info?.isFile())
        return { problem: `${label} is not a file` };
    return { file: { path: real, bytes: info.size } };
}

;// CONCATENATED MODULE: ./shared/poll/poll.ts
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
    const elapsed = () => formatDuration(clock.now() - started);
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
            throw new TimeoutError(stopped('Timed out waiting for'));
        lastCheckDone = untilLastCheck <= interval;
        const wait = Math.max(0, Math.min(interval, untilLastCheck));
        try {
            await clock.sleep(wait, signal);
        }
        catch (error) {
            if (error instanceof CancelledError)
                throw new CancelledError(stopped('Cancelled while waiting for'));
            throw error;
        }
        let step;
        try {
            step = await check();
        }
        catch (error) {
            if (error instanceof CancelledError)
                throw new CancelledError(stopped('Cancelled while waiting for'));
            // The last check's request ran into the deadline: say what the request was doing, too.
            if (error instanceof TimeoutError)
                throw new TimeoutError(stopped('Timed out waiting for', error.message));
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

;// CONCATENATED MODULE: ./shared/poll/states.ts
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

;// CONCATENATED MODULE: ./shared/poll/job.ts
/**
 * Waiting for one vendor job, the way every flow does it: its status checked through the one poller until its state
 * (read with the one classifier, so an unknown state warns once and waits on) is no longer running, then judged.
 */



async function waitForJob(wait) {
    const { job, states, check, stateOf, alsoRunning, onEnd, failed, ...pollOptions } = wait;
    const classify = jobStates(job, states, pollOptions.runtime.logger);
    const status = await poll(async () => {
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
        throw new JobFailedError(message, { jobId: job, state: stateOf(status), ...details });
    }
    return { status, outcome };
}

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
    const completed = sameState(status.status, 'COMPLETED');
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
            bold('Total'),
            ...columns.map((c) => (status.totals ? bold(status.totals[c] ?? 0) : '')),
            bold(allErrors(status).length),
            bold(allWarnings(status).length),
        ],
        ...status.results.map((r) => cells([r.packageName, ...columns.map((c) => r.statistics[c]), r.errors.length, r.warnings.length])),
    ], { align: ['left', ...columns.map(() => 'right'), 'right', 'right'], rest: ALL_RESULTS })
        .text(`Status ${status.status}; StudioLocked ${status.studioLocked ?? 'unknown'}; SystemLocked ${status.systemLocked ?? 'unknown'}.`)
        .list([
        ...(status.message ? [md `❌ ${bold(WHOLE_JOB)}: ${status.message}`] : []),
        ...allErrors(status).map((e) => md `❌ ${bold(e.packageName)}: ${e.text}`),
        ...allWarnings(status).map((w) => md `⚠️ ${bold(w.packageName)}: ${w.text}`),
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
    const { status } = await waitForJob({
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
        throw new JobFailedError(`${label} ${id} is not an import of file-id ${job.fileId}`, {
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
        learned({ packageFile: await fileDigest(pkg.path) });
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
            throw new JobFailedError(`Dry run ${dryRun.id} on tenant ${target.tenantId} did not pass (${dryRun.judgement.reasons.join('; ')}); nothing was imported`, {
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
            throw new JobFailedError(`Import ${imported.id} on tenant ${target.tenantId} did not pass (${imported.judgement.reasons.join('; ')})`, {
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
    const { status: exported } = await waitForJob({
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
        throw new JobFailedError(`Export ${exportId} completed without a FileId`, {
            jobId: `Export ${exportId}`,
            state: exported.status,
            errors: [],
            hint: 'Look at the export in Package Manager on the source tenant',
        });
    }
    const name = safeFileName(exported.packageBundleName ?? `package-${pkg.packageId ?? 'export'}-${exportId}`, 'package', '.zip');
    const destination = config.keepEarlierFiles
        ? `${unusedPath(config.downloadDir, name.slice(0, -'.zip'.length), ['.zip'])}.zip`
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
    const artifact = readArtifactInputs(inputs);
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
        pollIntervalMs: readPollInterval(inputs, '15s'),
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
    const checked = await checkWorkspaceFile(packageFile);
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
    const problem = await zipFileProblem(file).catch((error) => `could not be read (${errorMessage(error)})`);
    if (problem)
        inputs.problem('package-file', `${file} ${problem}; give the package zip that Dev2Prod exported`);
}

;// CONCATENATED MODULE: ./actions/dev2prod-promote/src/main.ts
/** dev2prod-promote: inputs → export / transfer / dry run / import by mode → outputs, summary, PR comment. */













function run(options = {}) {
    return runAction({ title: 'SMAX Dev2Prod promotion', ...options }, main);
}
async function main(context) {
    const { inputs, outputs, summary, logger } = context;
    const { config, runtime, borrowedCredentials, unused, commentOnPr, githubToken } = await readPromoteInputs(inputs, context.runtime);
    if (config.target && borrowedCredentials)
        logger.info(`target-username/target-password not given: the target (${config.target.url}) is the source's server, so the source's ${borrowedCredentials} used there.`);
    if (unused.length)
        logger.info(`Not used: ${unused.join(', ')}. The job started earlier already has its package file.`);
    const known = new Known((part) => setOutputs(outputs, promoteOutputs(part)));
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
        main_writeSummary(summary, config, done, formatDuration(runtime.deadline.elapsed()));
        if (commentOnPr && githubToken && done.dryRun) {
            await upsertPullRequestComment({
                token: githubToken,
                key: `dev2prod-promote ${process.env.GITHUB_WORKFLOW ?? ''} ${process.env.GITHUB_JOB ?? ''} ${config.target?.tenantId ?? ''}`,
                body: importReport(new Summary()
                    .heading(`SMAX Dev2Prod dry run on tenant ${config.target?.tenantId}`)
                    .text(md `${done.export?.packageBundleName ? md `Package ${bold(done.export.packageBundleName)}, ` : ''}file ${code(done.fileId ?? '')}.`), 'Dry run', done.dryRun.status, done.dryRun.judgement).toMarkdown(COMMENT_BUDGET_BYTES),
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
function main_writeSummary(summary, config, done, elapsed) {
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
        ['Package file', packageFile && summaryFileName(packageFile.path)],
        ['sha256', packageFile && code(packageFile.sha256)],
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

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 77094:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Yz: () => (/* binding */ core_debug),
  z3: () => (/* binding */ error),
  pq: () => (/* binding */ info),
  _o: () => (/* binding */ isDebug),
  lm: () => (/* binding */ notice),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ core_setSecret),
  z: () => (/* reexport */ summary),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, endGroup, exportVariable, getBooleanInput, getIDToken, getInput, getMultilineInput, getState, group, markdownSummary, platform, saveState, setCommandEcho, setFailed, startGroup, toPlatformPath, toPosixPath, toWin32Path

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(70857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
// EXTERNAL MODULE: external "crypto"
var external_crypto_ = __nccwpck_require__(76982);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(79896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
// EXTERNAL MODULE: external "path"
var external_path_ = __nccwpck_require__(16928);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        return __awaiter(this, void 0, void 0, function* () {
            // Loaded when a token is asked for: the HTTP client (and undici) costs every other action its start-up.
            const { HttpClient } = yield Promise.all(/* import() */[__nccwpck_require__.e(119), __nccwpck_require__.e(779)]).then(__nccwpck_require__.bind(__nccwpck_require__, 22779));
            const { BearerCredentialHandler } = yield __nccwpck_require__.e(/* import() */ 145).then(__nccwpck_require__.bind(__nccwpck_require__, 92145));
            const requestOptions = {
                allowRetries: allowRetry,
                maxRetries: maxRetry
            };
            return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
        });
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return __awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = yield oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return __awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(13193);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(24434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(42613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_.dirname(filePath);
                        const upperName = external_path_.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ }),

/***/ 19783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
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

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(97037);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map