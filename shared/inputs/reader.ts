/**
 * The one input reader. Each reader method records a problem instead of throwing, so `finish()` reports every
 * problem of the run together, each naming the input and what would be valid, before any request is sent.
 */
import { InputError, type InputProblem } from '../errors.js';
import { formatDuration, type Logger } from '../runtime.js';
import { RELIABLE_SECRET_LENGTH } from '../secret-forms.js';
import {
  decodeURIComponentSafe,
  invalidPortOf,
  isLoopback,
  listOf,
  parseBaseUrl,
  parseDuration,
  parseSize,
  splitList,
  userinfoOf,
  withoutUserinfo,
} from './parse.js';

/** Returns an input's raw value, '' when it was not given. */
export type InputSource = (name: string) => string;

/** How the runner passes inputs: `INPUT_<NAME>` with spaces as underscores, upper-cased (hyphens stay). */
export const environmentInputs: InputSource = (name) =>
  process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';

/** How much of a given value a problem quotes: enough to recognise it, never a whole file pasted into an input. */
const ECHO_CHARS = 200;

/** The value's first ECHO_CHARS characters, and how many more there were (0 when it is whole). */
function cut(value: string): { shown: string; more: number } {
  if (value.length <= ECHO_CHARS) return { shown: value, more: 0 };
  // Cutting between the two halves of a surrogate pair would leave half a character.
  const end = /[\uD800-\uDBFF]/.test(value[ECHO_CHARS - 1]) ? ECHO_CHARS - 1 : ECHO_CHARS;
  return { shown: `${value.slice(0, end)}…`, more: value.length - end };
}

/** `(got 'value')`, the value cut to ECHO_CHARS with how much more there was: the end of every problem. */
function gotText(value: string): string {
  const { shown, more } = cut(value);
  return more ? `(got '${shown}', ${more} more characters)` : `(got '${shown}')`;
}

/** `'value'`, cut like gotText, for a problem that quotes a value (or one item of it) inside its sentence. */
export function echoInput(value: string): string {
  const { shown, more } = cut(value);
  return more ? `'${shown}' (${more} more characters)` : `'${shown}'`;
}

const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];

export class InputReader {
  readonly problems: InputProblem[] = [];

  constructor(
    private readonly source: InputSource,
    private readonly logger: Logger,
  ) {}

  /** True when the input was given (non-empty). */
  has(name: string): boolean {
    return this.raw(name) !== '';
  }

  /**
   * Records a problem with `input`. `got` is the value as given, when the message quotes it: every echo of a value
   * goes through here, so none is quoted at any length.
   */
  problem(input: string, message: string, got?: string): void {
    this.problems.push({ input, message: got === undefined ? message : `${message} ${gotText(got)}` });
  }

  string(name: string, options: { required?: boolean; default?: string } = {}): string | undefined {
    const value = this.raw(name);
    if (value) return value;
    if (options.required) this.problem(name, 'is required');
    return options.default;
  }

  /** The value exactly as given, surrounding whitespace included (content that is sent as it is). */
  verbatim(name: string): string {
    return this.source(name);
  }

  /** A secret is masked the moment it is read; one too short to tell from ordinary text is warned about. */
  secret(name: string, options: { required?: boolean } = {}): string | undefined {
    const value = this.string(name, options);
    if (value) this.logger.mask(value);
    if (value && value.length < RELIABLE_SECRET_LENGTH) {
      // The value's length is not said either: it narrows the guess.
      this.logger.warning(
        `Input '${name}' is shorter than ${RELIABLE_SECRET_LENGTH} characters, so it cannot be protected reliably: it is too short to tell apart from ordinary text in the log, outputs and files. Use a longer secret.`,
        `Input '${name}'`,
      );
    }
    return value;
  }

