import { describe, expect, it } from '@jest/globals';
import { InputReader } from '../../../shared/inputs/reader.js';
import { MemoryLogger } from '../../support/fakes.js';

const read = (value: string) => {
  const inputs = new InputReader((name) => (name === 'server-url' ? value : ''), new MemoryLogger());
  return { url: inputs.url('server-url'), problems: inputs.problems };
};

describe('InputReader.url: ports', () => {
  it.each(['https://smax.example.com:0', 'smax.example.com:00/api', 'https://[::1]:0'])(
    'refuses port 0 in %s, naming the input (new URL takes it)',
    (value) => {
      expect(read(value)).toEqual({
        url: undefined,
        problems: [{ input: 'server-url', message: `must have a port from 1 to 65535 (got '${value}')` }],
      });
    },
  );

  it.each(['https://smax.example.com:65536', 'smax.example.com:99999999999/x'])(
    'refuses a port over 65535 in %s with the same words, not as "not a URL"',
    (value) => {
      expect(read(value).problems).toEqual([
        { input: 'server-url', message: `must have a port from 1 to 65535 (got '${value}')` },
      ]);
    },
  );

  it('takes ports from 1 to 65535, and a default port written out', () => {
    expect(read('https://smax.example.com:1').url).toBe('https://smax.example.com:1');
    expect(read('https://smax.example.com:65535/x/').url).toBe('https://smax.example.com:65535/x');
    expect(read('https://smax.example.com:443').url).toBe('https://smax.example.com');
    expect(read('http://127.0.0.1:8080').url).toBe('http://127.0.0.1:8080');
    expect(read('https://[::1]:8443').url).toBe('https://[::1]:8443');
  });
});
