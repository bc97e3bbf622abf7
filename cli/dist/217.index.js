export const id = 217;
export const ids = [217];
export const modules = {

/***/ 31217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gateOutputs: () => (/* binding */ gateOutputs),
  run: () => (/* binding */ main_run),
  uploadOutputs: () => (/* binding */ uploadOutputs)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./shared/report/known.ts
var known = __webpack_require__(1854);
// EXTERNAL MODULE: ./shared/report/outputs.ts
var report_outputs = __webpack_require__(59747);
// EXTERNAL MODULE: ./shared/frame/run.ts + 1 modules
var run = __webpack_require__(91625);
// EXTERNAL MODULE: ./shared/runtime.ts
var shared_runtime = __webpack_require__(65742);
// EXTERNAL MODULE: ./shared/vendors/servicenow/connection.ts
var servicenow_connection = __webpack_require__(11272);
// EXTERNAL MODULE: ./shared/validation/report.ts
var report = __webpack_require__(64012);
// EXTERNAL MODULE: ./shared/validation/step.ts
var step = __webpack_require__(84896);
// EXTERNAL MODULE: ./shared/validation/test-results.ts
var test_results = __webpack_require__(22213);
// EXTERNAL MODULE: ./shared/poll/poll.ts
var poll = __webpack_require__(86373);
// EXTERNAL MODULE: ./shared/validation/inputs.ts
var validation_inputs = __webpack_require__(65511);
// EXTERNAL MODULE: ./shared/http/body.ts
var body = __webpack_require__(52311);
// EXTERNAL MODULE: ./shared/http/transfer.ts
var transfer = __webpack_require__(61320);
// EXTERNAL MODULE: ./shared/poll/states.ts
var states = __webpack_require__(94690);
;// CONCATENATED MODULE: ./shared/vendors/servicenow/cdm-uploads.ts
/**
 * CdmApplicationsApi uploads: the seven upload endpoints and the upload status.
 * docs/vendor-apis.md (POST /sn_cdm/applications/uploads/{components,collections,deployables}[/file], .../components/vars,
 * GET /sn_cdm/applications/upload-status/{upload_id}).
 */




const UPLOAD_TARGETS = ['component', 'collection', 'deployable', 'vars'];
const UPLOAD_DATA_FORMATS = ['csv', 'ini', 'json', 'properties', 'raw', 'xml', 'yaml'];
const PUBLISH_OPTIONS = ['publish_none', 'publish_valid'];
const ENDPOINTS = {
    component: 'applications/uploads/components',
    collection: 'applications/uploads/collections',
    deployable: 'applications/uploads/deployables',
    vars: 'applications/uploads/components/vars',
};
/** The query parameters each endpoint documents (beyond appName, namePath, changesetNumber and the commit trio). */
const DATA_PARAMETERS = {
    component: [
        'dataFormat',
        'dataFormatAttributes',
        'autoDelete',
        'deleteRedundantOverrides',
        'identifierKeys',
        'ignoreAttributes',
        'sharedLibraryName',
    ],
    collection: [
        'collectionName',
        'dataFormat',
        'dataFormatAttributes',
        'autoDelete',
        'deleteRedundantOverrides',
        'ignoreAttributes',
    ],
    deployable: [
        'deployableName',
        'dataFormat',
        'dataFormatAttributes',
        'autoDelete',
        'deleteRedundantOverrides',
        'identifierKeys',
        'ignoreAttributes',
    ],
    vars: [
        'dataFormat',
        'autoDelete',
        'deleteRedundantOverrides',
        'identifierKeys',
        'ignoreAttributes',
        'sharedLibraryName',
    ],
};
const FILE_PARAMETERS = {
    component: ['fileName', 'fileNodeName'],
    collection: ['collectionName', 'fileName', 'fileNodeName'],
    deployable: ['deployableName', 'fileName', 'fileNodeName'],
};
function uploadPath(target, asFile) {
    return `${ENDPOINTS[target]}${asFile ? '/file' : ''}`;
}
async function requestUpload(client, connection, options, request, hooks = {}) {
    const asFile = request.fileName !== undefined;
    const all = {
        collectionName: options.collectionName,
        deployableName: options.deployableName,
        dataFormat: request.dataFormat,
        dataFormatAttributes: options.dataFormatAttributes && JSON.stringify(options.dataFormatAttributes),
        autoDelete: String(options.autoDelete),
        deleteRedundantOverrides: String(options.deleteRedundantOverrides),
        identifierKeys: options.identifierKeys.length ? JSON.stringify(options.identifierKeys) : undefined,
        ignoreAttributes: String(options.ignoreAttributes),
        sharedLibraryName: options.sharedLibraryName,
        fileName: request.fileName,
        fileNodeName: request.fileNodeName,
    };
    const documented = asFile && options.target !== 'vars' ? FILE_PARAMETERS[options.target] : DATA_PARAMETERS[options.target];
    const query = {
        appName: options.appName,
        namePath: request.namePath,
        changesetNumber: request.changesetNumber,
        autoCommit: String(request.commit !== undefined),
        autoValidate: request.commit && String(request.commit.autoValidate),
        publishOption: request.commit?.publishOption,
    };
    for (const name of documented)
        query[name] = all[name];
    const spec = {
        method: 'POST',
        path: (0,servicenow_connection/* cdmPath */.K5)(connection, uploadPath(options.target, asFile)),
        query,
        body: (0,transfer/* bufferBody */.v_)(request.body, request.contentType),
        what: 'start the upload',
        ...hooks,
    };
    const result = client.objectIn(await client.json(spec), spec, 'result');
    if (typeof result.upload_id !== 'string' || !result.upload_id) {
        throw client.unexpectedAnswer(spec, 'result.upload_id is missing');
    }
    return result.upload_id;
}
async function getUploadStatus(client, connection, uploadId, hooks = {}) {
    const spec = {
        method: 'GET',
        path: (0,servicenow_connection/* cdmPath */.K5)(connection, `applications/upload-status/${encodeURIComponent(uploadId)}`),
        what: 'read the upload status',
        ...hooks,
    };
    const result = client.objectIn(await client.json(spec), spec, 'result');
    if (typeof result.state !== 'string')
        throw client.unexpectedAnswer(spec, 'result.state is missing');
    const output = result.output;
    const changeset = (0,body/* isRecord */.u4)(output)
        ? {
            number: typeof output.number === 'string' ? output.number : undefined,
            state: typeof output.state === 'string' ? output.state : undefined,
            sysId: typeof output.sys_id === 'string' ? output.sys_id : undefined,
        }
        : undefined;
    const errors = (0,servicenow_connection/* messages */.DZ)(result.errors);
    if (!errors.length && typeof output === 'string' && (0,states/* namesFailure */.nK)(result.state))
        errors.push(output);
    return { state: result.state, errors, changeset };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./shared/errors.ts
var errors = __webpack_require__(32635);
// EXTERNAL MODULE: ./shared/inputs/reader.ts + 1 modules
var reader = __webpack_require__(1689);
// EXTERNAL MODULE: ./shared/pacer.ts
var pacer = __webpack_require__(90789);
// EXTERNAL MODULE: ./shared/fs/workspace.ts
var workspace = __webpack_require__(44333);
;// CONCATENATED MODULE: ./shared/fs/glob.ts
/**
 * Files named by a glob input (cdm-upload's `files`), one pattern a line, matched from the working directory.
 * Each pattern is checked before anything is walked: one that starts outside the workspace (an absolute path
 * elsewhere, `~`, a `..` segment) is an input problem naming the input, so `/**` never walks the runner's whole
 * disk. The walk counts against `timeout` and stops at the runner's cancel like every other phase. The matcher
 * (@actions/glob) is loaded here, on demand: most runs name no glob.
 */






/**
 * The files matching the input's patterns, sorted; problems (a pattern leaving the workspace, an invalid
 * pattern, a folder that cannot be read, no match) go to the reader. A TimeoutError or CancelledError when the
 * walk outlives the deadline or the run is cancelled.
 */
async function findFiles(inputs, name, runtime) {
    const text = inputs.string(name) ?? '';
    const patterns = text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith('#'));
    const problems = await outsideWorkspace(patterns);
    for (const problem of problems)
        inputs.problem(name, problem);
    if (problems.length)
        return [];
    const glob = await __webpack_require__.e(/* import() */ 427).then(__webpack_require__.bind(__webpack_require__, 54427));
    let globber;
    try {
        globber = await glob.create(patterns.join('\n'), { matchDirectories: false, implicitDescendants: false });
    }
    catch (error) {
        inputs.problem(name, `is not a valid pattern: ${(0,errors/* quote */.A0)((0,errors/* errorMessage */.gJ)(error), 400)}`);
        return [];
    }
    const files = await walk(globber.globGenerator(), runtime).catch((error) => {
        if (error instanceof errors/* TimeoutError */.MU || error instanceof errors/* CancelledError */.cc)
            throw error;
        inputs.problem(name, `could not be matched: ${(0,errors/* errorMessage */.gJ)(error)}`);
        return [];
    });
    if (!files.length && !inputs.problems.some((problem) => problem.input === name)) {
        inputs.problem(name, `no file matched ${patterns.map(reader/* echoInput */.CI).join(', ')}`);
    }
    return files.sort();
}
/**
 * Every file the generator yields, or the run's TimeoutError or CancelledError as soon as either happens: a walk
 * can spend seconds in folders where nothing matches, between two files.
 */
async function walk(generator, runtime) {
    const files = [];
    const doing = () => `finding the files that match files (${files.length} found so far, nothing sent yet)`;
    const { signal, release } = runtime.deadline.abortSignal(runtime.signal);
    const stopped = new Promise((_resolve, reject) => {
        const stop = () => {
            if (runtime.signal.aborted)
                reject(new errors/* CancelledError */.cc(`Cancelled while ${doing()}`));
            else
                reject(signal.reason);
        };
        if (signal.aborted)
            stop();
        else
            signal.addEventListener('abort', stop, { once: true });
    });
    stopped.catch(() => undefined);
    try {
        for (;;) {
            const next = await Promise.race([generator.next(), stopped]);
            if (next.done)
                return files;
            files.push(next.value);
        }
    }
    catch (error) {
        if (error instanceof errors/* TimeoutError */.MU)
            (0,pacer/* throwIfPastDeadline */.w)(runtime.deadline, doing());
        throw error;
    }
    finally {
        release();
    }
}
/** Why each pattern (leading `!` removed) would lead outside the workspace; checked without walking anything. */
async function outsideWorkspace(patterns) {
    const root = await (0,workspace/* workspaceRoot */.o)();
    const problems = [];
    for (const pattern of patterns) {
        const bare = pattern.replace(/^!+/, '');
        const quoted = (0,reader/* echoInput */.CI)(pattern);
        const segments = bare.split(/[\\/]/);
        if (bare.startsWith('~')) {
            problems.push(`${quoted} starts in the home folder: write it relative to the working directory`);
        }
        else if (segments.includes('..')) {
            problems.push(`${quoted} leaves the workspace ('..'): files are read only from inside the workspace`);
        }
        else {
            // The literal part before the first wildcard is where the walk starts.
            const wild = segments.findIndex((segment) => /[*?[]/.test(segment));
            const head = (wild < 0 ? segments : segments.slice(0, wild)).join('/');
            const literal = external_node_path_.resolve(head || (external_node_path_.isAbsolute(bare) ? '/' : '.'));
            const start = await (0,promises_.realpath)(literal).catch(() => literal);
            const relative = external_node_path_.relative(root, start);
            if (relative === '..' || relative.startsWith(`..${external_node_path_.sep}`) || external_node_path_.isAbsolute(relative)) {
                problems.push(`${quoted} is outside the workspace ${root}: files are read only from inside the workspace`);
            }
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ./actions/cdm-upload/src/items.ts
/**
 * What cdm-upload sends: one item per upload, built from `content`, `file` or `files` and checked locally (exists,
 * inside the workspace, size, format, JSON/YAML parses) so that every problem is reported before the first request.
 * A file is read once to check it and again when it is uploaded; no item holds its bytes in between, so memory
 * stays flat however many files match. The glob matcher (shared/fs/glob.ts) and the YAML and JSON-position
 * parsers load when an input needs them: together they are most of the bundle, and loading them up front would
 * delay every run's first request.
 */







const FORMAT_BY_EXTENSION = {
    '.json': 'json',
    '.yaml': 'yaml',
    '.yml': 'yaml',
    '.xml': 'xml',
    '.ini': 'ini',
    '.properties': 'properties',
    '.csv': 'csv',
};
const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';
/**
 * Reads the source inputs and builds the items; problems go to the reader. Finding and checking files count against
 * the run's deadline: a TimeoutError while finding them, or between two files, when it has passed.
 */
async function collectItems(inputs, settings, runtime) {
    const source = inputs.exactlyOne(['content', 'file', 'files']);
    inputs.onlyWith('files-root', source === 'files', 'files');
    if (source === undefined)
        return [];
    if (source === 'content')
        return [await contentItem(inputs, settings)].filter((item) => item !== undefined);
    const files = source === 'file' ? [external_node_path_.resolve(inputs.string('file') ?? '')] : await findFiles(inputs, 'files', runtime);
    if (source === 'files' && files.length > 1) {
        for (const name of ['file-name', 'file-node-name']) {
            if (inputs.has(name))
                inputs.problem(name, 'applies to a single file; with files each file keeps its own name');
        }
    }
    const items = [];
    for (const [index, file] of files.entries()) {
        (0,pacer/* throwIfPastDeadline */.w)(runtime.deadline, `checking the files to upload (${index} of ${files.length} checked, nothing sent yet)`);
        const item = await fileItem(inputs, settings, source, file);
        if (item)
            items.push(item);
    }
    return items;
}
/** The bytes to upload: inline content, or the file read now (and checked to still be inside the workspace). */
async function readItemBody(item) {
    if (item.content || !item.file)
        return item.content ?? Buffer.alloc(0);
    const checked = await (0,workspace/* checkWorkspaceFile */.K)(item.file, item.label);
    if ('problem' in checked)
        throw new errors/* InputError */.dz([{ input: item.source, message: checked.problem }]);
    return (0,promises_.readFile)(checked.file.path);
}
async function contentItem(inputs, settings) {
    const body = Buffer.from(inputs.verbatim('content'), 'utf8');
    if (settings.maxUploadBytes > 0 && body.length > settings.maxUploadBytes) {
        inputs.problem('content', `is ${(0,shared_runtime/* formatBytes */.z3)(body.length)}, over max-upload-size (${(0,shared_runtime/* formatBytes */.z3)(settings.maxUploadBytes)})`);
    }
    if (settings.asFile) {
        if (!settings.fileName)
            inputs.problem('file-name', 'is required with content and as-file: true');
        const fileName = settings.fileName ?? 'content';
        return checked(inputs, settings, {
            label: 'content',
            namePath: settings.namePath,
            fileName,
            fileNodeName: settings.fileNodeName ?? fileName,
            source: 'content',
            content: body,
            contentType: fileContentType(fileName),
        });
    }
    if (!settings.dataFormat)
        inputs.problem('data-format', 'is required with content');
    return checked(inputs, settings, {
        label: 'content',
        namePath: settings.namePath,
        dataFormat: settings.dataFormat,
        source: 'content',
        content: body,
        contentType: TEXT_CONTENT_TYPE,
    }, body);
}
async function fileItem(inputs, settings, source, file) {
    const label = external_node_path_.relative(process.cwd(), file).split(external_node_path_.sep).join('/') || file;
    const found = await (0,workspace/* checkWorkspaceFile */.K)(file, label);
    if ('problem' in found) {
        inputs.problem(source, found.problem);
        return undefined;
    }
    const size = found.file.bytes;
    if (settings.maxUploadBytes > 0 && size > settings.maxUploadBytes) {
        inputs.problem(source, `${label} is ${(0,shared_runtime/* formatBytes */.z3)(size)}, over max-upload-size (${(0,shared_runtime/* formatBytes */.z3)(settings.maxUploadBytes)}); split it, or raise max-upload-size if the server allows more`);
        return undefined;
    }
    const namePath = source === 'file' ? fileNamePath(settings, file) : filesNamePath(inputs, settings, file);
    if (settings.asFile) {
        const fileName = settings.fileName ?? external_node_path_.basename(file);
        return checked(inputs, settings, {
            file,
            label,
            namePath,
            fileName,
            fileNodeName: settings.fileNodeName ?? external_node_path_.basename(file),
            source,
            contentType: fileContentType(file),
        });
    }
    const dataFormat = settings.dataFormat ?? FORMAT_BY_EXTENSION[external_node_path_.extname(file).toLowerCase()];
    if (!dataFormat) {
        inputs.problem('data-format', `cannot tell the format of ${label} from its extension: set data-format`);
        return undefined;
    }
    const item = { file, label, namePath, dataFormat, source, contentType: TEXT_CONTENT_TYPE };
    // Only JSON and YAML are parsed here; the text is dropped once checked and read again at upload time.
    return checked(inputs, settings, item, PARSED_FORMATS.has(dataFormat) ? await (0,promises_.readFile)(found.file.path) : undefined);
}
/** `file`: name-path is the node itself (default the file's name without extension). */
function fileNamePath(settings, file) {
    if (settings.asFile)
        return settings.namePath;
    return settings.namePath ?? external_node_path_.basename(file, external_node_path_.extname(file));
}
/** `files`: the name path of one file, or an input problem when it lies outside files-root. */
function filesNamePath(inputs, settings, file) {
    const namePath = namePathUnderRoot(settings.filesRoot, file, settings.namePath, settings.asFile);
    if (namePath === null)
        inputs.problem('files-root', `${file} is not under files-root (${settings.filesRoot})`);
    return namePath ?? undefined;
}
/**
 * name-path followed by the file's path relative to files-root without extension, `/`-separated on every OS (`p`
 * is the platform's path module: Windows paths are tested with path.win32). A file node (as-file) is named by
 * file-node-name, so its name path stops at the folder. Null when the file is not under the root.
 */
function namePathUnderRoot(filesRoot, file, namePath, asFile, p = external_node_path_) {
    const relative = p.relative(filesRoot, file);
    if (relative === '..' || relative.startsWith(`..${p.sep}`) || p.isAbsolute(relative))
        return null;
    const parts = relative.split(p.sep);
    const last = parts.pop() ?? '';
    if (!asFile)
        parts.push(p.basename(last, p.extname(last)));
    return [namePath?.replace(/\/+$/, ''), ...parts].filter(Boolean).join('/') || undefined;
}
const PARSED_FORMATS = new Set(['json', 'yaml']);
/** Checks every item shares: csv only where the endpoint takes it, JSON and YAML (`text`) that parse. */
async function checked(inputs, settings, item, text) {
    if (item.dataFormat === 'csv' && settings.target === 'vars') {
        inputs.problem('data-format', `csv is not accepted for vars (${item.label})`);
    }
    const problem = item.dataFormat && text && (await syntaxProblem(item.dataFormat, text.toString('utf8')));
    if (problem)
        inputs.problem(item.source, `${item.label} is not valid ${item.dataFormat === 'json' ? 'JSON' : 'YAML'}: ${problem}`);
    return item;
}
async function syntaxProblem(format, text) {
    if (format === 'json') {
        try {
            JSON.parse(text);
            return undefined;
        }
        catch (error) {
            // JSON.parse decides; V8's message often has no position ("Unexpected token"), so the position comes from a
            // parser that reports one for every error.
            return (await jsonErrorAt(text)) ?? error.message;
        }
    }
    if (format === 'yaml') {
        // Plain messages (no code frame, no position of their own): the position is added once, here.
        const { parseDocument } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
        const [error] = parseDocument(text, { prettyErrors: false }).errors;
        if (!error)
            return undefined;
        const where = lineAndColumn(text, error.pos[0]);
        return `${error.message} (line ${where.line}, column ${where.column})`;
    }
    return undefined;
}
/** "property name expected (line 4, column 1)" for the first error in `text`, read as strict JSON. */
async function jsonErrorAt(text) {
    const jsonc = await __webpack_require__.e(/* import() */ 547).then(__webpack_require__.t.bind(__webpack_require__, 99547, 23));
    const errors = [];
    jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const [first] = errors;
    if (!first)
        return undefined;
    const words = jsonc
        .printParseErrorCode(first.error)
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase();
    const where = lineAndColumn(text, first.offset);
    return `${words} (line ${where.line}, column ${where.column})`;
}
function lineAndColumn(text, offset) {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}
function fileContentType(fileName) {
    const extension = external_node_path_.extname(fileName).toLowerCase();
    if (extension === '.zip')
        return 'application/zip';
    if (extension === '.json')
        return 'application/json';
    return 'text/plain';
}

;// CONCATENATED MODULE: ./actions/cdm-upload/src/config.ts
/**
 * cdm-upload's inputs, read and checked into the typed config the flow runs with: where the items go, how they are
 * found on disk, what the commit does, and the gate that may follow it — every problem reported before any request.
 */






/** The server's documented default limits. */
const DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
const DEFAULT_MAX_FILE_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Uploads in flight at once unless `max-parallel` says otherwise. */
const DEFAULT_MAX_PARALLEL = 8;
/** The run's clock starts before the files are found and checked: that work counts against timeout too. */
async function readUploadInputs(inputs, startRuntime) {
    const required = {
        connection: (0,servicenow_connection/* readServiceNowConnection */.YJ)(inputs),
        appName: inputs.string('app-name', { required: true }),
    };
    const target = inputs.choice('target', UPLOAD_TARGETS, { default: 'component' }) ?? 'component';
    const collectionName = inputs.string('collection-name');
    const deployableName = inputs.string('deployable-name');
    for (const kind of ['collection', 'deployable']) {
        inputs.requiredWith(`${kind}-name`, target === kind, `target: ${kind}`);
        inputs.onlyWith(`${kind}-name`, target === kind, `target: ${kind}`);
    }
    const asFile = inputs.boolean('as-file', false);
    if (asFile && target === 'vars')
        inputs.problem('as-file', 'file nodes cannot be uploaded to vars');
    const dataFormat = inputs.choice('data-format', UPLOAD_DATA_FORMATS);
    if (asFile && dataFormat)
        inputs.problem('data-format', 'does not apply with as-file: true (the file is stored as it is)');
    const dataFormatAttributes = inputs.json('data-format-attributes', 'object');
    const fileName = inputs.string('file-name');
    const fileNodeName = inputs.string('file-node-name');
    for (const name of ['file-name', 'file-node-name'])
        inputs.onlyWith(name, asFile, 'as-file: true');
    const autoCommit = inputs.boolean('auto-commit', true);
    const autoValidate = inputs.boolean('auto-validate', false);
    const publishOption = inputs.choice('publish-option', PUBLISH_OPTIONS, { default: 'publish_none' }) ?? 'publish_none';
    if (!autoCommit && (autoValidate || publishOption === 'publish_valid')) {
        inputs.problem(autoValidate ? 'auto-validate' : 'publish-option', 'only applies with auto-commit: true');
    }
    const changesetNumber = inputs.string('changeset-number');
    const autoDelete = inputs.boolean('auto-delete', false);
    const deleteRedundantOverrides = inputs.boolean('delete-redundant-overrides', true);
    const identifierKeys = inputs.list('identifier-keys');
    const ignoreAttributes = inputs.boolean('ignore-attributes', false);
    const sharedLibraryName = inputs.string('shared-library-name');
    const maxUploadBytes = inputs.size('max-upload-size', asFile ? DEFAULT_MAX_FILE_UPLOAD_BYTES : DEFAULT_MAX_UPLOAD_BYTES);
    const validate = inputs.boolean('validate', false);
    if (validate && !autoCommit)
        inputs.problem('validate', 'needs auto-commit: true (the commit creates the snapshots)');
    const gateInputs = (0,validation_inputs/* readGateInputs */.r)(inputs);
    for (const name of ['fail-on-warnings', 'fail-on-exceptions', 'sarif-file', 'results-file'])
        inputs.onlyWith(name, validate, 'validate: true');
    const timeoutMs = inputs.duration('timeout', '30m');
    const pollIntervalMs = (0,poll/* readPollInterval */.nb)(inputs, '10s');
    const maxParallel = inputs.integer('max-parallel', { min: 1, default: DEFAULT_MAX_PARALLEL }) ?? DEFAULT_MAX_PARALLEL;
    const runtime = startRuntime(timeoutMs);
    const items = await collectItems(inputs, {
        target,
        namePath: inputs.string('name-path')?.replace(/^\/+/, ''),
        dataFormat,
        asFile,
        fileName,
        fileNodeName,
        maxUploadBytes,
        filesRoot: external_node_path_.resolve(inputs.string('files-root') ?? '.'),
    }, runtime);
    if (dataFormatAttributes && !items.some((item) => item.dataFormat === 'csv')) {
        inputs.problem('data-format-attributes', 'only applies to csv data');
    }
    const { connection, appName } = inputs.finish(required);
    const config = {
        connection,
        options: {
            appName,
            target,
            collectionName,
            deployableName,
            dataFormatAttributes,
            autoDelete,
            deleteRedundantOverrides,
            identifierKeys,
            ignoreAttributes,
            sharedLibraryName,
        },
        items,
        changesetNumber,
        autoCommit,
        autoValidate,
        publishOption,
        pollIntervalMs,
        maxParallel,
    };
    return { config, runtime, asFile, gate: validate ? gateInputs : undefined };
}

// EXTERNAL MODULE: ./shared/vendors/servicenow/states.ts
var servicenow_states = __webpack_require__(10526);
;// CONCATENATED MODULE: ./actions/cdm-upload/src/queue.ts
/**
 * The uploads in flight, followed together (docs/vendor-apis.md: the upload endpoints queue each request on the
 * server). Uploads are queued in file order, at most `bound` at a time, each file read only when it is queued. Each
 * tick of the one poller is one status round over the open uploads that are due, then the queue is topped up.
 * Until ServiceNow says which changeset the first upload opened, the others wait for it; the committing (last)
 * upload waits until every other one has completed. After a failure nothing more is queued: the open uploads are
 * followed to their end and the failure of the first file in order is thrown.
 */







/** The first status check of an upload: a quick upload is noticed in tens of ms, not after the poller's 0.5 s. */
const FIRST_CHECK_MS = 25;
class UploadQueue {
    config;
    deps;
    files;
    judge;
    next = 0;
    open = [];
    bound;
    /** Until when a slow-down asked by the server holds, so one burst of 429s halves the bound once. */
    calmUntil = 0;
    /** The failure of the first file in order; built when thrown, with a hint that says where the run ended. */
    failure;
    completedCount = 0;
    /** Known from the input, or from the first upload's status. */
    changesetNumber;
    constructor(config, deps, files, judge) {
        this.config = config;
        this.deps = deps;
        this.files = files;
        this.judge = judge;
        this.bound = config.maxParallel;
        this.changesetNumber = config.changesetNumber;
    }
    /** One tick: a status round over the uploads that are due, then as many new uploads as may go. */
    async tick() {
        await this.round();
        await this.topUp();
        if (this.open.length === 0)
            return { done: true, value: undefined };
        const now = this.deps.runtime.clock.now();
        const waitMs = Math.max(0, Math.min(...this.open.map((upload) => upload.dueAt - now)));
        return { done: false, state: this.progress(), waitMs };
    }
    /** Queues what may go now; before the first tick, the first upload(s). */
    async topUp() {
        while (this.mayQueue())
            await this.queueNext();
    }
    /** Records that the upload of `index` failed; the first file in order wins. */
    fail(index, error) {
        if (!this.failure)
            this.deps.report({ state: 'error' });
        if (!this.failure || index < this.failure.index)
            this.failure = { index, error };
    }
    /** The failure to throw once nothing is open any more, with `hint` (what to do next) in it. */
    failed(hint) {
        return this.failure?.error(hint);
    }
    completed() {
        this.completedCount += 1;
    }
    /** "120 of 1000 completed, 8 in flight". */
    progress() {
        return `${this.completedCount} of ${this.files.length} completed, ${this.open.length} in flight`;
    }
    /** The ids of the uploads still open, for a hint after a timeout or cancel. */
    openIds() {
        return this.open.map((upload) => upload.uploadId);
    }
    mayQueue() {
        const { items, autoCommit } = this.config;
        if (this.failure || this.next >= items.length || this.open.length >= this.bound)
            return false;
        if (this.deps.runtime.signal.aborted)
            throw new errors/* CancelledError */.cc();
        // The first upload opens the changeset; the others go into it once ServiceNow has said which it is.
        if (!this.changesetNumber && this.next > 0)
            return false;
        // Commit once, with the last upload, after every other one has completed.
        return !(autoCommit && this.next === items.length - 1 && this.open.length > 0);
    }
    async queueNext() {
        const { config, files } = this;
        const { client, runtime, report } = this.deps;
        const index = this.next++;
        const item = config.items[index];
        const commits = config.autoCommit && index === config.items.length - 1;
        let uploadId;
        try {
            uploadId = await requestUpload(client, config.connection, config.options, {
                namePath: item.namePath,
                dataFormat: item.dataFormat,
                fileName: item.fileName,
                fileNodeName: item.fileNodeName,
                changesetNumber: this.changesetNumber,
                commit: commits ? { autoValidate: config.autoValidate, publishOption: config.publishOption } : undefined,
                body: await readItemBody(item),
                contentType: item.contentType,
            }, { onThrottled: this.slowDown });
        }
        catch (error) {
            if (!(error instanceof errors/* ApiError */.hD))
                throw error;
            files[index].state = 'error';
            this.fail(index, (hint) => notStarted(error, item.label, hint));
            return;
        }
        files[index].uploadId = uploadId;
        files[index].state = 'new';
        report({ uploadId });
        runtime.logger.info(`Upload ${uploadId} started: ${item.label} → ${item.namePath ?? '(top level)'}${commits ? ' (commits the changeset)' : ''}.`);
        const now = runtime.clock.now();
        this.open.push({
            index,
            uploadId,
            commits,
            queuedAt: now,
            intervalMs: FIRST_CHECK_MS,
            dueAt: now + FIRST_CHECK_MS,
            classify: (0,states/* jobStates */.km)(`Upload ${uploadId}`, servicenow_states/* CDM_REQUEST_STATES */.uD, runtime.logger),
        });
    }
    /**
     * Asks the status of every open upload that is due, or half an interval from due: uploads queued close together
     * are checked in the same round. An upload still running is due again after the poller's growing interval.
     */
    async round() {
        const { client, runtime } = this.deps;
        const now = runtime.clock.now();
        const due = this.open.filter((upload) => upload.dueAt - upload.intervalMs / 2 <= now);
        const statuses = await Promise.all(due.map((upload) => getUploadStatus(client, this.config.connection, upload.uploadId, { onThrottled: this.slowDown })));
        const checkedAt = runtime.clock.now();
        for (const [i, upload] of due.entries()) {
            const ended = this.judgeOne(upload, statuses[i]);
            if (ended) {
                this.open.splice(this.open.indexOf(upload), 1);
                continue;
            }
            upload.intervalMs = (0,poll/* nextIntervalMs */.Lp)(checkedAt - upload.queuedAt, this.config.pollIntervalMs, FIRST_CHECK_MS);
            upload.dueAt = checkedAt + upload.intervalMs;
        }
    }
    /** True when the upload has ended (the judge has marked it); else its state is recorded. */
    judgeOne(upload, status) {
        const kind = upload.classify(status.state);
        // The committing upload is done once its changeset has left the commit's transitional states.
        const changesetState = status.changeset?.state;
        const settling = upload.commits && changesetState !== undefined && (0,states/* classifyState */.ai)(changesetState, servicenow_states/* CHANGESET_STATES */.Yq) === 'running';
        if (kind === 'failed' || (kind === 'done' && !settling)) {
            this.judge(upload, status);
            return true;
        }
        this.files[upload.index].state = status.state;
        const shown = changesetState ? `${status.state}, changeset ${changesetState}` : status.state;
        if (upload.commits && shown !== upload.logged) {
            const { clock, logger } = this.deps.runtime;
            const label = this.config.items[upload.index].label;
            const elapsed = (0,shared_runtime/* formatDuration */.a3)(clock.now() - upload.queuedAt);
            logger.info(`upload ${upload.uploadId} (${label}): ${shown} (${elapsed} elapsed)`);
            upload.logged = shown;
        }
        return false;
    }
    /** A 429 or 503: at most half as many uploads in flight from now on; the client waits out Retry-After. */
    slowDown = (waitMs) => {
        const { clock, logger } = this.deps.runtime;
        const now = clock.now();
        if (now < this.calmUntil)
            return;
        this.calmUntil = now + waitMs;
        const halved = Math.max(1, Math.floor(this.bound / 2));
        if (halved === this.bound)
            return;
        this.bound = halved;
        logger.info(`ServiceNow asked to slow down: at most ${halved} upload(s) in flight from now on.`);
    };
}
/** A rejected upload request, naming the file; the request error keeps the vendor's words and its own hint. */
function notStarted(error, label, next) {
    return new errors/* ApiError */.hD({
        method: error.method,
        url: error.url,
        status: error.status,
        vendorMessage: error.vendorMessage,
        kind: error.kind,
        hint: [error.hint, `This was the upload of ${label}`, next].filter(Boolean).join('. '),
    });
}

;// CONCATENATED MODULE: ./actions/cdm-upload/src/upload.ts
/**
 * The cdm-upload flow: queue the items in order into one changeset (the first upload creates it unless one is
 * given), at most `max-parallel` in flight (queue.ts), commit with the last once every other one has completed, and
 * fail with ServiceNow's reasons. Never touches @actions/core: it reports what it learns through `report` and
 * returns the result.
 */





/** How many file names a hint quotes. */
const HINT_NAMES = 10;
/** Where each file stands before the first upload. */
function plannedFiles(items) {
    return items.map((item) => ({
        file: item.file ?? null,
        namePath: item.namePath ?? null,
        uploadId: null,
        state: 'not_started',
    }));
}
/**
 * Each upload id is reported the moment the upload starts; `files` once, when the run ends on any path: reported
 * after every upload, its outputs would grow GITHUB_OUTPUT with the square of the number of files.
 */
async function runUploads(config, deps) {
    const files = plannedFiles(config.items);
    try {
        return await uploadAll(config, deps, files);
    }
    finally {
        deps.report({ files });
    }
}
async function uploadAll(config, deps, files) {
    const { runtime, report } = deps;
    const { logger } = runtime;
    if (config.changesetNumber)
        report({ changesetNumber: config.changesetNumber });
    let changesetState;
    const queue = new UploadQueue(config, deps, files, (upload, status) => {
        const item = config.items[upload.index];
        const jobId = `Upload ${upload.uploadId}`;
        files[upload.index].state = status.state;
        if (upload.classify(status.state) === 'failed') {
            queue.fail(upload.index, (hint) => new errors/* JobFailedError */.dk(`Upload of ${item.label} failed`, {
                jobId,
                state: status.state,
                errors: status.errors.length
                    ? status.errors
                    : ['ServiceNow reported the upload as failed without a reason'],
                hint,
            }));
            return;
        }
        const number = status.changeset?.number;
        queue.changesetNumber ??= number;
        const changesetNumber = queue.changesetNumber;
        if (!changesetNumber || (number && number !== changesetNumber)) {
            files[upload.index].state = 'error';
            queue.fail(upload.index, () => changesetUnknown(item.label, jobId, changesetNumber, number));
            return;
        }
        // A later answer without the state leaves the last one known.
        changesetState = status.changeset?.state || changesetState;
        report({ changesetNumber, changesetState });
        if (status.errors.length) {
            // A completed upload that still carries errors did not do all it was asked: not a pass.
            files[upload.index].state = 'error';
            queue.fail(upload.index, (hint) => new errors/* JobFailedError */.dk(`Upload of ${item.label} completed with errors (changeset ${changesetNumber}, ${changesetStateText(status)})`, {
                jobId,
                state: `completed with errors, changeset ${changesetStateText(status)}`,
                errors: status.errors,
                hint: upload.commits
                    ? `Look at upload ${upload.uploadId} in the CDM Request Queue and at changeset ${changesetNumber} in DevOps Config, fix the cause and run again`
                    : hint,
            }));
            return;
        }
        const commitFailure = upload.commits ? checkCommitted(changesetNumber, upload.uploadId, status) : undefined;
        if (commitFailure)
            queue.fail(upload.index, () => commitFailure);
        else
            queue.completed();
    });
    const hint = () => openChangesetHint(queue.changesetNumber, files, queue.openIds());
    await queue.topUp();
    await (0,poll/* poll */.wt)(() => queue.tick(), {
        what: `${files.length} upload(s)`,
        runtime,
        maxIntervalMs: config.pollIntervalMs,
        minIntervalMs: FIRST_CHECK_MS,
        progress: 'periodic',
        resumeHint: hint,
    });
    const failure = queue.failed(hint());
    if (failure)
        throw failure;
    const changesetNumber = queue.changesetNumber;
    if (!config.autoCommit) {
        logger.notice(`Changeset ${changesetNumber} is left open (auto-commit: false): commit it in DevOps Config, or upload more with changeset-number: ${changesetNumber}.`, 'Changeset left open');
    }
    report({ state: 'completed' });
    const last = files.at(-1);
    return {
        files,
        changesetNumber: changesetNumber ?? '',
        changesetState,
        uploadId: last?.uploadId ?? undefined,
        state: 'completed',
    };
}
/** The upload completed, but ServiceNow did not say its changeset, or named another one than the run's. */
function changesetUnknown(label, jobId, expected, got) {
    if (expected && got) {
        return new errors/* JobFailedError */.dk(`Upload of ${label} went into changeset ${got}, not ${expected}`, {
            jobId,
            state: 'completed',
            errors: [],
            hint: `Look at both changesets in DevOps Config: the run's uploads were meant to go into ${expected} only`,
        });
    }
    return new errors/* JobFailedError */.dk(`Upload of ${label} completed but ServiceNow did not say which changeset it used`, {
        jobId,
        state: 'completed',
        errors: [],
        hint: 'Look at the upload in the CDM Request Queue (sn_cdm_request_queue) and re-run with changeset-number',
    });
}
/** The committing upload passes only when its changeset says `committed`; any other state, or none, fails. */
function checkCommitted(changesetNumber, uploadId, status) {
    const state = status.changeset?.state;
    if (state !== undefined && (0,states/* classifyState */.ai)(state, servicenow_states/* CHANGESET_STATES */.Yq) === 'done')
        return undefined;
    return new errors/* JobFailedError */.dk(`Changeset ${changesetNumber} was not committed`, {
        jobId: `Changeset ${changesetNumber}`,
        state: state ?? 'unknown',
        errors: [
            state === undefined
                ? `ServiceNow did not say the changeset's state after upload ${uploadId}, so the commit cannot be confirmed`
                : `The changeset ended '${state}' after upload ${uploadId}`,
        ],
        hint: state?.toLowerCase() === 'blocked'
            ? 'It conflicts with other changes: resolve the conflict in DevOps Config, then commit it there'
            : 'Look at the changeset in DevOps Config for the reason, fix it, and commit it there or re-run',
    });
}
function changesetStateText(status) {
    return status.changeset?.state ? `state '${status.changeset.state}'` : 'state not given';
}
/**
 * Says which changeset stays open, what is already in it (the first few files named: the files output has all) and
 * which uploads may still finish, so the user can fix and re-run.
 */
function openChangesetHint(changesetNumber, files, openIds) {
    const done = files.filter((f) => (0,states/* sameState */.yY)(f.state, 'completed')).map((f) => f.file ?? 'content');
    const stillOpen = openIds.length ? `; upload(s) ${listed(openIds)} may still finish, see the CDM Request Queue` : '';
    if (!changesetNumber) {
        return `ServiceNow did not say which changeset the upload used (it may have opened one: see the open changesets of the application in DevOps Config)${stillOpen}; fix the problem and run again`;
    }
    return (`Changeset ${changesetNumber} is left open with ${done.length} of ${files.length} upload(s) in it` +
        (done.length ? ` (${listed(done)})` : '') +
        stillOpen +
        `; fix the problem and re-run with changeset-number: ${changesetNumber}`);
}
/** The first few of a list, and how many more: a hint stays short with thousands of files. */
function listed(names) {
    const shown = names.slice(0, HINT_NAMES);
    return shown.join(', ') + (names.length > shown.length ? ` and ${names.length - shown.length} more` : '');
}

;// CONCATENATED MODULE: ./actions/cdm-upload/src/main.ts
/** cdm-upload: inputs (with local file checks) → uploads into one changeset → outputs and job summary. */











function main_run(options = {}) {
    return (0,run/* runAction */.C)({ title: 'ServiceNow CDM upload', ...options }, main);
}
async function main(context) {
    const { inputs, outputs, summary, logger } = context;
    const { config, runtime, asFile, gate: gateInputs } = await readUploadInputs(inputs, context.runtime);
    const { connection, items, options } = config;
    const { appName, target, collectionName, deployableName } = options;
    const client = (0,servicenow_connection/* serviceNowClient */.z0)(connection, runtime);
    logger.info(`Uploading ${items.length} item(s) to ${appName} (${target}${asFile ? ', as file nodes' : ''}).`);
    const uploads = new known/* Known */.I((part) => (0,report_outputs/* setOutputs */.n0)(outputs, uploadOutputs(part)));
    const gated = new known/* Known */.I((part) => (0,report_outputs/* setOutputs */.n0)(outputs, gateOutputs(part)));
    try {
        const uploaded = await runUploads(config, { client, runtime, report: uploads.report });
        uploads.report(uploaded);
        const gate = gateInputs &&
            (await gateTheCommit(config, gateInputs, uploaded, { client, connection, runtime, report: gated.report }));
        if (gate && gateInputs)
            context.reportResults((0,test_results/* gateRunResults */.f)(gate, uploadedFiles(uploaded), gateInputs.workspace));
        const failure = gate && (0,step/* gateFailure */.I)(gate);
        if (failure)
            throw failure;
        const changeset = uploaded.changesetNumber ? ` in changeset ${uploaded.changesetNumber}` : '';
        const state = uploaded.changesetState ? ` (${uploaded.changesetState})` : '';
        return `✅ Uploaded ${uploaded.files.length} item(s) to ${appName}${changeset}${state}${gate ? `; ${(0,report/* gateVerdict */.lr)(gate)}` : ''}.`;
    }
    finally {
        const gate = gated.value.result;
        (0,report/* summarizeGate */.zj)(summary, gate?.snapshots ?? gated.value.snapshots ?? [], gate);
        const done = uploads.value;
        const files = done.files ?? plannedFiles(items);
        summary.details([
            ['Instance', connection.instanceUrl],
            ['Application', appName],
            ['Target', [target, collectionName, deployableName].filter(Boolean).join(' ')],
            ['Changeset', done.changesetNumber],
            ['Changeset state', done.changesetState],
            ['Elapsed', (0,shared_runtime/* formatDuration */.a3)(runtime.deadline.elapsed())],
        ]);
        summary.fold(`Files: ${files.length}`, (inner) => inner.table(['File', 'Name path', 'Upload id', 'State'], files.map((f) => [
            f.file ? external_node_path_.relative(process.cwd(), f.file) || f.file : 'content',
            f.namePath ?? '',
            f.uploadId ?? '',
            f.state,
        ]), { rest: 'the files output lists them all' }));
    }
}
/** The step's outputs for what the uploads reported; the ones not reported yet are left out. */
function uploadOutputs(part) {
    const uploadIds = part.files?.flatMap((f) => (f.uploadId ? [f.uploadId] : []));
    return {
        'changeset-number': part.changesetNumber || undefined,
        'changeset-state': part.changesetState,
        'upload-id': part.uploadId,
        'upload-ids': uploadIds?.length ? uploadIds : undefined,
        files: part.files,
        state: part.state,
    };
}
/** The gate over the snapshots the commit created: ServiceNow validates them itself when the upload asked it to. */
function gateTheCommit(config, gateInputs, uploaded, deps) {
    return (0,step/* runGateStep */.R)({
        appName: config.options.appName,
        changesetNumber: uploaded.changesetNumber,
        deployableNames: [],
        revalidate: false,
        publish: false,
        serverValidates: config.autoValidate,
        uploadedFiles: uploadedFiles(uploaded),
        pollIntervalMs: config.pollIntervalMs,
        ...gateInputs,
    }, deps);
}
/** The files the gate maps findings to: each uploaded file with its name path. */
function uploadedFiles(uploaded) {
    return uploaded.files.flatMap((f) => (f.file && f.namePath ? [{ file: f.file, namePath: f.namePath }] : []));
}
/** The step's outputs for what the gate after the commit reported (`validate: true`); unknown ones are left out. */
function gateOutputs(part) {
    const values = (0,report/* gateValues */.iy)(part);
    return {
        snapshots: values.snapshots,
        'snapshot-name': values.snapshotName,
        'snapshot-id': values.snapshotId,
        'snapshot-names': values.snapshotNames,
        'validation-status': values.validationStatus,
        'validation-results': values.validationResults,
        failures: values.failures,
        warnings: values.warnings,
        'sarif-file': values.sarifFile,
        'results-file': values.resultsFile,
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

//# sourceMappingURL=217.index.js.map