/** A stack trace printed by a bundle points at the TypeScript source, read from the map beside the bundle. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { mappedStack } from '../../../shared/report/stack.js';

const SOURCE = [
  'export function boom(): never {',
  "  const reason = 'odd answer';",
  '  throw new Error(reason);',
  '}',
  '',
].join('\n');

let dir: string;
let bundle: string;
/** Where `throw` landed in the generated file, 1-based as a stack trace says it. */
let generated: { line: number; column: number };

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'stack-'));
  const output = ts.transpileModule(SOURCE, {
    fileName: 'boom.ts',
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, sourceMap: true },
  });
  bundle = path.join(dir, 'index.js');
  writeFileSync(bundle, output.outputText);
  writeFileSync(`${bundle}.map`, output.sourceMapText ?? '');
  const lines = output.outputText.split('\n');
  const line = lines.findIndex((text) => text.includes('throw'));
  generated = { line: line + 1, column: lines[line].indexOf('throw') + 1 };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('frames of a file with a map point at the original source, line and column', () => {
  const stack = `Error: odd answer\n    at boom (${pathToFileURL(bundle).href}:${generated.line}:${generated.column})`;
  expect(mappedStack(stack)).toBe('Error: odd answer\n    at boom (boom.ts:3:3)');
});

test('plain paths are mapped as well as file URLs', () => {
  expect(mappedStack(`    at ${bundle}:${generated.line}:${generated.column}`)).toBe('    at boom.ts:3:3');
});

test('frames without a map beside them, and Node internals, stay as they are', () => {
  const stack = [
    'Error: odd answer',
    `    at run (${path.join(dir, 'other.js')}:1:1)`,
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  ].join('\n');
  expect(mappedStack(stack)).toBe(stack);
});
