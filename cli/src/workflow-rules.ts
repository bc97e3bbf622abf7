/**
 * The workflow checker: a workflow, a job's step or a list of steps (wrapped into a workflow) must parse against
 * GitHub's workflow schema, give these actions only inputs they declare and every required one, name only outputs
 * they have, refer only to steps and jobs that exist, declare permissions, and never put `${{ }}` inside a `run:`
 * script (values reach scripts through `env:`). Each problem carries the line it is on.
 */
import { parseWorkflow } from '@actions/workflow-parser';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

/** What the checker needs of an action's contract (cli/src/contracts.ts, or action.yml read by the tests). */
export interface CheckedAction {
  inputs: readonly { name: string; required: boolean; default?: string | undefined }[];
  outputs: readonly { name: string }[];
}

export type ActionLookup = (name: string) => CheckedAction | undefined;

export interface WorkflowProblem {
  /** 1-based line in the text checked. */
  line: number;
  message: string;
}

type Mapping = Record<string, unknown>;
type NodePath = (string | number)[];

/**
 * `<owner>/<repo>/actions/<action>@<ref>` whatever the owner (and the repository, which a fork may rename), or
 * `./actions/<action>` (a checkout of this repository). An action name we do not have is somebody else's action,
 * unless the repository is ours by name: then it is a typo worth reporting.
 */
const REMOTE_USES = /^[^/\s@]+\/([^/\s@]+)\/actions\/([^/\s@]+)@\S+$/;
const LOCAL_USES = /^\.\/actions\/([^/\s@]+)\/?$/;
const OUR_REPOSITORY = 'config-promotion-actions';

export function actionOfUses(uses: string, actions: ActionLookup): { name: string; meta?: CheckedAction } | undefined {
  const remote = REMOTE_USES.exec(uses);
  const local = LOCAL_USES.exec(uses);
  const name = remote?.[2] ?? local?.[1];
  if (name === undefined) return undefined;
  const meta = actions(name);
  if (meta) return { name, meta };
  return remote?.[1] === OUR_REPOSITORY ? { name } : undefined;
}

const silentTrace = { error() {}, info() {}, verbose() {} };
const isMapping = (value: unknown): value is Mapping =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The problems of one workflow (or step, or list of steps); empty when it is sound. */
export function checkWorkflowText(text: string, actions: ActionLookup): WorkflowProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length) {
    const error = doc.errors[0];
    return [{ line: lineCounter.linePos(error.pos[0]).line, message: `not YAML: ${error.message.split('\n')[0]}` }];
  }
  const at = (path: NodePath, key?: string) => lineOf(doc, lineCounter, path, key);
  const document: unknown = doc.toJS();
  const whole = isMapping(document) && 'jobs' in document;
  const steps = whole ? undefined : Array.isArray(document) ? document : isMapping(document) ? [document] : undefined;
  if (!whole && !steps) return [{ line: 1, message: 'neither a workflow, a step nor a list of steps' }];
  const workflow: Mapping = whole
    ? (document as Mapping)
    : { on: 'workflow_dispatch', permissions: {}, jobs: { example: { 'runs-on': 'ubuntu-latest', steps } } };
  // A whole workflow is parsed from its own text, so the schema's errors carry real lines.
  const parsed = parseWorkflow({ name: 'workflow.yml', content: whole ? text : JSON.stringify(workflow) }, silentTrace);
  const problems: WorkflowProblem[] = parsed.context.errors.getErrors().map((error) => ({
    line: whole ? (error.range?.start.line ?? 1) : 1,
    message: `workflow schema: ${error.rawMessage}`,
  }));
  const jobs = isMapping(workflow.jobs) ? workflow.jobs : {};
  for (const [jobName, job] of Object.entries(jobs)) {
    if (!isMapping(job)) continue;
    const jobPath: NodePath = whole ? ['jobs', jobName] : [];
    if (whole && !('permissions' in workflow) && !('permissions' in job)) {
      problems.push({
        line: at(['jobs'], jobName),
        message: `job '${jobName}' has no permissions: block (nor has the workflow)`,
      });
    }
    const stepPath = (index: number): NodePath =>
      whole ? [...jobPath, 'steps', index] : Array.isArray(document) ? [index] : [];
    problems.push(...checkJob({ jobName, job, jobs, actions, at, stepPath, whole }));
  }
  return problems.sort((a, b) => a.line - b.line);
}