  choice<T extends string>(
    name: string,
    values: readonly T[],
    options: { default?: T; ignoreCase?: boolean } = {},
  ): T | undefined {
    const value = this.raw(name);
    if (!value) return options.default;
    const found = values.find((v) => (options.ignoreCase ? v.toLowerCase() === value.toLowerCase() : v === value));
    if (found === undefined) this.problem(name, `must be one of ${values.join(', ')}`, value);
    return found;
  }

  /** YAML 1.2 core booleans: true/True/TRUE, false/False/FALSE. */
  boolean(name: string, defaultValue: boolean): boolean {
    const value = this.raw(name);
    if (!value) return defaultValue;
    if (TRUE_VALUES.includes(value)) return true;
    if (FALSE_VALUES.includes(value)) return false;
    this.problem(name, 'must be true or false', value);
    return defaultValue;
  }

  /**
   * `90s`, `15m`, `1h`, `1h30m`, `500ms` or bare seconds; returns milliseconds. `min` (ms) refuses shorter values,
   * e.g. a poll interval below what the poller waits at least.
   */
  duration(name: string, defaultValue: string, options: { min?: number } = {}): number {
    const value = this.raw(name) || defaultValue;
    const ms = parseDuration(value);
    if (ms === undefined || ms <= 0) {
      this.problem(name, 'must be a positive duration such as 90s, 15m, 1h or a number of seconds', value);
      return parseDuration(defaultValue) ?? 0;
    }
    if (options.min !== undefined && ms < options.min) {
      this.problem(name, `must be at least ${formatDuration(options.min)}`, value);
      return parseDuration(defaultValue) ?? 0;
    }
    return ms;
  }

  integer(name: string, options: { min?: number; max?: number; default?: number } = {}): number | undefined {
    const value = this.raw(name);
    if (!value) return options.default;
    const n = /^[+-]?\d+$/.test(value) ? Number(value) : NaN;
    const tooLow = options.min !== undefined && n < options.min;
    const tooHigh = options.max !== undefined && n > options.max;
    if (!Number.isSafeInteger(n) || tooLow || tooHigh) {
      const range = [
        options.min !== undefined && `at least ${options.min}`,
        options.max !== undefined && `at most ${options.max}`,
      ]
        .filter(Boolean)
        .join(' and ');
      this.problem(name, `must be a whole number${range ? ` ${range}` : ''}`, value);
      return options.default;
    }
    return n;
  }

  /** A size such as `2MB`, `512KB`, `1.5MB` or bare bytes (KB and MB are 1024-based, as the servers count). */
  size(name: string, defaultValue: number): number {
    const value = this.raw(name);
    if (!value) return defaultValue;
    const bytes = parseSize(value);
    if (bytes === undefined) {
      this.problem(name, 'must be a size such as 2MB, 512KB or a number of bytes, or 0 for no limit', value);
      return defaultValue;
    }
    return bytes;
  }

