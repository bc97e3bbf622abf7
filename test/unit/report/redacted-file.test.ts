import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { redactFileText, writeTextFile } from '../../../shared/report/redacted-file.js';
import { MemoryLogger } from '../../support/fakes.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'redacted-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeTextFile', () => {
  it('writes the text with every form of a secret removed, and a warning naming the file', async () => {
    const logger = new MemoryLogger();
    logger.mask('pa"ss\\word');
    const file = path.join(dir, 'out', 'results.json');
    const written = await writeTextFile(file, `${JSON.stringify({ message: 'login with pa"ss\\word' })}\n`, logger);
    expect(readFileSync(file, 'utf8')).toBe('{"message":"login with ***"}\n');
    expect(written.path).toBe(file);
    expect(logger.lines.filter((line) => line.level === 'warning')).toEqual([
      expect.objectContaining({
        title: 'Secret removed from a file',
        message: `${file} contained a secret given to this run (a password, a token or a value made from them); it is written with *** in its place.`,
      }),
    ]);
  });

  it('writes text without a secret as it is, without a warning', async () => {
    const logger = new MemoryLogger();
    logger.mask('s3cret-value');
    const file = path.join(dir, 'plain.txt');
    await writeTextFile(file, 'nothing to hide\n', logger);
    expect(readFileSync(file, 'utf8')).toBe('nothing to hide\n');
    expect(logger.lines).toEqual([]);
  });
});

describe('redactFileText', () => {
  it('names where else the same text went', () => {
    const logger = new MemoryLogger();
    logger.mask('s3cret-value');
    expect(redactFileText('a s3cret-value b', '/ws/x.json', logger, { alsoIn: 'the content output' })).toBe('a *** b');
    expect(logger.messages('warning')).toEqual([
      '/ws/x.json contained a secret given to this run (a password, a token or a value made from them); it is written with *** in its place, and so is the content output.',
    ]);
  });
});
