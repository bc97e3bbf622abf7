/**
 * Checks the YAML examples of a README as a user would copy them: each ```yaml block is a whole workflow, a job's
 * step or a list of steps (wrapped into a workflow), and must parse against GitHub's workflow schema, give this
 * repository's actions only inputs they declare and every required one, refer only to steps and jobs that exist,
 * declare permissions, and never put `${{ }}` inside a `run:` script (values reach scripts through `env:`).
 * A block whose info string says `yaml fragment` is a piece of a line, not an example, and is skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkflow } from '@actions/workflow-parser';
import { parse } from 'yaml';
import { loadActionMetadata, REPO_ROOT, type ActionMetadata } from './action-contract.js';

export interface YamlBlock {
  /** 1-based line of the block's first YAML line in the README. */
  line: number;
  text: string;
}

type Mapping = Record<string, unknown>;

const OUR_ACTION = /^owner\/config-promotion-actions\/actions\/([^@/]+)@/;
const silentTrace = { error() {}, info() {}, verbose() {} };

export function yamlBlocks(markdown: string): YamlBlock[] {
  const blocks: YamlBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```yaml(\s+fragment)?\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    while (i + 1 < lines.length && !/^```\s*$/.test(lines[i + 1])) i++;
    if (!open[1]) blocks.push({ line: start + 1, text: lines.slice(start, i + 1).join('\n') });
    i++;
  }
  return blocks;
}

const isMapping = (value: unknown): value is Mapping =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A step or a list of steps becomes the only job of a workflow; a workflow stays as it is. */
function asWorkflow(document: unknown): { workflow: Mapping; whole: boolean } | undefined {
  if (isMapping(document) && 'jobs' in document) return { workflow: document, whole: true };
  const steps = Array.isArray(document) ? document : isMapping(document) ? [document] : undefined;
  if (!steps) return undefined;
  return {
    whole: false,
    workflow: { on: 'workflow_dispatch', permissions: {}, jobs: { example: { 'runs-on': 'ubuntu-latest', steps } } },
  };
}

/** The problems of one block; empty when it is a good example. */
export function checkYamlBlock(text: string, actions: (name: string) => ActionMetadata | undefined): string[] {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    return [`not YAML: ${(error as Error).message.split('\n')[0]}`];
  }
  const wrapped = asWorkflow(document);
  if (!wrapped) return ['neither a workflow, a step nor a list of steps'];
  const { workflow, whole } = wrapped;
  const problems = parseWorkflow({ name: 'example.yml', content: JSON.stringify(workflow) }, silentTrace)
    .context.errors.getErrors()
    .map((error) => `workflow schema: ${error.message}`);
  const jobs = isMapping(workflow.jobs) ? workflow.jobs : {};
  for (const [jobName, job] of Object.entries(jobs)) {
    if (!isMapping(job)) continue;
    if (whole && !('permissions' in workflow) && !('permissions' in job)) {
      problems.push(`job '${jobName}' has no permissions: block (nor has the workflow)`);
    }
    problems.push(...checkJob(jobName, job, jobs, actions));
  }
  return problems;
}

function checkJob(
  jobName: string,
  job: Mapping,
  jobs: Mapping,
  actions: (name: string) => ActionMetadata | undefined,
): string[] {
  const problems: string[] = [];
  const steps = (Array.isArray(job.steps) ? job.steps : []).filter(isMapping);
  const stepActions = new Map<string, ActionMetadata | undefined>();
  for (const step of steps) {
    const uses = typeof step.uses === 'string' ? step.uses : undefined;
    const ours = uses ? OUR_ACTION.exec(uses) : null;
    const meta = ours ? actions(ours[1]) : undefined;
    if (typeof step.id === 'string') stepActions.set(step.id, meta);
    if (typeof step.run === 'string' && step.run.includes('${{')) {
      problems.push(`job '${jobName}': a run: script holds \${{ }} (pass the value through env: instead)`);
    }
    if (!ours) continue;
    if (!meta) {
      problems.push(`job '${jobName}': there is no action '${ours[1]}'`);
      continue;
    }
    const given = isMapping(step.with) ? Object.keys(step.with) : [];
    const declared = meta.inputs.map((input) => input.name);
    for (const name of given.filter((name) => !declared.includes(name))) {
      problems.push(`job '${jobName}': ${ours[1]} has no input '${name}'`);
    }
    for (const input of meta.inputs.filter((i) => i.required && i.default === undefined)) {
      if (!given.includes(input.name)) problems.push(`job '${jobName}': ${ours[1]} needs input '${input.name}'`);
    }
  }
  const needs = typeof job.needs === 'string' ? [job.needs] : Array.isArray(job.needs) ? job.needs : [];
  for (const expression of expressions(job)) {
    for (const [, id, output] of expression.matchAll(/\bsteps\.([A-Za-z_][\w-]*)(?:\.outputs\.([\w-]+))?/g)) {
      if (!stepActions.has(id)) {
        problems.push(`job '${jobName}': steps.${id} names no step of this job`);
        continue;
      }
      const meta = stepActions.get(id);
      if (meta && output && !meta.outputs.some((o) => o.name === output)) {
        problems.push(`job '${jobName}': steps.${id} has no output '${output}'`);
      }
    }
    for (const [, other, output] of expression.matchAll(/\bneeds\.([A-Za-z_][\w-]*)(?:\.outputs\.([\w-]+))?/g)) {
      const target = jobs[other];
      if (!isMapping(target)) problems.push(`job '${jobName}': needs.${other} names no job of this workflow`);
      else if (!needs.includes(other)) problems.push(`job '${jobName}': needs.${other} is not in its needs:`);
      else if (output && !(isMapping(target.outputs) && output in target.outputs)) {
        problems.push(`job '${jobName}': job '${other}' has no output '${output}'`);
      }
    }
  }
  return problems;
}

/** Every expression of a job: the `${{ }}` in its strings, and its `if:` conditions (expressions without them). */
function expressions(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    const found = [...value.matchAll(/\$\{\{(.*?)\}\}/gs)].map((match) => match[1]);
    return key === 'if' && found.length === 0 ? [value] : found;
  }
  if (Array.isArray(value)) return value.flatMap((item) => expressions(item));
  if (isMapping(value)) return Object.entries(value).flatMap(([k, v]) => expressions(v, k));
  return [];
}

/** This repository's action metadata by name (undefined for a name with no action). */
export function repositoryActions(root = REPO_ROOT): (name: string) => ActionMetadata | undefined {
  const cache = new Map<string, ActionMetadata | undefined>();
  return (name) => {
    if (!cache.has(name)) {
      let meta: ActionMetadata | undefined;
      try {
        meta = loadActionMetadata(join(root, 'actions', name, 'action.yml'));
      } catch {
        meta = undefined;
      }
      cache.set(name, meta);
    }
    return cache.get(name);
  };
}

/** Each block's problems, prefixed with the README's path and the block's line. */
export function checkReadmeExamples(file: string, actions = repositoryActions()): string[] {
  return yamlBlocks(readFileSync(file, 'utf8')).flatMap((block) =>
    checkYamlBlock(block.text, actions).map((problem) => `${file}:${block.line}: ${problem}`),
  );
}