  /**
   * An http(s) base URL: https is added when no scheme is given, the trailing slash removed; credentials, query and
   * fragment are refused. Plain http to a host other than this machine warns that credentials travel unencrypted.
   * `normalize` maps shorthand first (a ServiceNow instance name, say); `expected` describes valid values.
   */
  url(
    name: string,
    options: { required?: boolean; default?: string; expected?: string; normalize?: (text: string) => string } = {},
  ): string | undefined {
    const value = this.string(name, { required: options.required, default: options.default });
    if (value === undefined) return undefined;
    const text = options.normalize ? options.normalize(value) : value;
    const credentials = userinfoOf(text);
    if (credentials) {
      // Never echoed: the password would land in the log. Masked too, in case something else quotes the URL.
      const colon = credentials.indexOf(':');
      if (colon >= 0) this.logger.mask(decodeURIComponentSafe(credentials.slice(colon + 1)));
      this.problem(
        name,
        `must not contain a user name or password ${gotText(withoutUserinfo(value))}: give the credentials in their own inputs, from secrets`,
      );
      return undefined;
    }
    if (invalidPortOf(text) !== undefined) {
      this.problem(name, 'must have a port from 1 to 65535', value);
      return undefined;
    }
    const url = parseBaseUrl(text);
    if (url === undefined && /[?#]/.test(value)) {
      // A query may carry a token (?api_key=...): not echoed either.
      this.problem(name, 'must be a base URL without a query or fragment', `${value.replace(/[?#].*$/s, '')}?…`);
    } else if (url === undefined) {
      this.problem(name, `must be ${options.expected ?? 'an http(s) URL'}`, value);
    } else if (url.startsWith('http:') && !isLoopback(new URL(url).hostname)) {
      this.logger.warning(
        `${name} uses plain http: credentials travel unencrypted to ${new URL(url).host}. Use https.`,
        'Unencrypted connection',
      );
    }
    return url;
  }

  /** Parses a JSON input that must be an object (or an array). */
  json(name: string, kind: 'object' | 'array'): unknown {
    const value = this.raw(name);
    if (!value) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch (error) {
      this.problem(name, `must be a JSON ${kind}: ${(error as Error).message}`);
      return undefined;
    }
    const isArray = Array.isArray(parsed);
    const ok = kind === 'array' ? isArray : typeof parsed === 'object' && parsed !== null && !isArray;
    if (!ok) {
      this.problem(
        name,
        `must be a JSON ${kind} (got ${isArray ? 'an array' : parsed === null ? 'null' : typeof parsed})`,
      );
      return undefined;
    }
    return parsed;
  }

  /** Newline- or comma-separated items, trimmed, empty ones dropped. */
  list(name: string): string[] {
    return splitList(this.raw(name));
  }

  /**
   * Exactly one of `names` must be given; returns the one that was. `context` prefixes the problem when the rule
   * belongs to something else (an operation, say): "create-app: give only one of ...".
   */
  exactlyOne<T extends string>(names: readonly T[], options: { context?: string } = {}): T | undefined {
    const given = names.filter((name) => this.has(name));
    if (given.length === 1) return given[0];
    const prefix = options.context ? `${options.context}: ` : '';
    if (given.length)
      this.problem(given[1], `${prefix}give only one of ${listOf(names, 'and')} (got ${given.join(', ')})`);
    else this.problem(names[0], `${prefix}give ${listOf(names, 'or')}`);
    return undefined;
  }

  /** At least one of `names` must be given (`context` as for exactlyOne). */
  atLeastOne(names: readonly string[], options: { context?: string } = {}): void {
    if (names.some((name) => this.has(name))) return;
    this.problem(
      names[0],
      `${options.context ? `${options.context}: ` : ''}give at least one of ${listOf(names, 'or')}`,
    );
  }

  /** `name` means something only when `applies` holds; `when` says when ("artifact-name", "target: collection"). */
  onlyWith(name: string, applies: boolean, when: string): void {
    if (!applies && this.has(name)) this.problem(name, `only applies with ${when}`);
  }

  /** `name` must be given when `needed` holds; `when` says when, as for onlyWith. */
  requiredWith(name: string, needed: boolean, when: string): void {
    if (needed && !this.has(name)) this.problem(name, `is required with ${when}`);
  }

  /**
   * Throws one InputError with every problem found, if any. Otherwise returns `required` with its types narrowed
   * to present: the values a flow needs come out of here, so no later check can quietly end a run that did nothing.
   * A value still missing without a recorded problem is a defect of the action, and fails the step as such.
   */
  finish<T extends Record<string, unknown>>(required: T = {} as T): { [K in keyof T]: NonNullable<T[K]> } {
    if (this.problems.length) throw new InputError(this.problems);
    const missing = Object.keys(required).filter((key) => required[key] === undefined || required[key] === null);
    if (missing.length) throw new Error(`No value for ${missing.join(', ')} although no input problem was found`);
    return required as { [K in keyof T]: NonNullable<T[K]> };
  }

  private raw(name: string): string {
    return this.source(name).trim();
  }
}
