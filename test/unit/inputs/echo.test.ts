import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../../shared/errors.js';
import { InputReader } from '../../../shared/inputs/reader.js';
import { MemoryLogger } from '../../support/fakes.js';

const reader = (inputs: Record<string, string>) => new InputReader((name) => inputs[name] ?? '', new MemoryLogger());
const long = (length: number) => 'x'.repeat(length - 1) + 'Z';

describe('InputReader: a value echoed in a problem', () => {
  it('is quoted whole up to 200 characters', () => {
    const value = long(200);
    const inputs = reader({ mode: value });
    inputs.choice('mode', ['a', 'b']);
    expect(inputs.problems[0].message).toBe(`must be one of a, b (got '${value}')`);
  });

  it('is cut to 200 characters with an ellipsis and how many more there were, by every reader method', () => {
    const value = long(5000);
    const cut = `(got '${value.slice(0, 200)}…', 4800 more characters)`;
    const inputs = reader({
      mode: value,
      flag: value,
      wait: value,
      count: value,
      size: value,
      url: `ftp://${value}`,
    });
    inputs.choice('mode', ['a', 'b']);
    inputs.boolean('flag', false);
    inputs.duration('wait', '1s');
    inputs.integer('count');
    inputs.size('size', 0);
    inputs.url('url');
    inputs.problem('own', 'must be something else', value);
    for (const problem of inputs.problems) {
      expect(problem.message).not.toContain('Z');
      expect(problem.message.length).toBeLessThan(400);
    }
    expect(inputs.problems.find((p) => p.input === 'mode')?.message).toBe(`must be one of a, b ${cut}`);
    expect(inputs.problems.find((p) => p.input === 'own')?.message).toBe(`must be something else ${cut}`);
    expect(inputs.problems.find((p) => p.input === 'url')?.message).toBe(
      `must be an http(s) URL (got 'ftp://${value.slice(0, 194)}…', 4806 more characters)`,
    );
    expect(() => inputs.finish()).toThrow(InputError);
  });

  it('does not split a character made of two UTF-16 units', () => {
    const inputs = reader({ mode: `${'a'.repeat(199)}😀${'b'.repeat(50)}` });
    inputs.choice('mode', ['a']);
    expect(inputs.problems[0].message).toBe(`must be one of a (got '${'a'.repeat(199)}…', 52 more characters)`);
  });
});
