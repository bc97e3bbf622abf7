export const id = 361;
export const ids = [361];
export const modules = {

/***/ 88361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkWorkflowFiles: () => (/* binding */ checkWorkflowFiles)
});

// UNUSED EXPORTS: builtInActions, checkFileText, formatProblem, yamlBlocks

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./cli/src/contracts.ts
var contracts = __webpack_require__(25033);
// EXTERNAL MODULE: ./node_modules/@actions/workflow-parser/dist/index.js + 92 modules
var dist = __webpack_require__(45162);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./cli/src/workflow-rules.ts
/**
 * The workflow checker: a workflow, a job's step or a list of steps (wrapped into a workflow) must parse against
 * GitHub's workflow schema, give these actions only inputs they declare and every required one, name only outputs
 * they have, refer only to steps and jobs that exist, declare permissions, and never put `${{ }}` inside a `run:`
 * script (values reach scripts through `env:`). Each problem carries the line it is on.
 */


/**
 * `<owner>/<repo>/actions/<action>@<ref>` whatever the owner (and the repository, which a fork may rename), or
 * `./actions/<action>` (a checkout of this repository). An action name we do not have is somebody else's action,
 * unless the repository is ours by name: then it is a typo worth reporting.
 */
const REMOTE_USES = /^[^/\s@]+\/([^/\s@]+)\/actions\/([^/\s@]+)@\S+$/;
const LOCAL_USES = /^\.\/actions\/([^/\s@]+)\/?$/;
const OUR_REPOSITORY = 'config-promotion-actions';
function actionOfUses(uses, actions) {
    const remote = REMOTE_USES.exec(uses);
    const local = LOCAL_USES.exec(uses);
    const name = remote?.[2] ?? local?.[1];
    if (name === undefined)
        return undefined;
    const meta = actions(name);
    if (meta)
        return { name, meta };
    return remote?.[1] === OUR_REPOSITORY ? { name } : undefined;
}
const silentTrace = { error() { }, info() { }, verbose() { } };
const isMapping = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
/** The problems of one workflow (or step, or list of steps); empty when it is sound. */
function checkWorkflowText(text, actions) {
    const lineCounter = new yaml_dist.LineCounter();
    const doc = (0,yaml_dist.parseDocument)(text, { lineCounter });
    if (doc.errors.length) {
        const error = doc.errors[0];
        return [{ line: lineCounter.linePos(error.pos[0]).line, message: `not YAML: ${error.message.split('\n')[0]}` }];
    }
    const at = (path, key) => lineOf(doc, lineCounter, path, key);
    const document = doc.toJS();
    const whole = isMapping(document) && 'jobs' in document;
    const steps = whole ? undefined : Array.isArray(document) ? document : isMapping(document) ? [document] : undefined;
    if (!whole && !steps)
        return [{ line: 1, message: 'neither a workflow, a step nor a list of steps' }];
    const workflow = whole
        ? document
        : { on: 'workflow_dispatch', permissions: {}, jobs: { example: { 'runs-on': 'ubuntu-latest', steps } } };
    // A whole workflow is parsed from its own text, so the schema's errors carry real lines.
    const parsed = (0,dist/* parseWorkflow */.hM)({ name: 'workflow.yml', content: whole ? text : JSON.stringify(workflow) }, silentTrace);
    const problems = parsed.context.errors.getErrors().map((error) => ({
        line: whole ? (error.range?.start.line ?? 1) : 1,
        message: `workflow schema: ${error.rawMessage}`,
    }));
    const jobs = isMapping(workflow.jobs) ? workflow.jobs : {};
    for (const [jobName, job] of Object.entries(jobs)) {
        if (!isMapping(job))
            continue;
        const jobPath = whole ? ['jobs', jobName] : [];
        if (whole && !('permissions' in workflow) && !('permissions' in job)) {
            problems.push({
                line: at(['jobs'], jobName),
                message: `job '${jobName}' has no permissions: block (nor has the workflow)`,
            });
        }
        const stepPath = (index) => whole ? [...jobPath, 'steps', index] : Array.isArray(document) ? [index] : [];
        problems.push(...checkJob({ jobName, job, jobs, actions, at, stepPath, whole }));
    }
    return problems.sort((a, b) => a.line - b.line);
}
function checkJob({ jobName, job, jobs, actions, at, stepPath, whole }) {
    const problems = [];
    const problem = (line, message) => problems.push({ line, message: `job '${jobName}': ${message}` });
    const steps = Array.isArray(job.steps) ? job.steps : [];
    const stepActions = new Map();
    steps.forEach((step, index) => {
        if (!isMapping(step))
            return;
        const path = stepPath(index);
        const action = typeof step.uses === 'string' ? actionOfUses(step.uses, actions) : undefined;
        if (typeof step.id === 'string')
            stepActions.set(step.id, action?.meta);
        if (typeof step.run === 'string' && step.run.includes('${{')) {
            problem(at(path, 'run'), 'a run: script holds ${{ }} (pass the value through env: instead)');
        }
        if (!action)
            return;
        if (!action.meta)
            return problem(at(path, 'uses'), `there is no action '${action.name}'`);
        const given = isMapping(step.with) ? Object.keys(step.with) : [];
        const declared = action.meta.inputs.map((input) => input.name);
        for (const name of given.filter((name) => !declared.includes(name))) {
            problem(at([...path, 'with'], name), `${action.name} has no input '${name}'`);
        }
        for (const input of action.meta.inputs.filter((i) => i.required && i.default === undefined)) {
            if (!given.includes(input.name))
                problem(at(path, 'uses'), `${action.name} needs input '${input.name}'`);
        }
    });
    const needs = typeof job.needs === 'string' ? [job.needs] : Array.isArray(job.needs) ? job.needs : [];
    const found = whole
        ? expressions(job, ['jobs', jobName])
        : steps.flatMap((step, index) => expressions(step, stepPath(index)));
    for (const { text, path } of found) {
        const line = at(path);
        for (const [, id, output] of text.matchAll(/\bsteps\.([A-Za-z_][\w-]*)(?:\.outputs\.([\w-]+))?/g)) {
            if (!stepActions.has(id)) {
                problem(line, `steps.${id} names no step of this job`);
                continue;
            }
            const meta = stepActions.get(id);
            if (meta && output && !meta.outputs.some((o) => o.name === output)) {
                problem(line, `steps.${id} has no output '${output}'`);
            }
        }
        for (const [, other, output] of text.matchAll(/\bneeds\.([A-Za-z_][\w-]*)(?:\.outputs\.([\w-]+))?/g)) {
            const target = jobs[other];
            if (!isMapping(target))
                problem(line, `needs.${other} names no job of this workflow`);
            else if (!needs.includes(other))
                problem(line, `needs.${other} is not in its needs:`);
            else if (output && !(isMapping(target.outputs) && output in target.outputs)) {
                problem(line, `job '${other}' has no output '${output}'`);
            }
        }
    }
    return problems;
}
/** Every expression under a node with its path: the `${{ }}` in strings, and `if:` conditions (without them). */
function expressions(value, path, key = '') {
    if (typeof value === 'string') {
        const found = [...value.matchAll(/\$\{\{(.*?)\}\}/gs)].map((match) => ({ text: match[1], path }));
        return key === 'if' && found.length === 0 ? [{ text: value, path }] : found;
    }
    if (Array.isArray(value))
        return value.flatMap((item, index) => expressions(item, [...path, index]));
    if (isMapping(value))
        return Object.entries(value).flatMap(([k, v]) => expressions(v, [...path, k], k));
    return [];
}
/** The line of the node at `path`, or of the key `key` in the mapping there. */
function lineOf(doc, lineCounter, path, key) {
    const node = path.length ? doc.getIn(path, true) : doc.contents;
    const pair = key !== undefined && (0,yaml_dist.isMap)(node) ? node.items.find((p) => (0,yaml_dist.isScalar)(p.key) && p.key.value === key) : undefined;
    const range = ((0,yaml_dist.isScalar)(pair?.key) ? pair.key.range : undefined) ?? node?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
}

