/**
 * Stack traces that point at the TypeScript source. Each bundle ships `index.js.map` (ncc -s) but no source-map
 * runtime, which would cost every run start-up time: a trace is mapped only when one is printed, with Node's own
 * SourceMap reader.
 */
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const maps = new Map<string, SourceMap | undefined>();

function sourceMapOf(file: string): SourceMap | undefined {
  if (!maps.has(file)) {
    try {
      maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))));
    } catch {
      maps.set(file, undefined); // no map beside it (a test run from source): the frame stays as it is
    }
  }
  return maps.get(file);
}

/** `file:///…/dist/index.js:12:34` frames become `../shared/report/run.ts:56:7` where a map says so. */
export function mappedStack(stack: string): string {
  return stack.replace(
    /(file:\/\/[^\s()]+?|\/[^\s():]+?|[A-Za-z]:\\[^\s():]+?)\.(m?js|cjs):(\d+):(\d+)/g,
    (frame: string, base: string, extension: string, line: string, column: string) => {
      const generated = `${base}.${extension}`;
      const file = generated.startsWith('file://') ? fileURLToPath(generated) : generated;
      const entry = sourceMapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
      if (!entry || !('originalSource' in entry) || !entry.originalSource) return frame;
      return `${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    },
  );
}