interface JobCheck {
  jobName: string;
  job: Mapping;
  jobs: Mapping;
  actions: ActionLookup;
  at: (path: NodePath, key?: string) => number;
  stepPath: (index: number) => NodePath;
  whole: boolean;
}

function checkJob({ jobName, job, jobs, actions, at, stepPath, whole }: JobCheck): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const problem = (line: number, message: string) => problems.push({ line, message: `job '${jobName}': ${message}` });
  const steps = Array.isArray(job.steps) ? job.steps : [];
  const stepActions = new Map<string, CheckedAction | undefined>();
  steps.forEach((step: unknown, index) => {
    if (!isMapping(step)) return;
    const path = stepPath(index);
    const action = typeof step.uses === 'string' ? actionOfUses(step.uses, actions) : undefined;
    if (typeof step.id === 'string') stepActions.set(step.id, action?.meta);
    if (typeof step.run === 'string' && step.run.includes('${{')) {
      problem(at(path, 'run'), 'a run: script holds ${{ }} (pass the value through env: instead)');
    }
    if (!action) return;
    if (!action.meta) return problem(at(path, 'uses'), `there is no action '${action.name}'`);
    const given = isMapping(step.with) ? Object.keys(step.with) : [];
    const declared = action.meta.inputs.map((input) => input.name);
    for (const name of given.filter((name) => !declared.includes(name))) {
      problem(at([...path, 'with'], name), `${action.name} has no input '${name}'`);
    }
    for (const input of action.meta.inputs.filter((i) => i.required && i.default === undefined)) {
      if (!given.includes(input.name)) problem(at(path, 'uses'), `${action.name} needs input '${input.name}'`);
    }
  });
  const needs = typeof job.needs === 'string' ? [job.needs] : Array.isArray(job.needs) ? job.needs : [];
  const found = whole
    ? expressions(job, ['jobs', jobName])
    : steps.flatMap((step: unknown, index) => expressions(step, stepPath(index)));
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
      if (!isMapping(target)) problem(line, `needs.${other} names no job of this workflow`);
      else if (!needs.includes(other)) problem(line, `needs.${other} is not in its needs:`);
      else if (output && !(isMapping(target.outputs) && output in target.outputs)) {
        problem(line, `job '${other}' has no output '${output}'`);
      }
    }
  }
  return problems;
}

/** Every expression under a node with its path: the `${{ }}` in strings, and `if:` conditions (without them). */
function expressions(value: unknown, path: NodePath, key = ''): { text: string; path: NodePath }[] {
  if (typeof value === 'string') {
    const found = [...value.matchAll(/\$\{\{(.*?)\}\}/gs)].map((match) => ({ text: match[1], path }));
    return key === 'if' && found.length === 0 ? [{ text: value, path }] : found;
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => expressions(item, [...path, index]));
  if (isMapping(value)) return Object.entries(value).flatMap(([k, v]) => expressions(v, [...path, k], k));
  return [];
}

/** The line of the node at `path`, or of the key `key` in the mapping there. */
function lineOf(doc: Document, lineCounter: LineCounter, path: NodePath, key?: string): number {
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  const pair =
    key !== undefined && isMap(node) ? node.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  const range = (isScalar(pair?.key) ? pair.key.range : undefined) ?? (node as { range?: [number] } | null)?.range;
  return range ? lineCounter.linePos(range[0]).line : 1;
}
