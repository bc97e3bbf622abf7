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

/**
 * Toolkit libraries the actions use (@actions/glob) print workflow commands of their own (`::debug::...`) through
 * @actions/core. Off GitHub no `::` command may reach the log: the command's process passes its stdout through
 * this, which drops debug commands (shown as `DEBUG` lines when RUNNER_DEBUG=1) and prints any other as its
 * message. Our own lines never start with `::` (neutralizeForAnyCi), so only a library's are changed.
 */
export function filterToolkitCommands(stream: NodeJS.WriteStream): () => void {
  const write = stream.write.bind(stream);
  const filter = (chunk: unknown, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : undefined;
    if (text === undefined || !/(^|\n)\s*::/.test(text))
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    const debug = process.env.RUNNER_DEBUG === '1';
    const lines = text.split('\n').flatMap((line) => {
      const command = /^\s*::([\w-]+)(?: [^:]*)?::(.*)$/.exec(line);
      if (!command) return [line];
      if (command[1] === 'debug') return debug ? [`DEBUG ${command[2]}`] : [];
      return [command[2]];
    });
    return write(lines.join('\n'));
  };
  stream.write = filter as typeof stream.write;
  return () => {
    stream.write = write as typeof stream.write;
  };
}
