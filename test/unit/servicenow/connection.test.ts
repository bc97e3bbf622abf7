import { describe, expect, it } from '@jest/globals';
import { InputReader } from '../../../shared/inputs/reader.js';
import {
  cdmPath,
  readServiceNowConnection,
  readServiceNowMessage,
} from '../../../shared/vendors/servicenow/connection.js';
import { MemoryLogger } from '../../support/fakes.js';

const BASIC = { username: 'admin', password: 'hunter2-pass' };

function read(inputs: Record<string, string>) {
  const logger = new MemoryLogger();
  const reader = new InputReader((name) => inputs[name] ?? '', logger);
  const connection = readServiceNowConnection(reader);
  return { connection, problems: reader.problems, logger };
}

describe('readServiceNowConnection: instance-url', () => {
  it('turns a bare instance name into https://NAME.service-now.com', () => {
    const { connection, problems } = read({ 'instance-url': 'Acme-Dev', ...BASIC });
    expect(problems).toEqual([]);
    expect(connection?.instanceUrl).toBe('https://acme-dev.service-now.com');
  });

  it('keeps a full URL, its path, and strips the trailing slash', () => {
    const { connection } = read({ 'instance-url': 'https://sn.example.com/proxy/now/', ...BASIC });
    expect(connection?.instanceUrl).toBe('https://sn.example.com/proxy/now');
    expect(read({ 'instance-url': 'https://acme.service-now.com/', ...BASIC }).connection?.instanceUrl).toBe(
      'https://acme.service-now.com',
    );
  });

  it('adds https to a host given without a scheme, keeping the port', () => {
    expect(read({ 'instance-url': 'sn.example.com:8443', ...BASIC }).connection?.instanceUrl).toBe(
      'https://sn.example.com:8443',
    );
  });

  it('refuses a query or fragment without echoing it (it may hold a token)', () => {
    const { problems } = read({ 'instance-url': 'https://acme.example.com/now?api_key=k3y-123#x', ...BASIC });
    expect(problems).toEqual([
      {
        input: 'instance-url',
        message: "must be a base URL without a query or fragment (got 'https://acme.example.com/now?…')",
      },
    ]);
  });

  it.each(['ftp://acme.example.com', 'http://'])('%s is rejected as instance-url', (value) => {
    const { connection, problems } = read({ 'instance-url': value, ...BASIC });
    expect(connection).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0].input).toBe('instance-url');
    expect(problems[0].message).toContain(`(got '${value}')`);
  });

  it.each([
    ['https://admin:s3cret-pw@acme.example.com', 'https://***@acme.example.com'],
    ['admin:s3cret-pw@acme.example.com', '***@acme.example.com'],
    ['http://admin:s3cret-pw@127.0.0.1:8080/now', 'http://***@127.0.0.1:8080/now'],
  ])('%s is refused without echoing the credentials', (value, shown) => {
    const { connection, problems, logger } = read({ 'instance-url': value, ...BASIC });
    expect(connection).toBeUndefined();
    expect(problems).toEqual([
      {
        input: 'instance-url',
        message: `must not contain a user name or password (got '${shown}'): give the credentials in their own inputs, from secrets`,
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain('s3cret-pw');
    expect(logger.masked).toContain('s3cret-pw');
    expect(logger.redact(`echo ${value}`)).not.toContain('s3cret-pw');
  });

  it('requires instance-url', () => {
    const { connection, problems } = read({ ...BASIC });
    expect(connection).toBeUndefined();
    expect(problems).toEqual([{ input: 'instance-url', message: 'is required' }]);
  });

  it('warns about clear-text credentials over http to a remote host', () => {
    const { connection, logger } = read({ 'instance-url': 'http://sn.internal.example:8080', ...BASIC });
    expect(connection?.instanceUrl).toBe('http://sn.internal.example:8080');
    const warnings = logger.lines.filter((line) => line.level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].title).toBe('Unencrypted connection');
    expect(warnings[0].message).toContain('sn.internal.example:8080');
    expect(warnings[0].message).toMatch(/unencrypted/);
  });

  it.each(['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'])(
    'does not warn for loopback %s',
    (url) => {
      const { connection, logger } = read({ 'instance-url': url, ...BASIC });
      expect(connection?.instanceUrl).toBe(url);
      expect(logger.messages('warning')).toEqual([]);
    },
  );

  it('does not warn for https', () => {
    expect(read({ 'instance-url': 'acme', ...BASIC }).logger.messages('warning')).toEqual([]);
  });
});

