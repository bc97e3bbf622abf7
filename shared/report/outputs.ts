/**
 * Step outputs, set the moment each value is known so a failed or cancelled run still reports its job IDs. Every
 * value is redacted; a value is appended to GITHUB_OUTPUT only when it changed. GitHub keeps at most 1 MiB per
 * output: a larger value leaves the output empty and goes to a file in RUNNER_TEMP, which a warning names.
 * Outside a runner (no GITHUB_OUTPUT) each value still goes through core.setOutput: @github/local-action records it
 * there, and the toolkit itself prints it as a `::set-output` line, so a bundle started by hand shows it too.
 */
import * as core from '@actions/core';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { safeFileName } from '../fs/file-name.js';
import { jsonText, mapJsonStrings } from '../json.js';
import type { Logger } from '../runtime.js';

export type OutputValue = string | number | boolean | object;

/** GitHub's limit for one output. */
export const OUTPUT_LIMIT_BYTES = 1024 * 1024;

export interface Outputs {
  set(name: string, value: OutputValue): void;
  /** Everything set so far (redacted), also a value too large for the runner that went to a file instead. */
  readonly values: ReadonlyMap<string, string>;
}

/** Sets each output that has a value; an undefined one is left as it was. */
export function setOutputs(outputs: Outputs, values: Record<string, OutputValue | undefined>): void {
  for (const [name, value] of Object.entries(values)) if (value !== undefined) outputs.set(name, value);
}

export function outputText(value: OutputValue): string {
  // jsonText, not JSON.stringify: vendor JSON can be nested deeper than the call stack allows.
  return typeof value === 'object' ? jsonText(value) : String(value);
}

export function coreOutputs(logger: Logger): Outputs {
  const values = new Map<string, string>();
  const warned = new Set<string>();
  return {
    values,
    set(name, value) {
      const text = redactedOutputText(value, logger);
      if (values.get(name) === text) return;
      values.set(name, text);
      if (!process.env.GITHUB_OUTPUT) return core.setOutput(name, text);
      core.setOutput(name, boundedOutput(name, text, logger, warned));
    },
  };
}

/**
 * The value as it may leave the process: itself, or, over the 1 MiB one output may hold, empty (not skipped: an
 * earlier, smaller value must not stand as if it were the current one) with the full value in a file that a
 * warning names, once per output. Every host applies the same bound.
 */
export function boundedOutput(name: string, text: string, logger: Logger, warned: Set<string>): string {
  const bytes = Buffer.byteLength(text);
  if (bytes <= OUTPUT_LIMIT_BYTES) return text;
  const file = writeOversizeOutput(name, text);
  if (!warned.has(name)) {
    warned.add(name);
    logger.warning(
      `The ${name} output would be ${bytes} bytes, over GitHub's 1 MiB limit for one output: it is left empty, and the full value is in ${file}.`,
      `Output '${name}' too large`,
    );
  }
  return '';
}

/**
 * Text is redacted as text; JSON string by string, never in its serialized text, so that a secret which is a common
 * word (`true`, `1`) cannot turn `"published":true` into invalid JSON. Numbers and booleans are the action's own.
 */
export function redactedOutputText(value: OutputValue, logger: Logger): string {
  if (typeof value === 'string') return logger.redact(value);
  if (typeof value !== 'object') return String(value);
  // A copy the walk may change: parsed from the JSON text (toJSON applied, undefined left out, as in the output).
  return jsonText(mapJsonStrings(JSON.parse(jsonText(value)), (text) => logger.redact(text)));
}

/**
 * Atomically, so a later step never reads half a value. `text` is the output's value, redacted as the output is
 * (JSON string by string); redacting it again as text could break that JSON, so it does not pass writeTextFile.
 */
function writeOversizeOutput(name: string, text: string): string {
  const dir = path.join(process.env.RUNNER_TEMP || tmpdir(), 'config-promotion-outputs');
  mkdirSync(dir, { recursive: true });
  const step = safeFileName(process.env.GITHUB_ACTION || 'step', 'step');
  const file = path.join(dir, `${step}-${safeFileName(name, 'output')}.txt`);
  writeFileSync(`${file}.partial`, text);
  renameSync(`${file}.partial`, file);
  return file;
}
