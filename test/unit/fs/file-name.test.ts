/** File names built from inputs or vendor text: one name, within the file system's 255-byte limit. */
import { describe, expect, it } from '@jest/globals';
import { cutUtf8, safeFileName } from '../../../shared/fs/file-name.js';

const bytes = (text: string) => Buffer.byteLength(text);

describe('safeFileName', () => {
  it('keeps a long ASCII name up to the byte limit, not 200 characters', () => {
    const name = safeFileName('a'.repeat(400));
    expect(name).toBe('a'.repeat(255));
  });

  it('cuts a multi-byte name at 255 UTF-8 bytes, never inside a character', () => {
    for (const unit of ['€', '😀', 'é', 'ä€😀']) {
      const name = safeFileName(unit.repeat(200));
      expect(bytes(name)).toBeLessThanOrEqual(255);
      expect(bytes(name)).toBeGreaterThan(255 - 4);
      expect(name).not.toContain('\uFFFD');
      expect(Buffer.from(name).toString()).toBe(name);
      expect(unit.repeat(200).startsWith(name)).toBe(true);
    }
  });

  it('leaves room for the extension, which is kept whole', () => {
    const name = safeFileName('€'.repeat(200), 'export', '.properties');
    expect(name.endsWith('€.properties')).toBe(true);
    expect(bytes(name)).toBeLessThanOrEqual(255);
    expect(safeFileName('', 'export', '.json')).toBe('export.json');
    expect(safeFileName('../../x', 'export', '.json')).toBe('x.json');
  });
});

describe('cutUtf8', () => {
  it('never splits a surrogate pair', () => {
    expect(cutUtf8('a😀', 4)).toBe('a');
    expect(cutUtf8('a😀', 5)).toBe('a😀');
    expect(cutUtf8('abc', 10)).toBe('abc');
  });
});
