/**
 * Vendor JSON handled without recursion: JSON.parse copes with any depth, but JSON.stringify and any recursive walk
 * overflow the stack on data nested tens of thousands deep. Everything here works with an explicit stack, so the depth
 * of an answer costs memory, never the call stack.
 */

/** Nesting deeper than this is written compactly: indentation would grow with the square of the depth. */
const PRETTY_DEPTH_LIMIT = 200;

/** How deeply arrays and objects nest in `value` (a scalar is 0, `[]` is 1); stops counting past `stopAfter`. */
export function jsonDepth(value: unknown, stopAfter = Infinity): number {
  let deepest = 0;
  // Two parallel stacks rather than one of small objects: this runs over every node of large exports.
  const pending: object[] = [];
  const depths: number[] = [];
  const visit = (child: unknown, depth: number) => {
    if (child !== null && typeof child === 'object') {
      pending.push(child);
      depths.push(depth);
    }
  };
  visit(value, 1);
  while (pending.length) {
    const current = pending.pop()!;
    const depth = depths.pop()!;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > stopAfter) return deepest;
    }
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) visit(current[i], depth + 1);
    } else {
      for (const key in current) {
        if (Object.prototype.hasOwnProperty.call(current, key))
          visit((current as Record<string, unknown>)[key], depth + 1);
      }
    }
  }
  return deepest;
}

/** Mirrors JSON.stringify's rules for a member value: toJSON, and what is left out (undefined, functions, symbols). */
function prepare(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  return value;
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

type Frame =
  | { kind: 'array'; owner: object; items: readonly unknown[]; next: number }
  | { kind: 'object'; owner: object; entries: [string, unknown][]; next: number; written: number };

/**
 * The compact JSON text of `value`, the same as JSON.stringify gives, at any depth. With `maxChars`, the text stops
 * after about that many characters and says so, so a message quoting vendor data stays short whatever arrived.
 */
export function jsonText(value: unknown, maxChars = Infinity): string {
  if (maxChars === Infinity) {
    // The engine's own serialiser is many times faster; it can only fail on depth, and then the walk below takes over.
    try {
      return JSON.stringify(value) ?? 'null';
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return walkJson(value, maxChars);
}

function walkJson(value: unknown, maxChars: number): string {
  const parts: string[] = [];
  let length = 0;
  const write = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  const stack: Frame[] = [];
  const open = new Set<object>();
  /** Writes a scalar, or opens an array or object; `item` has been through prepare() already. */
  const start = (item: unknown) => {
    if (item === null || typeof item !== 'object') {
      write(omitted(item) ? 'null' : (JSON.stringify(item) as string));
      return;
    }
    if (open.has(item)) throw new TypeError('Converting circular structure to JSON');
    open.add(item);
    if (Array.isArray(item)) {
      write('[');
      stack.push({ kind: 'array', owner: item, items: item, next: 0 });
    } else {
      write('{');
      stack.push({ kind: 'object', owner: item, entries: Object.entries(item), next: 0, written: 0 });
    }
  };

  start(prepare(value, ''));
  while (stack.length && length <= maxChars) {
    const frame = stack[stack.length - 1];
    if (frame.kind === 'array') {
      if (frame.next < frame.items.length) {
        const index = frame.next++;
        if (index > 0) write(',');
        start(prepare(frame.items[index], String(index)));
        continue;
      }
      write(']');
    } else {
      let member: [string, unknown] | undefined;
      while (!member && frame.next < frame.entries.length) {
        const [key, raw] = frame.entries[frame.next++];
        const item = prepare(raw, key);
        if (!omitted(item)) member = [key, item];
      }
      if (member) {
        write(`${frame.written++ > 0 ? ',' : ''}${JSON.stringify(member[0])}:`);
        start(member[1]);
        continue;
      }
      write('}');
    }
    open.delete(frame.owner);
    stack.pop();
  }
  const text = parts.join('');
  if (text.length <= maxChars && !stack.length) return text;
  return `${text.slice(0, maxChars)}…(cut at ${maxChars} characters)`;
}

/** Pretty JSON (two-space indent) when the nesting allows it, else compact JSON; `compact` says which. */
export function jsonDocument(value: unknown): { text: string; compact: boolean; depth: number } {
  const depth = jsonDepth(value, PRETTY_DEPTH_LIMIT);
  if (depth <= PRETTY_DEPTH_LIMIT) return { text: JSON.stringify(value, null, 2), compact: false, depth };
  return { text: jsonText(value), compact: true, depth: jsonDepth(value) };
}

/**
 * A vendor value as text for a name, a table cell or a message: a string as it is, a number or boolean as written,
 * nothing for null or absent, anything else as bounded JSON (String() of a deeply nested array overflows the stack).
 */
export function scalarText(value: unknown, maxChars = 2000): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return jsonText(value, maxChars);
}

/** A number as vendors send one: `5` or `"5"`. `missing` for undefined and null; anything else is unreadable. */
export type VendorNumber =
  { kind: 'number'; value: number } | { kind: 'missing' } | { kind: 'unreadable'; got: string };

const NUMERIC_TEXT = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

export function vendorNumber(value: unknown): VendorNumber {
  if (value === undefined || value === null) return { kind: 'missing' };
  if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'number', value };
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) return { kind: 'number', value: Number(value) };
  return { kind: 'unreadable', got: describeValue(value) };
}

/** A short description of an unexpected value for a message: its JSON (cut short) and, for non-strings, its type. */
export function describeValue(value: unknown, maxChars = 200): string {
  if (typeof value === 'string') return jsonText(value, maxChars);
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  const kind = type === 'null' ? 'null' : `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
  return `${kind}: ${jsonText(value, maxChars)}`;
}

/** A string with something in it, or undefined (for optional text fields of vendor answers). */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Passes every string in parsed JSON, keys included, through `map`, in place and without recursion; numbers,
 * booleans and null stay as they are. `value` must be the caller's own copy (fresh from JSON.parse).
 */
export function mapJsonStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  const pending: unknown[] = [value];
  const mapped = (item: unknown) => {
    if (typeof item === 'string') return map(item);
    if (item !== null && typeof item === 'object') pending.push(item);
    return item;
  };
  while (pending.length) {
    const current = pending.pop() as Record<string, unknown> | unknown[];
    if (Array.isArray(current)) {
      for (let i = 0; i < current.length; i++) current[i] = mapped(current[i]);
      continue;
    }
    for (const key of Object.keys(current)) {
      const item = mapped(current[key]);
      const newKey = map(key);
      if (newKey !== key) delete current[key];
      // defineProperty, not assignment: a key `__proto__` from JSON.parse is an own property and must stay one.
      Object.defineProperty(current, newKey, { value: item, writable: true, enumerable: true, configurable: true });
    }
  }
  return value;
}
