/**
 * The line of a key path inside a YAML or JSON file (JSON is YAML 1.2, so one parser serves both). A segment
 * names a mapping key; in a sequence it is an index (`0`, `[0]`) or the value of an item's identifying field
 * (`name: web-1` is found by `web-1`, as CDM names array items by their identifier keys); `key[0]` is a key then
 * an index. When a segment cannot be followed, the line of the deepest node reached is used; other formats, or
 * text that does not parse, give line 1. The YAML parser is loaded on the first call: it is the largest part of a
 * bundle, and most runs never locate a finding.
 *
 * A file is parsed once, and each key path looked up once. Parsing a large file takes seconds, so it is fed to the
 * parser token by token with a pacer: the deadline and the runner's cancel act while it runs.
 */
import type * as yamlModule from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';
import type { Pacer } from '../pacer.js';

/** How deep a key path is followed; the node path's own bound (locate.ts) is the stricter one in practice. */
const MAX_DEPTH = 64;
/** Lexical tokens parsed between two pacer steps. */
const TOKENS_PER_STEP = 2000;

type Yaml = typeof yamlModule;

/** The parsed file, and the lines already looked up in it. */
export class KeyLines {
  private readonly cache = new Map<string, number>();

  private constructor(
    private readonly yaml: Yaml,
    private readonly document: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  /** The file's key lines; undefined for a file that is not YAML or JSON, or does not parse (every line is 1). */
  static async parse(text: string, fileName: string, pacer: Pacer): Promise<KeyLines | undefined> {
    if (!/\.(ya?ml|json)$/i.test(fileName)) return undefined;
    const yaml = await import('yaml');
    const lineCounter = new yaml.LineCounter();
    const parser = new yaml.Parser(lineCounter.addNewLine);
    const composer = new yaml.Composer({ keepSourceTokens: false, uniqueKeys: false });
    const documents: Document.Parsed[] = [];
    lineCounter.addNewLine(0);
    let tokens = 0;
    for (const lexeme of new yaml.Lexer().lex(text)) {
      for (const token of parser.next(lexeme)) documents.push(...composer.next(token));
      if (++tokens % TOKENS_PER_STEP === 0) await pacer.step();
    }
    for (const token of parser.end()) documents.push(...composer.next(token));
    documents.push(...composer.end(true, text.length));
    const [document] = documents;
    if (documents.length !== 1 || document.errors.length) return undefined;
    return new KeyLines(yaml, document, lineCounter);
  }

  async lineOf(keyPath: readonly string[], pacer: Pacer): Promise<number> {
    const key = keyPath.join('\u0000');
    let line = this.cache.get(key);
    if (line === undefined) {
      line = await this.walk(expandIndexes(keyPath).slice(0, MAX_DEPTH), pacer);
      this.cache.set(key, line);
    }
    return line;
  }

  private async walk(segments: readonly string[], pacer: Pacer): Promise<number> {
    let node: unknown = this.document.contents;
    let line = 1;
    for (const segment of segments) {
      await pacer.step();
      const next = this.child(node, segment);
      if (!next) break;
      node = next.node;
      if (next.offset !== undefined) line = this.lineCounter.linePos(next.offset).line;
    }
    return line;
  }

  private child(parent: unknown, segment: string): { node: unknown; offset?: number } | undefined {
    const { isMap, isScalar, isSeq } = this.yaml;
    if (isMap(parent)) {
      const pair =
        parent.items.find((p) => isScalar(p.key) && String(p.key.value) === segment) ??
        parent.items.find((p) => isScalar(p.key) && String(p.key.value).toLowerCase() === segment.toLowerCase());
      if (!pair) return undefined;
      return { node: pair.value, offset: (pair.key as Node).range?.[0] };
    }
    if (isSeq(parent)) {
      const index = isDigits(segment, 0, segment.length) ? Number(segment) : -1;
      const item =
        index >= 0
          ? parent.items[index]
          : parent.items.find(
              (candidate) =>
                (isScalar(candidate) && String(candidate.value) === segment) ||
                (isMap(candidate) &&
                  candidate.items.some((p) => isScalar(p.value) && String(p.value.value) === segment)),
            );
      if (!item) return undefined;
      return { node: item, offset: (item as Node).range?.[0] };
    }
    return undefined;
  }
}

/**
 * `servers[0]` → `servers`, `0`; `[1][2]` → `1`, `2`. One pass from each segment's end, no regular expression:
 * vendor text of any shape takes time linear in its length.
 */
export function expandIndexes(keyPath: readonly string[]): string[] {
  const out: string[] = [];
  for (const segment of keyPath) {
    const indexes: string[] = [];
    let end = segment.length;
    // Each round takes one `[digits]` off the end.
    while (end > 0 && segment[end - 1] === ']') {
      let start = end - 1;
      while (start > 0 && isDigits(segment, start - 1, start)) start--;
      if (start === end - 1 || start === 0 || segment[start - 1] !== '[') break;
      indexes.push(segment.slice(start, end - 1));
      end = start - 1;
    }
    if (end > 0) out.push(end === segment.length ? segment : segment.slice(0, end));
    out.push(...indexes.reverse());
  }
  return out;
}

function isDigits(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}