;// CONCATENATED MODULE: ./cli/src/check-workflow.ts
/**
 * `config-promotion check-workflow <file>...`: checks workflow files (or the YAML examples of a markdown file, as
 * the README checker does) against these actions' contracts. Prints `file:line: message`, or error annotations on
 * GitHub; exit 1 when a problem is found, 2 when a file cannot be read.
 */



/** Each ```yaml block of a markdown file; one whose info string says `yaml fragment` is a piece of a line: skipped. */
function yamlBlocks(markdown) {
    const blocks = [];
    const lines = markdown.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const open = /^```yaml(\s+fragment)?\s*$/.exec(lines[i]);
        if (!open)
            continue;
        const start = i + 1;
        while (i + 1 < lines.length && !/^```\s*$/.test(lines[i + 1]))
            i++;
        if (!open[1])
            blocks.push({ line: start + 1, text: lines.slice(start, i + 1).join('\n') });
        i++;
    }
    return blocks;
}
/** The actions this command was built with. */
const builtInActions = (name) => Object.hasOwn(contracts/* CONTRACTS */.o, name) ? contracts/* CONTRACTS */.o[name] : undefined;
/** The problems of one file's text: a markdown file's YAML blocks, or the whole file as one workflow. */
function checkFileText(file, text, actions = builtInActions) {
    const blocks = /\.(md|markdown)$/i.test(file) ? yamlBlocks(text) : [{ line: 1, text }];
    return blocks.flatMap((block) => checkWorkflowText(block.text, actions).map((problem) => ({
        file,
        line: block.line + problem.line - 1,
        message: problem.message,
    })));
}
/** Workflow-command escaping (the runner's rules): data escapes %, CR, LF; properties also `:` and `,`. */
const escapeData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
function formatProblem(problem, github) {
    if (!github)
        return `${problem.file}:${problem.line}: ${problem.message}`;
    const properties = `file=${escapeProperty(problem.file)},line=${problem.line},title=${escapeProperty('Workflow check')}`;
    return `::error ${properties}::${escapeData(problem.message)}`;
}
/** Runs the subcommand; returns the exit code. */
function checkWorkflowFiles(files, io) {
    if (files.length === 0) {
        io.err('Usage: config-promotion check-workflow <file>...  (workflow files, or markdown with ```yaml examples)');
        return 2;
    }
    const github = io.env.GITHUB_ACTIONS === 'true';
    let unreadable = false;
    let found = 0;
    for (const file of files) {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch (error) {
            io.err(`${file}: cannot be read (${error.code ?? String(error)})`);
            unreadable = true;
            continue;
        }
        for (const problem of checkFileText(file, text)) {
            io.out(formatProblem(problem, github));
            found++;
        }
    }
    if (unreadable)
        return 2;
    const checked = `${files.length} file${files.length === 1 ? '' : 's'}`;
    if (found) {
        io.err(`${found} problem${found === 1 ? '' : 's'} in ${checked}.`);
        return 1;
    }
    io.out(`${checked} checked: no problems.`);
    return 0;
}


/***/ })

};

//# sourceMappingURL=361.index.js.map