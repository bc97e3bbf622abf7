/** `config-promotion --help` and `config-promotion <action> --help`, from the contracts action.yml declares. */
import type { ActionContract } from './contract.js';
import { CONTRACTS } from './contracts.js';
import { HOST_FLAGS } from './args.js';
import { environmentName } from './inputs.js';

const EXIT_CODES =
  'Exit codes: 0 succeeded; 1 failed (a job or gate failure, a timeout, a cancel, a vendor error); 2 a usage or input problem, before any request.';

export function commandHelp(): string {
  const names = Object.keys(CONTRACTS);
  const width = Math.max(...names.map((name) => name.length));
  return [
    'Usage: config-promotion <action> [--<input> <value> | --<input>=<value>]...',
    '       config-promotion <action> --help',
    '       config-promotion check-workflow <file>...',
    '',
    'Actions:',
    ...Object.entries(CONTRACTS).map(([name, contract]) => `  ${name.padEnd(width)}  ${contract.title}`),
    '',
    'Every input can also come from the environment as CONFIG_PROMOTION_<NAME> (upper-case, - as _); a flag wins.',
    'Pass secrets that way: a flag shows in the process list.',
    'The host is chosen from the environment (GITHUB_ACTIONS, GITLAB_CI, TF_BUILD, JENKINS_URL), or by --host.',
    'check-workflow checks workflow files (or markdown with ```yaml examples) that use these actions against their contracts.',
    EXIT_CODES,
  ].join('\n');
}

export function actionHelp(name: string, contract: ActionContract): string {
  const inputs = contract.inputs.map((input) => {
    const facts = [
      input.required ? 'required' : undefined,
      input.default !== undefined && !input.default.includes('${{') ? `default: ${input.default}` : undefined,
      input.secret ? `secret: set ${environmentName(input.name)}, not the flag` : environmentName(input.name),
    ].filter((fact) => fact !== undefined);
    return `  --${input.name}  (${facts.join('; ')})\n      ${input.description}`;
  });
  const outputs = contract.outputs.map((output) => `  ${output.name}\n      ${output.description}`);
  const hostFlags = Object.entries(HOST_FLAGS).map(([flag, description]) => `  --${flag}  ${description}`);
  return [
    `Usage: config-promotion ${name} [--<input> <value> | --<input>=<value>]...`,
    '',
    `${contract.title}: ${contract.description}`,
    '',
    'Inputs (each also from the environment variable named):',
    ...inputs,
    '',
    'Outputs:',
    ...outputs,
    '',
    'Where the run reports:',
    ...hostFlags,
    '',
    EXIT_CODES,
  ].join('\n');
}
