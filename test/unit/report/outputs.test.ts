import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { coreOutputs, OUTPUT_LIMIT_BYTES, outputText } from '../../../shared/report/outputs.js';
import { MemoryLogger } from '../../support/fakes.js';
import { parseOutputFile } from '../../support/run-action.js';

let dir: string;
let outputFile: string;
const saved = { output: process.env.GITHUB_OUTPUT, temp: process.env.RUNNER_TEMP, action: process.env.GITHUB_ACTION };

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'outputs-test-'));
  outputFile = path.join(dir, 'output');
  writeFileSync(outputFile, '');
  process.env.GITHUB_OUTPUT = outputFile;
  process.env.RUNNER_TEMP = dir;
  process.env.GITHUB_ACTION = 'upload';
});

afterEach(() => {
  restore('GITHUB_OUTPUT', saved.output);
  restore('RUNNER_TEMP', saved.temp);
  restore('GITHUB_ACTION', saved.action);
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

  it('redacts JSON outputs value by value, so a secret that is a common word leaves them valid JSON', () => {
    const logger = new MemoryLogger();
    logger.mask('true');
    logger.mask('1234');
    const outputs = coreOutputs(logger);
    outputs.set('published', { published: true, count: 1234, names: ['true', 'v-1234'], 'key true': 'x' });
    outputs.set('succeeded', true);
    outputs.set('state', 'true');
    expect(JSON.parse(written().published)).toEqual({
      published: true,
      count: 1234,
      names: ['***', 'v-***'],
      'key ***': 'x',
    });
    expect(written().succeeded).toBe('true');
    expect(written().state).toBe('***');
  });

  it('redacts a JSON output nested deeper than the call stack allows', () => {
    const logger = new MemoryLogger();
    logger.mask('s3cret-value');
    let deep: unknown = ['s3cret-value'];
    for (let i = 0; i < 20_000; i++) deep = [deep];
    coreOutputs(logger).set('deep', deep as object);
    expect(written().deep).not.toContain('s3cret-value');
    expect(written().deep).toContain('["***"]');
  });

  it('appends a value to GITHUB_OUTPUT only when it changed', () => {
    const outputs = coreOutputs(new MemoryLogger());
    for (const state of ['running', 'running', 'running', 'completed', 'completed']) outputs.set('state', state);
    const raw = readFileSync(outputFile, 'utf8');
    expect(raw.match(/^state<</gm)).toHaveLength(2);
    expect(written().state).toBe('completed');
  });

  it('leaves an output over 1 MiB empty, with a warning naming the file that holds the full value', () => {
    const logger = new MemoryLogger();
    logger.mask('s3cret-value');
    const outputs = coreOutputs(logger);
    outputs.set('files', ['small']);
    const big = Array.from({ length: 40_000 }, (_, i) => ({ file: `/ws/config/file-${i}.json`, note: 's3cret-value' }));
    outputs.set('files', big);
    outputs.set('files', [...big, { file: 'one more' }]);
    expect(written().files).toBe('');
    const file = path.join(dir, 'config-promotion-outputs', 'upload-files.txt');
    const kept = readFileSync(file, 'utf8');
    expect(Buffer.byteLength(kept)).toBeGreaterThan(OUTPUT_LIMIT_BYTES);
    expect(JSON.parse(kept)).toHaveLength(40_001);
    expect(kept).not.toContain('s3cret-value');
    expect(readFileSync(outputFile, 'utf8').length).toBeLessThan(1000);
    const warnings = logger.lines.filter((line) => line.level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].title).toBe("Output 'files' too large");
    expect(warnings[0].message).toContain(
      `over GitHub's 1 MiB limit for one output: it is left empty, and the full value is in ${file}.`,
    );
  });

  it('outside a runner (no GITHUB_OUTPUT) sets each output through the toolkit, which @github/local-action records', () => {
    delete process.env.GITHUB_OUTPUT;
    const logger = new MemoryLogger();
    logger.mask('s3cret-value');
    const printed: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      const outputs = coreOutputs(logger);
      outputs.set('export-id', 'abc123');
      outputs.set('export-id', 'abc123');
      outputs.set('url', 'https://x.example.com/?k=s3cret-value');
      outputs.set('content', 'x'.repeat(OUTPUT_LIMIT_BYTES + 10));
      const commands = printed
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('::set-output'));
      expect(commands).toEqual([
        '::set-output name=export-id::abc123',
        '::set-output name=url::https://x.example.com/?k=***',
        `::set-output name=content::${'x'.repeat(OUTPUT_LIMIT_BYTES + 10)}`,
      ]);
      expect(logger.lines.filter((line) => line.level === 'warning')).toEqual([]);
      expect(existsSync(path.join(dir, 'config-promotion-outputs'))).toBe(false);
      expect(outputs.values.get('content')).toHaveLength(OUTPUT_LIMIT_BYTES + 10);
    } finally {
      write.mockRestore();
    }
  });

  it('outputText leaves strings alone and stringifies the rest', () => {
    expect(outputText('text')).toBe('text');
    expect(outputText(12)).toBe('12');
    expect(outputText(true)).toBe('true');
    expect(outputText({ a: [1] })).toBe('{"a":[1]}');
  });
});
