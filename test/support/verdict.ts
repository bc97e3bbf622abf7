/** What a reader sees first and last: the summary's opening lines and the log's closing line. */
import type { ActionRun } from './run-action.js';

/** The summary's first lines after the action's title: where the verdict must be. */
export function summaryOpening(run: ActionRun, lines = 1): string {
  return run.summary
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('## '))
    .slice(0, lines)
    .join('\n');
}

/** The log's last line, leaving out the runner's masking and debug commands. */
export function lastLogLine(run: ActionRun): string {
  const lines = run.stdout
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('::add-mask::') && !line.startsWith('::debug::'));
  return lines[lines.length - 1] ?? '';
}
