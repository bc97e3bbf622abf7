/**
 * The config-promotion command: `<action> [--<input> <value>]...` runs that action's own `run` on the host the
 * environment (or --host) names, with the flags, CONFIG_PROMOTION_* and action.yml's defaults as its inputs. It
 * never reads an input itself: the action does, and reports every input problem at once.
 */
import { ACTIONS } from './actions.js';
import { parseActionArgs } from './args.js';
import { CONTRACTS, type ActionName } from './contracts.js';
import { actionHelp, commandHelp } from './help.js';
import { filterToolkitCommands } from '../../shared/hosts/neutralize.js';
import { createHost, detectHost } from '../../shared/hosts/select.js';
import { commandInputs, secretFlagWarnings } from './inputs.js';

export interface CommandIo {
  env: NodeJS.ProcessEnv;
  /** A line for stdout (help, results). */
  out(line: string): void;
  /** A line for stderr (usage problems, warnings). */
  err(line: string): void;
}

/** Usage problems exit 2 before any request or host, as input problems do. */
const USAGE = 2;

/**
 * Runs the command; returns its exit code, or undefined when an action ran (runAction has set process.exitCode:
 * 1 for a failure, 2 for an input problem).
 */
export async function main(argv: readonly string[], io: CommandIo): Promise<number | undefined> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    (first === undefined ? io.err : io.out)(commandHelp());
    return first === undefined ? USAGE : 0;
  }
  if (first === 'check-workflow') {
    const { checkWorkflowFiles } = await import('./check-workflow.js');
    return checkWorkflowFiles(rest, io);
  }
  if (!Object.hasOwn(CONTRACTS, first)) {
    const shown = first.length > 60 ? `${first.slice(0, 60)}…` : first;
    io.err(
      `config-promotion: unknown action '${shown}'. Valid actions: ${Object.keys(CONTRACTS).join(', ')}, check-workflow.`,
    );
    return USAGE;
  }
  const action = first as ActionName;
  const contract = CONTRACTS[action];
  const args = parseActionArgs(rest, contract);
  if (args.help) {
    io.out(actionHelp(action, contract));
    return 0;
  }
  if (args.problems.length) {
    for (const problem of args.problems) io.err(`config-promotion ${action}: ${problem}`);
    io.err(`Run 'config-promotion ${action} --help' for its inputs.`);
    return USAGE;
  }
  for (const warning of secretFlagWarnings(contract, args.inputs)) io.err(warning);
  const { hostFlags } = args;
  const hostName = args.host ?? detectHost(io.env);
  if (hostName !== 'github') filterToolkitCommands(process.stdout);
  const host = createHost(hostName, {
    action,
    inputs: commandInputs(contract, args.inputs, io.env),
    outputsFile: hostFlags['outputs-file'],
    summaryFile: hostFlags['summary-file'],
    junitFile: hostFlags['junit-file'],
    codequalityFile: hostFlags['codequality-file'],
    dotenvFile: hostFlags['dotenv-file'],
    dotenvPrefix: hostFlags['dotenv-prefix'],
  });
  const { run } = await ACTIONS[action]();
  await run({ host });
  return undefined;
}
