import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { coreLogger, neutralizeCommands, SecretRedactor } from '../../../shared/report/logger.js';

let out: string[];

beforeEach(() => {
  out = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('SecretRedactor', () => {
  it('replaces every occurrence of a secret and its URL-encoded form', () => {
    const redactor = new SecretRedactor();
    expect(redactor.add('p@ss/word')).toEqual(['p@ss/word', 'p%40ss%2Fword']);
    expect(redactor.redact('a p@ss/word b p%40ss%2Fword c p@ss/word')).toBe('a *** b *** c ***');
  });

  it('replaces the longer of two overlapping secrets first', () => {
    const redactor = new SecretRedactor();
    redactor.add('abc');
    redactor.add('abcdef');
    expect(redactor.redact('xx abcdef yy abc')).toBe('xx *** yy ***');
  });

  it('leaves very short values alone and does not add a secret twice', () => {
    const redactor = new SecretRedactor();
    expect(redactor.add('ab')).toEqual([]);
    expect(redactor.redact('tab about')).toBe('tab about');
    redactor.add('token-1');
    expect(redactor.add('token-1')).toEqual([]);
  });
});

describe('coreLogger', () => {
  it('registers a secret with the runner and removes it from the lines it prints', () => {
    const logger = coreLogger();
    logger.mask('p@ss word');
    logger.info('logging in with p@ss word');
    logger.warning('url https://u:p%40ss%20word@h', 'title p@ss word');
    logger.error('failed: p@ss word', 'Bad');
    expect(out).toContain('::add-mask::p@ss word\n');
    // The runner un-escapes command data (%25 → %), so it masks the URL-encoded form too.
    expect(out).toContain('::add-mask::p%2540ss%2520word\n');
    const printed = out.filter((line) => !line.startsWith('::add-mask::')).join('');
    expect(printed).not.toContain('p@ss word');
    expect(printed).not.toContain('p%40ss%20word');
    expect(printed).toContain('logging in with ***\n');
    expect(printed).toContain('::warning title=title ***::url https://u:***@h\n');
    expect(printed).toContain('::error title=Bad::failed: ***\n');
  });

  it('ignores an empty secret', () => {
    const logger = coreLogger();
    logger.mask('');
    logger.info('nothing to hide');
    expect(out).toEqual(['nothing to hide\n']);
  });

  it('points an annotation at a file and line when given one', () => {
    const logger = coreLogger();
    logger.error('port is out of range', 'PortRange', { file: 'config/db/settings.json', line: 3 });
    logger.warning('deprecated value', 'Naming', { file: 'config/cache.yaml' });
    logger.notice('plain');
    expect(out).toEqual([
      '::error title=PortRange,file=config/db/settings.json,line=3::port is out of range\n',
      '::warning title=Naming,file=config/cache.yaml::deprecated value\n',
      '::notice::plain\n',
    ]);
  });

  it('never lets a logged text start a workflow command', () => {
    const logger = coreLogger();
    logger.info('export 42: RUNNING\n::warning::injected\r\n  ::stop-commands::tok\r::add-mask::x and ##[error]legacy');
    const lines = out.join('').split(/\r\n|\r|\n/);
    expect(lines.filter((line) => /^\s*::/.test(line) || line.includes('##['))).toEqual([]);
    expect(lines).toEqual([
      'export 42: RUNNING',
      '\\::warning::injected',
      '  \\::stop-commands::tok\\r::add-mask::x and ##\\[error]legacy',
      '',
    ]);
  });
});

describe('neutralizeCommands', () => {
  it('leaves ordinary text alone', () => {
    expect(neutralizeCommands('Upload a1 started: config/db.json → app/db (a::b).')).toBe(
      'Upload a1 started: config/db.json → app/db (a::b).',
    );
  });
});
