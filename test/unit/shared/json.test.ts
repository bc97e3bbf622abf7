import { describe, expect, it } from '@jest/globals';
import { genericMessage } from '../../../shared/http/body.js';
import { describeValue, jsonDepth, jsonDocument, jsonText, scalarText, vendorNumber } from '../../../shared/json.js';

const DEEP = 50_000;
/** `{"a":{"a":...{"a":1}...}}`, nested `depth` deep, parsed the way the HTTP layer parses answers. */
const deepObject = (depth: number): unknown => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
const deepArray = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('jsonText', () => {
  it('writes what JSON.stringify writes', () => {
    const samples: unknown[] = [
      null,
      0,
      -0,
      1.5e300,
      'a "quoted"\nline',
      true,
      [],
      {},
      [1, 'x', null, [2, [3]], { b: [] }],
      { a: undefined, b: () => 1, c: [undefined, () => 1], d: { e: NaN, f: Infinity }, 'g"h': 'é\u2028' },
      { when: new Date(0), nested: { toJSON: (key: string) => `key:${key}` } },
      [{ a: 1 }, { a: 1 }],
    ];
    for (const sample of samples) {
      expect(jsonText(sample)).toBe(JSON.stringify(sample));
      // With a limit it always walks the value itself, never through JSON.stringify.
      expect(jsonText(sample, 1e9)).toBe(JSON.stringify(sample));
    }
  });

  it('writes JSON nested 50,000 deep, where JSON.stringify overflows the stack', () => {
    const value = deepObject(DEEP);
    expect(() => JSON.stringify(value)).toThrow(/Maximum call stack size exceeded/);
    expect(jsonText(value)).toBe(`${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`);
    expect(jsonText(deepArray(DEEP))).toBe(`${'['.repeat(DEEP)}${']'.repeat(DEEP)}`);
  });

  it('stops after maxChars and says so', () => {
    const text = jsonText(deepObject(DEEP), 100);
    expect(text).toBe(`${'{"a":'.repeat(20)}…(cut at 100 characters)`);
    expect(jsonText({ a: 'x'.repeat(500) }, 10)).toBe('{"a":"xxxx…(cut at 10 characters)');
    expect(jsonText([1, 2], 10)).toBe('[1,2]');
  });

  it('refuses a circular structure like JSON.stringify does', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => jsonText(loop)).toThrow(TypeError);
    expect(() => jsonText(loop, 1e9)).toThrow(TypeError);
  });
});

describe('jsonDepth and jsonDocument', () => {
  it('measures depth without recursion and stops early when asked', () => {
    expect(jsonDepth('x')).toBe(0);
    expect(jsonDepth({ a: [1, { b: {} }] })).toBe(4);
    expect(jsonDepth(deepArray(DEEP))).toBe(DEEP);
    expect(jsonDepth(deepArray(DEEP), 10)).toBe(11);
  });

  it('indents shallow JSON and writes deep JSON compactly', () => {
    expect(jsonDocument({ a: [1] })).toEqual({ text: '{\n  "a": [\n    1\n  ]\n}', compact: false, depth: 2 });
    const deep = jsonDocument(deepObject(DEEP));
    expect(deep.compact).toBe(true);
    expect(deep.depth).toBe(DEEP);
    expect(JSON.parse(deep.text)).toEqual(expect.any(Object));
    expect(deep.text.length).toBe(DEEP * 6 + 1);
  });
});

describe('vendorNumber', () => {
  it('reads numbers and numeric strings, tells missing from unreadable', () => {
    expect(vendorNumber(3)).toEqual({ kind: 'number', value: 3 });
    expect(vendorNumber('3')).toEqual({ kind: 'number', value: 3 });
    expect(vendorNumber(' 12 ')).toEqual({ kind: 'number', value: 12 });
    expect(vendorNumber('0.5')).toEqual({ kind: 'number', value: 0.5 });
    expect(vendorNumber(undefined)).toEqual({ kind: 'missing' });
    expect(vendorNumber(null)).toEqual({ kind: 'missing' });
    expect(vendorNumber('three')).toEqual({ kind: 'unreadable', got: '"three"' });
    expect(vendorNumber('')).toEqual({ kind: 'unreadable', got: '""' });
    expect(vendorNumber(true)).toEqual({ kind: 'unreadable', got: 'a boolean: true' });
    expect(vendorNumber([5])).toEqual({ kind: 'unreadable', got: 'an array: [5]' });
    expect(vendorNumber({ n: 1 })).toEqual({ kind: 'unreadable', got: 'an object: {"n":1}' });
  });

  it('describes a huge value briefly', () => {
    expect(describeValue('y'.repeat(10_000)).length).toBeLessThan(260);
  });
});

describe('scalarText', () => {
  it('keeps scalars and writes anything else as bounded JSON, where String() of a deep array overflows', () => {
    expect(scalarText('x')).toBe('x');
    expect(scalarText(4)).toBe('4');
    expect(scalarText(false)).toBe('false');
    expect(scalarText(null)).toBe('');
    expect(scalarText(undefined)).toBe('');
    const deep = deepArray(DEEP);
    expect(() => String(deep)).toThrow(/Maximum call stack size exceeded/);
    expect(scalarText(deep, 10)).toBe('[[[[[[[[[[…(cut at 10 characters)');
    expect(genericMessage({ errors: ['first', deep] })).toMatch(/^first; \[{2000}…\(cut at 2000 characters\)$/);
  });
});
