import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../../shared/errors.js';
import { parseDuration, splitList } from '../../../shared/inputs/parse.js';
import { environmentInputs, InputReader } from '../../../shared/inputs/reader.js';
import { MemoryLogger } from '../../support/fakes.js';

function reader(inputs: Record<string, string>) {
  const logger = new MemoryLogger();
  return { inputs: new InputReader((name) => inputs[name] ?? '', logger), logger };
}

/** The InputError `finish()` throws (fails the test when it does not throw). */
function finishError(inputs: InputReader): InputError {
  try {
    inputs.finish();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('finish() did not throw');
}

describe('InputReader: required and all problems together', () => {
  it('reports a missing required input by name', () => {
    const { inputs } = reader({});
    expect(inputs.string('app-name', { required: true })).toBeUndefined();
    const error = finishError(inputs);
    expect(error.problems).toEqual([{ input: 'app-name', message: 'is required' }]);
    expect(error.message).toBe("Input 'app-name': is required");
  });

  it('treats a blank value as missing and trims given values', () => {
    const { inputs } = reader({ a: '   ', b: '  value \n' });
    expect(inputs.string('a', { required: true })).toBeUndefined();
    expect(inputs.string('b', { required: true })).toBe('value');
    expect(inputs.has('a')).toBe(false);
    expect(inputs.has('b')).toBe(true);
    expect(finishError(inputs).problems.map((p) => p.input)).toEqual(['a']);
  });

  it('returns the default of an optional input and does not complain', () => {
    const { inputs } = reader({});
    expect(inputs.string('format', { default: 'json' })).toBe('json');
    expect(() => inputs.finish()).not.toThrow();
  });

  it('collects every problem of the run into one InputError naming each input', () => {
    const { inputs } = reader({ 'fail-on-error': 'yes', timeout: '10x', mode: 'fast', retries: '-1' });
    inputs.string('app-name', { required: true });
    inputs.boolean('fail-on-error', true);
    inputs.duration('timeout', '15m');
    inputs.choice('mode', ['slow', 'safe']);
    inputs.integer('retries', { min: 0 });
    const error = finishError(inputs);
    expect(error.problems.map((p) => p.input)).toEqual(['app-name', 'fail-on-error', 'timeout', 'mode', 'retries']);
    expect(error.message).toMatch(/^5 input problems: /);
    for (const name of ['app-name', 'fail-on-error', 'timeout', 'mode', 'retries']) {
      expect(error.message).toContain(`'${name}'`);
    }
  });

  it('finish() does nothing when every input is fine', () => {
    const { inputs } = reader({ a: 'x' });
    inputs.string('a', { required: true });
    expect(() => inputs.finish()).not.toThrow();
  });
});

describe('InputReader.boolean (YAML 1.2 core)', () => {
  it.each(['true', 'True', 'TRUE'])('%s is true', (value) => {
    const { inputs } = reader({ flag: value });
    expect(inputs.boolean('flag', false)).toBe(true);
    expect(inputs.problems).toEqual([]);
  });

  it.each(['false', 'False', 'FALSE'])('%s is false', (value) => {
    const { inputs } = reader({ flag: value });
    expect(inputs.boolean('flag', true)).toBe(false);
    expect(inputs.problems).toEqual([]);
  });

  it.each(['yes', 'on', '1', 'tRUE', 'no'])('%s is rejected, naming the input and the value', (value) => {
    const { inputs } = reader({ 'restrict-export': value });
    inputs.boolean('restrict-export', false);
    const error = finishError(inputs);
    expect(error.problems).toEqual([{ input: 'restrict-export', message: `must be true or false (got '${value}')` }]);
  });

  it('uses the default when not given', () => {
    expect(reader({}).inputs.boolean('flag', true)).toBe(true);
    expect(reader({}).inputs.boolean('flag', false)).toBe(false);
  });
});

describe('InputReader.duration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['45', 45_000],
    ['1.5s', 1500],
  ])('%s is %d ms', (value, ms) => {
    const { inputs } = reader({ timeout: value });
    expect(inputs.duration('timeout', '15m')).toBe(ms);
    expect(inputs.problems).toEqual([]);
  });

  it.each(['10x', '-5s', '0', '0s', 'm', '5 m', '1h30', 'abc'])('%s is rejected with the input named', (value) => {
    const { inputs } = reader({ timeout: value });
    expect(inputs.duration('timeout', '15m')).toBe(900_000);
    const [problem] = finishError(inputs).problems;
    expect(problem.input).toBe('timeout');
    expect(problem.message).toContain(`(got '${value}')`);
    expect(problem.message).toContain('90s, 15m, 1h');
  });

  it('uses the default when not given', () => {
    expect(reader({}).inputs.duration('poll-interval', '30s')).toBe(30_000);
  });

  it.each(['1ms', '499ms', '0.4'])('%s is below a minimum of 500 ms and refused', (value) => {
    const { inputs } = reader({ 'poll-interval': value });
    expect(inputs.duration('poll-interval', '10s', { min: 500 })).toBe(10_000);
    expect(finishError(inputs).problems).toEqual([
      { input: 'poll-interval', message: `must be at least 0.5s (got '${value}')` },
    ]);
  });

  it('takes a value at the minimum', () => {
    const { inputs } = reader({ 'poll-interval': '0.5s' });
    expect(inputs.duration('poll-interval', '10s', { min: 500 })).toBe(500);
    expect(inputs.problems).toEqual([]);
  });

  it('parseDuration and splitList are usable on their own', () => {
    expect(parseDuration(' 2m ')).toBe(120_000);
    expect(parseDuration('')).toBeUndefined();
    expect(splitList('a,,b\n c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('InputReader.choice', () => {
  const FORMATS = ['json', 'yaml', 'xml'] as const;

  it('accepts a listed value', () => {
    const { inputs } = reader({ 'data-format': 'yaml' });
    expect(inputs.choice('data-format', FORMATS)).toBe('yaml');
    expect(inputs.problems).toEqual([]);
  });

  it('is case-sensitive by default and lists the valid values', () => {
    const { inputs } = reader({ 'data-format': 'JSON' });
    expect(inputs.choice('data-format', FORMATS, { default: 'json' })).toBeUndefined();
    expect(finishError(inputs).problems).toEqual([
      { input: 'data-format', message: "must be one of json, yaml, xml (got 'JSON')" },
    ]);
  });

  it('matches ignoring case when asked, returning the canonical spelling', () => {
    const { inputs } = reader({ 'data-format': 'XmL' });
    expect(inputs.choice('data-format', FORMATS, { ignoreCase: true })).toBe('xml');
    expect(inputs.problems).toEqual([]);
  });

  it('returns the default when not given', () => {
    expect(reader({}).inputs.choice('data-format', FORMATS, { default: 'json' })).toBe('json');
  });
});

describe('InputReader.integer', () => {
  it('accepts a whole number within the range', () => {
    const { inputs } = reader({ n: '7' });
    expect(inputs.integer('n', { min: 1, max: 10 })).toBe(7);
    expect(inputs.problems).toEqual([]);
  });

  it.each([
    ['0', "must be a whole number at least 1 and at most 10 (got '0')"],
    ['11', "must be a whole number at least 1 and at most 10 (got '11')"],
    ['2.5', "must be a whole number at least 1 and at most 10 (got '2.5')"],
    ['ten', "must be a whole number at least 1 and at most 10 (got 'ten')"],
  ])('%s is rejected with the range', (value, message) => {
    const { inputs } = reader({ 'retention-days': value });
    expect(inputs.integer('retention-days', { min: 1, max: 10, default: 5 })).toBe(5);
    expect(finishError(inputs).problems).toEqual([{ input: 'retention-days', message }]);
  });

  it('names only the bound that exists', () => {
    const { inputs } = reader({ n: '-3' });
    inputs.integer('n', { min: 0 });
    expect(inputs.problems[0].message).toBe("must be a whole number at least 0 (got '-3')");
  });
});

describe('InputReader.json', () => {
  it('parses an object when an object is wanted', () => {
    const { inputs } = reader({ args: '{"a": 1}' });
    expect(inputs.json('args', 'object')).toEqual({ a: 1 });
    expect(inputs.problems).toEqual([]);
  });

  it('parses an array when an array is wanted', () => {
    const { inputs } = reader({ items: '[1, 2]' });
    expect(inputs.json('items', 'array')).toEqual([1, 2]);
  });

  it.each([
    ['[1]', 'object', 'must be a JSON object (got an array)'],
    ['null', 'object', 'must be a JSON object (got null)'],
    ['"text"', 'object', 'must be a JSON object (got string)'],
    ['{"a":1}', 'array', 'must be a JSON array (got object)'],
  ] as const)('%s is not a %s', (value, kind, message) => {
    const { inputs } = reader({ args: value });
    expect(inputs.json('args', kind)).toBeUndefined();
    expect(inputs.problems).toEqual([{ input: 'args', message }]);
  });

  it('reports malformed JSON with the parser message', () => {
    const { inputs } = reader({ args: '{a:1}' });
    expect(inputs.json('args', 'object')).toBeUndefined();
    expect(inputs.problems[0].input).toBe('args');
    expect(inputs.problems[0].message).toMatch(/^must be a JSON object: .+/);
  });
});

describe('InputReader.list', () => {
  it('splits on newlines and commas, trims and drops blanks', () => {
    const { inputs } = reader({ keys: 'name\n\n  env , region,\n,owner  \n' });
    expect(inputs.list('keys')).toEqual(['name', 'env', 'region', 'owner']);
  });

  it('is empty when not given', () => {
    expect(reader({}).inputs.list('keys')).toEqual([]);
  });
});

describe('InputReader.secret', () => {
  it('masks the value through the logger as soon as it is read', () => {
    const { inputs, logger } = reader({ password: 's3cr3t-value' });
    expect(inputs.secret('password')).toBe('s3cr3t-value');
    expect(logger.masked).toEqual(['s3cr3t-value']);
    expect(logger.redact('login with s3cr3t-value')).toBe('login with ***');
  });

  it('warns, naming the input and never the value, about a secret shorter than 4 characters', () => {
    const { inputs, logger } = reader({ password: 'tru', token: '1', 'source-password': 'long-enough' });
    inputs.secret('password');
    inputs.secret('token');
    inputs.secret('source-password');
    const warnings = logger.lines.filter((line) => line.level === 'warning');
    expect(warnings.map((line) => line.title)).toEqual(["Input 'password'", "Input 'token'"]);
    expect(warnings[0].raw).toMatch(
      /^Input 'password' is shorter than 4 characters, so it cannot be protected reliably/,
    );
    for (const line of warnings) expect(line.raw).not.toMatch(/tru|1/);
    expect(logger.masked).toEqual(['tru', '1', 'long-enough']);
  });

  it('masks nothing when the secret is not given, and reports it when required', () => {
    const { inputs, logger } = reader({});
    expect(inputs.secret('token', { required: true })).toBeUndefined();
    expect(logger.masked).toEqual([]);
    expect(inputs.problems).toEqual([{ input: 'token', message: 'is required' }]);
  });
});

describe('environmentInputs', () => {
  it('reads INPUT_<NAME> upper-cased, hyphens kept, spaces as underscores; the reader trims, verbatim() does not', () => {
    process.env['INPUT_APP-NAME'] = '  shop  ';
    process.env['INPUT_MY_INPUT'] = 'x';
    try {
      const inputs = new InputReader(environmentInputs, new MemoryLogger());
      expect(inputs.string('app-name')).toBe('shop');
      expect(inputs.verbatim('app-name')).toBe('  shop  ');
      expect(environmentInputs('my input')).toBe('x');
      expect(environmentInputs('not-set-anywhere')).toBe('');
    } finally {
      delete process.env['INPUT_APP-NAME'];
      delete process.env['INPUT_MY_INPUT'];
    }
  });
});

describe('InputReader: rules across inputs', () => {
  it('exactlyOne returns the one input given', () => {
    const { inputs } = reader({ file: 'a.json' });
    expect(inputs.exactlyOne(['content', 'file', 'files'])).toBe('file');
    expect(() => inputs.finish()).not.toThrow();
  });

  it('exactlyOne names every input when none is given, on the first', () => {
    const { inputs } = reader({});
    expect(inputs.exactlyOne(['content', 'file', 'files'])).toBeUndefined();
    expect(finishError(inputs).problems).toEqual([{ input: 'content', message: 'give content, file or files' }]);
  });

  it('exactlyOne names the ones given, on the second, with the context', () => {
    const { inputs } = reader({ a: '1', c: '3' });
    expect(inputs.exactlyOne(['a', 'b', 'c'], { context: 'create-app' })).toBeUndefined();
    expect(finishError(inputs).problems).toEqual([
      { input: 'c', message: 'create-app: give only one of a, b and c (got a, c)' },
    ]);
  });

  it('atLeastOne passes with any of them and names them all when none is given', () => {
    const given = reader({ b: 'x' }).inputs;
    given.atLeastOne(['a', 'b']);
    expect(() => given.finish()).not.toThrow();
    const { inputs } = reader({});
    inputs.atLeastOne(['a', 'b', 'c'], { context: 'update-app' });
    expect(finishError(inputs).problems).toEqual([
      { input: 'a', message: 'update-app: give at least one of a, b or c' },
    ]);
  });

  it('onlyWith refuses an input given where it does not apply, and ignores one not given', () => {
    const { inputs } = reader({ 'retention-days': '5', 'files-root': '' });
    inputs.onlyWith('retention-days', false, 'artifact-name');
    inputs.onlyWith('files-root', false, 'files');
    inputs.onlyWith('retention-days', true, 'something true');
    expect(finishError(inputs).problems).toEqual([
      { input: 'retention-days', message: 'only applies with artifact-name' },
    ]);
  });

  it('requiredWith asks for an input only when it is needed', () => {
    const { inputs } = reader({ 'deployable-name': 'Prod' });
    inputs.requiredWith('collection-name', true, 'target: collection');
    inputs.requiredWith('other', false, 'never');
    inputs.requiredWith('deployable-name', true, 'target: deployable');
    expect(finishError(inputs).problems).toEqual([
      { input: 'collection-name', message: 'is required with target: collection' },
    ]);
  });
});

describe('InputReader.finish: the required values come out present', () => {
  it('returns the values it was given, typed as present', () => {
    const { inputs } = reader({ 'app-name': 'Pay' });
    const required = { appName: inputs.string('app-name', { required: true }), count: 0 as number | undefined };
    const { appName, count } = inputs.finish(required);
    // Compiles only because finish() narrowed `string | undefined` to `string`.
    expect(appName.length + count).toBe(3);
  });

  it('throws the input problems before looking at the values', () => {
    const { inputs } = reader({});
    const required = { appName: inputs.string('app-name', { required: true }) };
    expect(() => inputs.finish(required)).toThrow(InputError);
  });

  it('fails (not a green run doing nothing) when a value is missing without a recorded problem', () => {
    const { inputs } = reader({});
    expect(() => inputs.finish({ connection: undefined, appName: 'x' })).toThrow(
      'No value for connection although no input problem was found',
    );
  });
});
