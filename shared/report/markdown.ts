/**
 * Text for the job summary and the pull-request comment. Vendor and contributor text (names, paths, messages) goes
 * in as one inline span that cannot start a heading or a block, break a table row, open HTML, a link or emphasis:
 * `inline()` is the one escaper. What our own code writes as markdown is a `Markdown` value, built with `md`, which
 * escapes every plain string it is given, so a string can never pass through unescaped by mistake.
 */

/** Markdown written by our own code; passes into the summary as it is. */
export class Markdown {
  constructor(readonly text: string) {}
}

export type Inline = string | number | Markdown;

/**
 * Secrets leave a span before it is escaped: escaping (`\\`, `&amp;`) would change them past the forms redaction
 * recognises, and the cut could split one. runAction registers the run's redaction here.
 */
let redactSpan: (text: string) => string = (text) => text;
const REDACTED = '***';
const ESCAPED_REDACTED = '\\*\\*\\*';
export function redactSpansWith(redact: (text: string) => string): void {
  redactSpan = redact;
}

/** One span of vendor text is cut here: a 100 KB message says no more in a summary than its first 2,000 characters. */
export const SPAN_MAX_CHARS = 2000;

/** `md\`**${label}**: ${value}\``: the literal parts are ours, every interpolated plain string is escaped. */
export function md(parts: TemplateStringsArray, ...values: Inline[]): Markdown {
  return new Markdown(parts.reduce((text, part, i) => text + inline(values[i - 1]) + part));
}

/** A plain string as one escaped inline span; a number as it is; Markdown unchanged. */
export function inline(value: Inline): string {
  if (value instanceof Markdown) return value.text;
  return typeof value === 'number' ? String(value) : escapeSpan(value);
}

/** A name or path in code font showing exactly its characters. */
export function code(text: string): Markdown {
  // GitHub shows entities literally inside a backtick span, so text that needs escaping goes into <code> instead.
  const plain = SAFE_IN_BACKTICKS.test(text) && !text.startsWith(' ') && !text.endsWith(' ');
  return new Markdown(plain ? `\`${text}\`` : `<code>${escapeSpan(text)}</code>`);
}

export function bold(text: Inline): Markdown {
  return new Markdown(`**${inline(text)}**`);
}

/** `url` must be built by our code (percent-encoded parts); the text is escaped. */
export function link(text: Inline, url: string): Markdown {
  return new Markdown(`[${inline(text)}](${url})`);
}

/** Characters a backtick span shows as they are, in a table cell too. */
const SAFE_IN_BACKTICKS = /^[\w ./:@+=,#()?!%'$-]+$/;

/** Backslash-escaped wherever they would mean markdown; `_` only where it could open or close emphasis. */
const BACKSLASHED = new Set(['\\', '`', '*', '[', ']', '~', '|']);
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const WORD = /[\p{L}\p{N}]/u;

/**
 * One linear pass, no backtracking: line breaks become a space (a lone CR goes), HTML is entity-escaped, markdown
 * punctuation backslash-escaped, a leading `#` cannot make a heading. `.` and `-` stay as they are.
 */
function escapeSpan(text: string): string {
  const whole = redactSpan(text);
  // Escaped piece by piece, so what redaction put in shows as `***` wherever it stands (next to bold, say).
  if (whole !== text) return whole.split(REDACTED).map(escapeSpan).join(ESCAPED_REDACTED);
  let source = whole;
  let cut = '';
  if (source.length > SPAN_MAX_CHARS) {
    const end = /[\uD800-\uDBFF]/.test(source[SPAN_MAX_CHARS - 1]) ? SPAN_MAX_CHARS - 1 : SPAN_MAX_CHARS;
    source = source.slice(0, end);
    cut = `… (${whole.length - end} more characters)`;
  }
  let out = '';
  let leading = true;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\r') {
      if (source[i + 1] !== '\n') continue;
    } else if (c === '\n' || c === '\u2028' || c === '\u2029') {
      out += ' ';
    } else if (c in ENTITIES) {
      out += ENTITIES[c];
    } else if (BACKSLASHED.has(c) || (c === '#' && leading)) {
      out += `\\${c}`;
    } else if (c === '_' && !(WORD.test(source[i - 1] ?? '') && WORD.test(source[i + 1] ?? ''))) {
      out += '\\_';
    } else {
      out += c;
    }
    if (c !== ' ' && c !== '\t' && c !== '\r') leading = false;
  }
  return out + cut;
}
