/**
 * The line of a key path inside a YAML or JSON file (JSON is YAML 1.2, so one parser serves both). A segment
 * names a mapping key; in a sequence it is an index (`0`, `[0]`) or the value of an item's identifying field
 * (`name: web-1` is found by `web-1`, as CDM names array items by their identifier keys); `key[0]` is a key then
 * an index. When a segment cannot be followed, the line of the deepest node reached is used; other formats, or
 * text that does not parse, give line 1. The YAML parser is loaded on the first call: it is the largest part of a
 * bundle, and most runs never locate a finding.
 */
import type { Node } from 'yaml';

const MAX_DEPTH = 64;

export async function lineOfKeyPath(text: string, keyPath: readonly string[], fileName: string): Promise<number> {
  if (!/\.(ya?ml|json)$/i.test(fileName)) return 1;
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = await import('yaml');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  if (document.errors.length) return 1;
  let node: unknown = document.contents;
  let line = 1;
  for (const segment of expand(keyPath).slice(0, MAX_DEPTH)) {
    const next = child(node, segment);
    if (!next) break;
    line = next.line;
    node = next.node;
  }
  return line;

  function child(parent: unknown, segment: string): { node: unknown; line: number } | undefined {
    const lineAt = (offset: number | undefined) => (offset === undefined ? line : lineCounter.linePos(offset).line);
    if (isMap(parent)) {
      const pair =
        parent.items.find((p) => isScalar(p.key) && String(p.key.value) === segment) ??
        parent.items.find((p) => isScalar(p.key) && String(p.key.value).toLowerCase() === segment.toLowerCase());
      if (!pair) return undefined;
      return { node: pair.value, line: lineAt((pair.key as Node).range?.[0]) };
    }
    if (isSeq(parent)) {
      const index = /^\d+$/.test(segment) ? Number(segment) : -1;
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
      return { node: item, line: lineAt((item as Node).range?.[0]) };
    }
    return undefined;
  }
}

/** `servers[0]` → `servers`, `0`; `[1]` → `1`. */
function expand(keyPath: readonly string[]): string[] {
  const out: string[] = [];
  for (const segment of keyPath) {
    const match = /^(.*?)((?:\[\d+\])+)$/.exec(segment);
    if (!match) {
      out.push(segment);
      continue;
    }
    if (match[1]) out.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) out.push(index[1]);
  }
  return out;
}
