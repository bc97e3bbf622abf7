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
    expect(redactor.add('p@ss/word')).toEqual(expect.arrayContaining(['p@ss/word', 'p%40ss%2Fword']));
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

describe('SecretRedactor: every encoding of a secret', () => {
  const secret = 'p"a\\ss&<w/rd>\'é';
  const json = JSON.stringify(secret).slice(1, -1);

  it.each([
    ['raw', secret],
    ['URL-encoded', encodeURIComponent(secret)],
    ['form-encoded', new URLSearchParams({ s: secret }).toString().slice(2)],
    ['JSON-escaped', json],
    ['JSON-escaped twice', JSON.stringify(json).slice(1, -1)],
    ['JSON-escaped with \\/', json.replace(/\//g, '\\/')],
    ['JSON-escaped in ASCII', json.replace('é', '\\u00e9')],
    ['JSON-escaped in ASCII, upper-case hex', json.replace('é', '\\u00E9')],
    ['JSON-escaped HTML-safe', 'p\\"a\\\\ss\\u0026\\u003cw/rd\\u003e\\u0027é'],
    ['JSON-escaped HTML-safe in ASCII', 'p\\"a\\\\ss\\u0026\\u003cw/rd\\u003e\\u0027\\u00e9'],
    ['base64', Buffer.from(secret).toString('base64')],
    ['base64 without padding', Buffer.from(secret).toString('base64').replace(/=+$/, '')],
    ['base64url', Buffer.from(secret).toString('base64url')],
    ['HTML-escaped', 'p&quot;a\\ss&amp;&lt;w/rd&gt;&#39;é'],
    ['HTML-escaped (hex apostrophe)', 'p&quot;a\\ss&amp;&lt;w/rd&gt;&#x27;é'],
    ['HTML-escaped (only <, > and &)', 'p"a\\ss&amp;&lt;w/rd&gt;\'é'],
  ])('removes the %s form', (_, form) => {
    const redactor = new SecretRedactor();
    redactor.add(secret);
    expect(redactor.redact(`before ${form} after`)).toBe('before *** after');
  });

  it('removes the Basic value of user:password in its own encodings, once it is registered', () => {
    const redactor = new SecretRedactor();
    const basic = Buffer.from(`admin:${secret}`).toString('base64');
    redactor.add(secret);
    redactor.add(basic);
    const header = JSON.stringify({ Authorization: `Basic ${basic}` });
    expect(redactor.redact(header)).toBe('{"Authorization":"Basic ***"}');
    expect(redactor.redact(encodeURIComponent(basic))).toBe('***');
  });

  it('leaves text without the secret alone', () => {
    const redactor = new SecretRedactor();
    redactor.add(secret);
    expect(redactor.redact('p "a" ss & <w/rd> é')).toBe('p "a" ss & <w/rd> é');
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

  it('registers every encoding of a secret with the runner', () => {
    const logger = coreLogger();
    logger.mask('pa"ss<w>');
    const masks = out.filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice(12, -1));
    expect(masks).toEqual(
      expect.arrayContaining([
        'pa"ss<w>',
        'pa%2522ss%253Cw%253E',
        'pa\\"ss<w>',
        'pa\\"ss\\u003cw\\u003e',
        Buffer.from('pa"ss<w>').toString('base64'),
        'pa&quot;ss&lt;w&gt;',
      ]),
    );
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
