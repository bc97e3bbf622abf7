/**
 * What vendor text and inputs must never start in a CI's log. The command prints one log for whichever CI reads it,
 * and a job's output is often read by more than one (a Jenkins agent inside Azure Pipelines, a log pasted into a
 * terminal), so every host off GitHub neutralizes every known form; GitHub keeps its own (neutralizeCommands).
 */
import { neutralizeCommands } from '../report/logger.js';

/**
 * GitHub's `::` at a line's start and `##[` anywhere (neutralizeCommands, which also shows a bare CR as `\r`);
 * Azure's `##vso[` anywhere in a line (its agent reads it there); ANSI escapes (colours, cursor moves, and GitLab's
 * collapsible sections) shown as the visible text `\e`; GitLab's `section_start:`/`section_end:` markers.
 */
export function neutralizeForAnyCi(text: string): string {
  return (
    neutralizeCommands(text)
      .replace(/##vso\[/gi, '##vso\\[')
      // eslint-disable-next-line no-control-regex -- the escape character is what is removed
      .replace(/[\u001b\u009b]/g, '\\e')
      .replace(/section_(start|end):/gi, 'section_$1\\:')
  );
}
