import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { coreOutputs, outputText } from '../../../shared/report/outputs.js';
import { MemoryLogger } from '../../support/fakes.js';
import { parseOutputFile } from '../../support/run-action.js';

let dir: string;
let outputFile: string;
const savedOutput = process.env.GITHUB_OUTPUT;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'outputs-test-'));
  outputFile = path.join(dir, 'output');
  writeFileSync(outputFile, '');
  process.env.GITHUB_OUTPUT = outputFile;
});

afterEach(() => {
  if (savedOutput === undefined) delete process.env.GITHUB_OUTPUT;
  else process.env.GITHUB_OUTPUT = savedOutput;
  rmSync(dir, { recursive: true, force: true });
});

const written = () => parseOutputFile(readFileSync(outputFile, 'utf8'));

describe('coreOutputs', () => {
  it('writes each output to GITHUB_OUTPUT as the runner reads it', () => {
    const outputs = coreOutputs(new MemoryLogger());
    outputs.set('export-id', 'abc123');
    outputs.set('count', 3);
    outputs.set('succeeded', false);
    expect(readFileSync(outputFile, 'utf8')).toMatch(/^export-id<<ghadelimiter_[\w-]+\nabc123\nghadelimiter_/);
    expect(written()).toEqual({ 'export-id': 'abc123', count: '3', succeeded: 'false' });
    expect(Object.fromEntries(outputs.values)).toEqual(written());
  });

  it('JSON-encodes objects and arrays', () => {
    const outputs = coreOutputs(new MemoryLogger());
    outputs.set('result', { state: 'completed', errors: [] });
    outputs.set('files', ['a.json', 'b.json']);
    expect(JSON.parse(written().result)).toEqual({ state: 'completed', errors: [] });
    expect(written().files).toBe('["a.json","b.json"]');
  });

  it('keeps a multi-line value intact', () => {
    coreOutputs(new MemoryLogger()).set('content', 'line 1\nline 2');
    expect(written().content).toBe('line 1\nline 2');
  });

  it('removes registered secrets, also inside JSON-encoded values', () => {
    const logger = new MemoryLogger();
    logger.mask('p@ss word!');
    const outputs = coreOutputs(logger);
    outputs.set('url', 'https://admin:p%40ss%20word!@acme.example.com');
    outputs.set('config', { password: 'p@ss word!' });
    const text = readFileSync(outputFile, 'utf8');
    expect(text).not.toContain('p@ss word!');
    expect(text).not.toContain('p%40ss%20word!');
    expect(written().url).toBe('https://admin:***@acme.example.com');
    expect(JSON.parse(written().config)).toEqual({ password: '***' });
    expect(outputs.values.get('config')).toBe('{"password":"***"}');
  });

  it('outputText leaves strings alone and stringifies the rest', () => {
    expect(outputText('text')).toBe('text');
    expect(outputText(12)).toBe('12');
    expect(outputText(true)).toBe('true');
    expect(outputText({ a: [1] })).toBe('{"a":[1]}');
  });
});
