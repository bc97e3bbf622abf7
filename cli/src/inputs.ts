/**
 * Where the command's inputs come from: a flag, else CONFIG_PROMOTION_<NAME>, else the action.yml default. A
 * default written as a GitHub expression (`${{ github.token }}`) means "not given" off GitHub.
 */
import type { InputSource } from '../../shared/inputs/reader.js';
import type { ActionContract } from './contract.js';

/** `instance-url` → `CONFIG_PROMOTION_INSTANCE_URL`. */
export function environmentName(input: string): string {
  return `CONFIG_PROMOTION_${input.toUpperCase().replace(/-/g, '_')}`;
}

export function commandInputs(
  contract: ActionContract,
  flags: ReadonlyMap<string, string>,
  env: NodeJS.ProcessEnv,
): InputSource {
  const values = new Map<string, string>();
  for (const input of contract.inputs) {
    // An empty variable is one a CI defined for every job and left unset for this one: not given.
    const fromEnv = env[environmentName(input.name)] || undefined;
    const fallback = input.default?.includes('${{') ? undefined : input.default;
    values.set(input.name, flags.get(input.name) ?? fromEnv ?? fallback ?? '');
  }
  return (name) => values.get(name) ?? '';
}

/** One warning per secret given as a flag: the process list shows it to every user of the machine. */
export function secretFlagWarnings(contract: ActionContract, flags: ReadonlyMap<string, string>): string[] {
  return contract.inputs
    .filter((input) => input.secret && flags.has(input.name))
    .map(
      (input) =>
        `Warning: --${input.name} shows its value in the process list to anyone on this machine; set ${environmentName(input.name)} in the environment instead.`,
    );
}
