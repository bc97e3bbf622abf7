import { describe, expect, it } from '@jest/globals';
import { zipProblem } from '../../../shared/fs/zip.js';

describe('zipProblem', () => {
  it('accepts what starts with the zip signature', () => {
    expect(zipProblem(Buffer.from('PK\x03\x04rest', 'latin1'))).toBeUndefined();
  });

  it('names an empty file, an HTML page (with its title) and other bytes', () => {
    expect(zipProblem(Buffer.alloc(0))).toBe('is empty');
    expect(zipProblem(Buffer.from('<html><title> Session\n expired </title>'), 'text/html')).toBe(
      "is an HTML page titled 'Session expired' (text/html), not a zip archive: a login page or an error page came instead of the file",
    );
    expect(zipProblem(Buffer.from('<!DOCTYPE html><p>x'))).toMatch(/^is an HTML page without a title, not a zip/);
    expect(zipProblem(Buffer.from('{"error":"no such file"}'), 'application/json')).toBe(
      'is not a zip archive: it starts with \'{"error":"no suc\' (application/json), where a zip archive starts with PK\\x03\\x04',
    );
    expect(zipProblem(Buffer.from([0x1f, 0x8b, 0x08, 0x00]))).toBe(
      'is not a zip archive: it starts with 0x1f8b0800, where a zip archive starts with PK\\x03\\x04',
    );
    expect(zipProblem(Buffer.from('root:x:0:0'), undefined, false)).toBe(
      'is not a zip archive: it does not start with PK\\x03\\x04',
    );
  });
});
