/**
 * An action's command line: `--<input> <value>` or `--<input>=<value>` for each input of its action.yml, the host
 * flags, and `--help`. Every usage problem is collected, so one run names them all; none is a request.
 */
import type { HostName } from '../../shared/hosts/host.js';
import type { ActionContract } from './contract.js';
import { HOST_NAMES } from '../../shared/hosts/select.js';

/** The command's own flags, beside the action's inputs: where the run is and which report files it writes. */
export const HOST_FLAGS = {
  host: 'the CI to report to: github, gitlab, azure, jenkins or plain (default: from the environment)',
  'outputs-file': 'write every output as one JSON object of strings to this file, also when the run fails',
  'summary-file': 'write the markdown summary to this file',
  'junit-file': 'write JUnit XML results to this file',
  'codequality-file': "write GitLab's Code Quality JSON to this file (cdm-validate, cdm-upload with validate)",
  'dotenv-file': 'gitlab: the dotenv report to write (default config-promotion.env)',
  'dotenv-prefix': "gitlab: the prefix of the dotenv report's names (default: the action's name, e.g. CDM_UPLOAD_)",
} as const;

export type HostFlag = keyof typeof HOST_FLAGS;

export interface ActionArgs {
  /** The inputs given as flags, by input name. */
  inputs: Map<string, string>;
  hostFlags: Partial<Record<HostFlag, string>>;
  host?: HostName;
  help: boolean;
  /** Usage problems, each a sentence. */
  problems: string[];
}

export function parseActionArgs(args: readonly string[], contract: ActionContract): ActionArgs {
  const inputNames = new Set(contract.inputs.map((input) => input.name));
  const result: ActionArgs = { inputs: new Map(), hostFlags: {}, help: false, problems: [] };
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--help' || arg === '-h') {
      result.help = true;
      continue;
    }
    const flag = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg);
    if (!flag) {
      result.problems.push(`unexpected argument '${arg}': give each input as --<input> <value>`);
      continue;
    }
    const name = flag[1];
    const known = inputNames.has(name) || Object.hasOwn(HOST_FLAGS, name);
    let value = flag[2];
    // A flag without `=` takes the next argument as its value, unless that is another flag.
    if (value === undefined && i + 1 < args.length && !args[i + 1].startsWith('--')) value = args[++i];
    if (!known) {
      unknown.push(`--${name}`);
      continue;
    }
    if (value === undefined) {
      result.problems.push(`--${name} needs a value: --${name} <value> or --${name}=<value>`);
      continue;
    }
    if (seen.has(name)) result.problems.push(`--${name} is given more than once`);
    seen.add(name);
    if (inputNames.has(name)) result.inputs.set(name, value);
    else result.hostFlags[name as HostFlag] = value;
  }
  if (unknown.length) {
    const inputs = contract.inputs.map((input) => `--${input.name}`).join(', ');
    result.problems.push(
      `unknown flag${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}. Valid inputs: ${inputs}; and ${Object.keys(
        HOST_FLAGS,
      )
        .map((f) => `--${f}`)
        .join(', ')}`,
    );
  }
  const host = result.hostFlags.host;
  if (host !== undefined) {
    if ((HOST_NAMES as readonly string[]).includes(host)) result.host = host as HostName;
    else result.problems.push(`--host must be one of ${HOST_NAMES.join(', ')} (got '${host}')`);
  }
  return result;
}
