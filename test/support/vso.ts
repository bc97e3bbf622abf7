/**
 * Azure Pipelines' logging commands read back with the agent's documented grammar: `##vso[area.action
 * name=value;name=value]message`, properties ending at the first `]`, and the documented unescaping (`%AZP25` last,
 * so an escape is never unescaped twice).
 */
export interface VsoCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

const unescapeData = (text: string) =>
  text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%AZP25/g, '%');
const unescapeProperty = (text: string) => unescapeData(text.replace(/%3B/g, ';').replace(/%5D/g, ']'));

/** The command in `line`, where the agent finds it (anywhere in the line); undefined when there is none. */
export function parseVso(line: string): VsoCommand | undefined {
  const start = line.indexOf('##vso[');
  if (start < 0) return undefined;
  const rest = line.slice(start + '##vso['.length);
  const end = rest.indexOf(']');
  if (end < 0) return undefined;
  const head = rest.slice(0, end);
  const space = head.indexOf(' ');
  const command = space < 0 ? head : head.slice(0, space);
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of head.slice(space + 1).split(';')) {
      if (!pair.trim()) continue;
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { command, properties, data: unescapeData(rest.slice(end + 1)) };
}

/** Every command of a log, in order. */
export function vsoCommands(stdout: string): VsoCommand[] {
  return stdout
    .split(/\r?\n/)
    .map(parseVso)
    .filter((c): c is VsoCommand => c !== undefined);
}
