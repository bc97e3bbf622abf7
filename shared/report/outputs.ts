/** Step outputs, set the moment each value is known so a failed or cancelled run still reports its job IDs. */
import * as core from '@actions/core';
import { jsonText } from '../json.js';
import type { Logger } from '../runtime.js';

export type OutputValue = string | number | boolean | object;

export interface Outputs {
  set(name: string, value: OutputValue): void;
  /** Everything set so far, as the runner received it. */
  readonly values: ReadonlyMap<string, string>;
}

export function outputText(value: OutputValue): string {
  // jsonText, not JSON.stringify: vendor JSON can be nested deeper than the call stack allows.
  return typeof value === 'object' ? jsonText(value) : String(value);
}

export function coreOutputs(logger: Logger): Outputs {
  const values = new Map<string, string>();
  return {
    values,
    set(name, value) {
      const text = logger.redact(outputText(value));
      values.set(name, text);
      core.setOutput(name, text);
    },
  };
}
