/**
 * Policies of the CDM snapshot simulator. A policy's outcome is chosen by a substring of its name (checked in this
 * order), so tests and the demo pick outcomes without code:
 *   never-starts     the validation is accepted but never leaves not_validated
 *   slow             the validation never finishes (stays in_progress)
 *   execution-error  the policy does not finish: validation execution_error, a row with an empty output
 *   failing          non_compliant: a failure row on the policy's key
 *   warning          compliant, with a warning row on the key
 *   exception        compliant_with_exception: a failure-typed row that an approved exception covers
 *   publish-refused  passes, but publishing the snapshot is refused
 * anything else passes without rows. A policy's `key` names the configuration key its rows point at: the first
 * uploaded file (of the changeset) holding that key gives the node path `/<app>/<folder>/<namePath>/<key path>`;
 * `nodePaths` replaces it with the given paths, one row each.
 */
import { parseDocument } from 'yaml';
import type { SandboxResponse, SandboxServer } from './server.js';

export type PolicyOutcome =
  'never-starts' | 'slow' | 'execution-error' | 'failing' | 'warning' | 'exception' | 'publish-refused' | 'pass';

export const POLICY_OUTCOMES: ReadonlyArray<PolicyOutcome> = [
  'never-starts',
  'slow',
  'execution-error',
  'failing',
  'warning',
  'exception',
  'publish-refused',
];

export interface SandboxPolicy {
  name: string;
  /** The configuration key the policy's findings point at (default `port`). */
  key?: string;
  /** Node paths to write the policy's row at instead of the key's: one row per path (e.g. hostile, long paths). */
  nodePaths?: readonly string[];
}

export function outcomeOf(policy: SandboxPolicy): PolicyOutcome {
  return POLICY_OUTCOMES.find((outcome) => policy.name.includes(outcome)) ?? 'pass';
}

/** The snapshot's final validation state for a set of policies; undefined while it would never end. */
export function finalValidation(policies: readonly SandboxPolicy[]): string {
  const outcomes = new Set(policies.map(outcomeOf));
  if (outcomes.has('execution-error')) return 'execution_error';
  if (outcomes.has('failing')) return 'failed';
  if (outcomes.has('exception')) return 'passed_with_exception';
  return 'passed';
}

/** What the simulator needs to know of an upload to point into it. */
export interface UploadedConfig {
  appName: string;
  /** `components`, `collections/<name>`, `deployables/<name>` or `vars`. */
  folder: string;
  namePath: string;
  body: string;
}

export interface ResultRow {
  policy: string;
  type: string;
  description: string;
  nodePathUi: string;
  impactedNode: string;
  output: string;
}

/** The rows one policy writes for a snapshot of `deployable` built from `uploads`. */
export function policyRows(policy: SandboxPolicy, deployable: string, uploads: readonly UploadedConfig[]): ResultRow[] {
  const rows = keyRows(policy, deployable, uploads);
  if (!policy.nodePaths) return rows;
  return policy.nodePaths.flatMap((nodePathUi) => rows.map((row) => ({ ...row, nodePathUi })));
}

function keyRows(policy: SandboxPolicy, deployable: string, uploads: readonly UploadedConfig[]): ResultRow[] {
  const outcome = outcomeOf(policy);
  const key = policy.key ?? 'port';
  const located = locate(key, uploads);
  const nodePathUi = located ?? `/${uploads[0]?.appName ?? 'app'}/deployables/${deployable}`;
  const row = (type: string, decision: string, description: string): ResultRow => ({
    policy: policy.name,
    type,
    description,
    nodePathUi,
    impactedNode: key,
    output: JSON.stringify({ decision, failures: type === 'failure' ? [{ message: description }] : [] }),
  });
  switch (outcome) {
    case 'failing':
      return [row('Failure', 'non_compliant', `${key} is outside the allowed range`)];
    case 'warning':
      return [row('Warning', 'compliant', `${key} uses a deprecated value`)];
    case 'exception':
      return [row('Failure', 'compliant_with_exception', `${key} differs from the standard (approved exception)`)];
    case 'execution-error':
      return [
        {
          ...row('Failure', '', 'Policy script error: TypeError: Cannot read property "value" of undefined'),
          output: '',
        },
      ];
    default:
      return [];
  }
}

/** The node path of the first `key` in the uploads, or undefined. */
function locate(key: string, uploads: readonly UploadedConfig[]): string | undefined {
  for (const upload of uploads) {
    let data: unknown;
    try {
      data = parseDocument(upload.body).toJS();
    } catch {
      continue;
    }
    const keyPath = findKey(data, key);
    if (keyPath) return `/${[upload.appName, upload.folder, upload.namePath, ...keyPath].join('/')}`;
  }
  return undefined;
}

function findKey(data: unknown, key: string, depth = 0): string[] | undefined {
  if (depth > 20 || typeof data !== 'object' || data === null) return undefined;
  const entries = Array.isArray(data) ? data.map((v, i) => [String(i), v] as const) : Object.entries(data);
  for (const [name, value] of entries) {
    if (name === key) return [name];
    const below = findKey(value, key, depth + 1);
    if (below) return [name, ...below];
  }
  return undefined;
}

/** `SANDBOX_POLICIES`' form: policy names, comma-separated. */
export function policiesFrom(text: string): SandboxPolicy[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => ({ name }));
}

/** The sandbox's own endpoint (no vendor has it) that replaces the policies of a running sandbox. */
export const POLICIES_ADMIN_PATH = '/api/x_sandbox/policies';

/**
 * `PUT {POLICIES_ADMIN_PATH}` with `{"policies": "a,b"}`: the policies every later validation runs, so `npm run try`
 * applies SANDBOX_POLICIES to a sandbox already running. Answers the policies now in force.
 */
export function registerPoliciesAdmin(server: SandboxServer, target: { policies: SandboxPolicy[] }): void {
  server.route('PUT', new RegExp(`^${POLICIES_ADMIN_PATH}/?$`), (req): SandboxResponse => {
    let policies: SandboxPolicy[] | undefined;
    try {
      const body = JSON.parse(req.body.toString('utf8')) as { policies?: unknown };
      if (typeof body.policies === 'string') policies = policiesFrom(body.policies);
    } catch {
      policies = undefined;
    }
    if (!policies?.length) {
      return {
        status: 400,
        json: { error: { message: 'Expected {"policies": "name[,name...]"}' }, status: 'failure' },
      };
    }
    target.policies = policies;
    return { json: { result: { policies: policies.map((p) => p.name) } } };
  });
}