describe('readServiceNowConnection: credentials', () => {
  const url = { 'instance-url': 'acme' };

  it('takes username and password as basic auth and masks the password', () => {
    const { connection, problems, logger } = read({ ...url, ...BASIC });
    expect(problems).toEqual([]);
    expect(connection?.credentials).toEqual({ kind: 'basic', username: 'admin', password: 'hunter2-pass' });
    expect(logger.masked).toContain('hunter2-pass');
  });

  it('takes a token as bearer auth and masks it', () => {
    const { connection, problems, logger } = read({ ...url, token: 'tok-abc-123' });
    expect(problems).toEqual([]);
    expect(connection?.credentials).toEqual({ kind: 'bearer', token: 'tok-abc-123' });
    expect(logger.masked).toContain('tok-abc-123');
  });

  it('rejects both kinds at once, as a problem on token', () => {
    const { connection, problems } = read({ ...url, ...BASIC, token: 'tok-abc-123' });
    expect(connection).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0].input).toBe('token');
    expect(problems[0].message).toContain('not both');
  });

  it('rejects a token together with only a username', () => {
    const { problems } = read({ ...url, username: 'admin', token: 'tok-abc-123' });
    expect(problems.map((p) => p.input)).toEqual(['token']);
  });

  it('asks for the password when only the username is given', () => {
    const { connection, problems } = read({ ...url, username: 'admin' });
    expect(connection).toBeUndefined();
    expect(problems).toEqual([{ input: 'password', message: 'is required with username' }]);
  });

  it('asks for the username when only the password is given', () => {
    const { problems } = read({ ...url, password: 'hunter2-pass' });
    expect(problems).toEqual([{ input: 'username', message: 'is required with password' }]);
  });

  it('reports missing credentials, saying what to give', () => {
    const { connection, problems } = read({ ...url });
    expect(connection).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0].input).toBe('username');
    expect(problems[0].message).toMatch(/username and password.*token/);
  });

  it('reports every connection problem together', () => {
    const { problems } = read({ 'instance-url': 'ftp://x', username: 'admin', 'api-version': '1' });
    expect(problems.map((p) => p.input)).toEqual(['instance-url', 'password', 'api-version']);
  });
});

describe('readServiceNowConnection: api-version and cdmPath', () => {
  it('accepts v1', () => {
    const { connection, problems } = read({ 'instance-url': 'acme', ...BASIC, 'api-version': 'v1' });
    expect(problems).toEqual([]);
    expect(connection?.apiVersion).toBe('v1');
  });

  it.each(['1', 'V1', 'v1.0', 'latest'])('rejects %s, naming the input', (value) => {
    const { problems } = read({ 'instance-url': 'acme', ...BASIC, 'api-version': value });
    expect(problems).toEqual([{ input: 'api-version', message: `must look like v1 or v2 (got '${value}')` }]);
  });

  it('leaves the version out when not given', () => {
    expect(read({ 'instance-url': 'acme', ...BASIC }).connection?.apiVersion).toBeUndefined();
  });

  it('builds CDM paths with and without a version', () => {
    expect(cdmPath({}, 'applications/deployables/exports')).toBe('/api/sn_cdm/applications/deployables/exports');
    expect(cdmPath({ apiVersion: 'v1' }, '/applications/uploads')).toBe('/api/sn_cdm/v1/applications/uploads');
  });
});

describe('readServiceNowMessage', () => {
  it('joins message and detail from the error body', () => {
    expect(readServiceNowMessage({ error: { message: 'No app', detail: 'shop not found' }, status: 'failure' })).toBe(
      'No app: shop not found',
    );
    expect(readServiceNowMessage({ error: { message: 'Only message', detail: ' ' } })).toBe('Only message');
  });

  it('returns undefined when the body carries no message', () => {
    expect(readServiceNowMessage({ error: {} })).toBeUndefined();
    expect(readServiceNowMessage({ result: {} })).toBeUndefined();
    expect(readServiceNowMessage('text')).toBeUndefined();
  });
});
