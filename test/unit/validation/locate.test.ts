/** Node path → uploaded file and key path → line, on the node-path shapes ServiceNow may send. */
import { describe, expect, it } from '@jest/globals';
import { Pacer } from '../../../shared/pacer.js';
import { expandIndexes, KeyLines } from '../../../shared/validation/lines.js';
import {
  boundedNodePath,
  NodeLocator,
  repositoryPath,
  splitNodePath,
  type Located,
} from '../../../shared/validation/locate.js';
import type { UploadedFileRef } from '../../../shared/validation/types.js';
import { fakeRuntime } from '../../support/fakes.js';

const locateNode = (nodePath: string, files: readonly UploadedFileRef[]): Located | undefined =>
  new NodeLocator(files).locate(splitNodePath(nodePath));

async function lineOfKeyPath(text: string, keyPath: string[], fileName: string): Promise<number> {
  const pacer = new Pacer(fakeRuntime(), 'mapping');
  return (await (await KeyLines.parse(text, fileName, pacer))?.lineOf(keyPath, pacer)) ?? 1;
}

const FILES = [
  { file: '/repo/config/db/settings.json', namePath: 'paymentSettings/db/settings' },
  { file: '/repo/config/cache.yaml', namePath: 'paymentSettings/cache' },
  { file: '/repo/prod/db/settings.json', namePath: 'paymentSettings/prod/db/settings' },
];

describe('locateNode', () => {
  it.each([
    ['slash-separated from the application', '/PaymentApp/components/paymentSettings/db/settings/port', ['port']],
    ['without a leading slash', 'components/paymentSettings/db/settings/pool/max', ['pool', 'max']],
    [
      'with " > " separators as the UI shows them',
      'PaymentApp > components > paymentSettings > db > settings > port',
      ['port'],
    ],
    ['with the backend separator U+FFFD', 'paymentSettings\uFFFDdb\uFFFDsettings\uFFFDport', ['port']],
    ['in another case', '/paymentapp/Components/PAYMENTSETTINGS/DB/SETTINGS/port', ['port']],
    [
      'from a deployable folder',
      '/PaymentApp/deployables/Production/paymentSettings/db/settings/servers[0]/port',
      ['servers[0]', 'port'],
    ],
  ])('finds the file and key path %s', (_shape, nodePath, keyPath) => {
    expect(locateNode(nodePath, FILES)).toEqual({ file: '/repo/config/db/settings.json', keyPath });
  });

  it('prefers the longest run of name-path segments', () => {
    expect(locateNode('/App/components/paymentSettings/prod/db/settings/port', FILES)).toEqual({
      file: '/repo/prod/db/settings.json',
      keyPath: ['port'],
    });
    // `cache` is also a key inside settings.json: the longer match (settings.json) wins.
    expect(locateNode('/App/components/paymentSettings/db/settings/cache', FILES)?.file).toBe(
      '/repo/config/db/settings.json',
    );
  });

  it('maps only the file node itself when the path stops there, and nothing when no file matches or two tie', () => {
    expect(locateNode('/App/components/paymentSettings/cache', FILES)).toEqual({
      file: '/repo/config/cache.yaml',
      keyPath: [],
    });
    expect(locateNode('/App/deployables/Production', FILES)).toBeUndefined();
    expect(locateNode('', FILES)).toBeUndefined();
    const twins = [
      { file: '/a/x.json', namePath: 'a/settings' },
      { file: '/b/x.json', namePath: 'b/settings' },
    ];
    expect(locateNode('/App/settings/port', twins)).toBeUndefined();
  });

  it('splits on every separator and drops empty segments', () => {
    expect(splitNodePath(' /a// b \\c>d\uFFFDe/ ')).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('maps no node path over 4,096 characters or 128 segments, each [n] counting as one', () => {
    expect(boundedNodePath(`/a/${'b'.repeat(4000)}/c`)).toHaveLength(3);
    expect(boundedNodePath(`/a/${'b'.repeat(4100)}`)).toBeUndefined();
    expect(boundedNodePath('/x'.repeat(128))).toHaveLength(128);
    expect(boundedNodePath('/x'.repeat(129))).toBeUndefined();
    expect(boundedNodePath(`/app/servers${'[0]'.repeat(126)}`)).toHaveLength(2);
    expect(boundedNodePath(`/app/servers${'[0]'.repeat(127)}`)).toBeUndefined();
  });

  it('locates among 20,000 uploaded files without comparing the path with each of them', () => {
    const files = Array.from({ length: 20_000 }, (_, i) => ({ file: `/repo/c/f${i}.json`, namePath: `app/f${i}` }));
    const locator = new NodeLocator(files);
    const started = performance.now();
    for (let i = 0; i < 2_000; i++) {
      expect(locator.locate(splitNodePath(`/App/components/app/f${i * 10}/port`))?.file).toBe(
        `/repo/c/f${i * 10}.json`,
      );
    }
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('expandIndexes', () => {
  it('splits trailing [n] indexes off a segment and leaves anything else whole', () => {
    expect(expandIndexes(['servers[0]', '[1][2]', 'a[b]', 'x[1]]', 'y]', 'z[]', 'w[01]'])).toEqual([
      'servers',
      '0',
      '1',
      '2',
      'a[b]',
      'x[1]]',
      'y]',
      'z[]',
      'w',
      '01',
    ]);
  });

  it('takes linear time on 100,000 indexes in one segment', () => {
    const started = performance.now();
    expect(expandIndexes([`port${'[0]'.repeat(100_000)}`]).length).toBe(100_001);
    expect(expandIndexes([`port${'[0'.repeat(100_000)}x]`]).length).toBe(1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('repositoryPath', () => {
  it('gives the path relative to the repository root with forward slashes', () => {
    expect(repositoryPath('/home/runner/work/r/r/config/a.json', '/home/runner/work/r/r')).toBe('config/a.json');
    expect(repositoryPath('config/a.json', '/ws')).toBe('config/a.json');
    expect(repositoryPath('/elsewhere/a.json', '/ws')).toBeUndefined();
  });

  it('handles Windows paths from a Windows runner on any runner', () => {
    expect(repositoryPath('D:\\a\\repo\\repo\\config\\db\\settings.json', 'D:\\a\\repo\\repo')).toBe(
      'config/db/settings.json',
    );
    expect(repositoryPath('C:\\other\\settings.json', 'D:\\a\\repo\\repo')).toBeUndefined();
    expect(repositoryPath('config\\db\\settings.json', '/ws')).toBe('config/db/settings.json');
  });
});

describe('lineOfKeyPath', () => {
  const json =
    '{\n  "host": "db",\n  "pool": {\n    "max": 5\n  },\n  "servers": [\n    {"name": "web-1", "port": 80},\n    {\n      "name": "web-2",\n      "port": 8080\n    }\n  ]\n}\n';
  const yaml = 'ttl: 300\nlimits:\n  size: 1024\n  items:\n    - name: a\n      max: 1\n    - name: b\n      max: 2\n';

  it('finds keys, nested keys, array items by index and by identifying value, in JSON', async () => {
    expect(await lineOfKeyPath(json, ['host'], 'a.json')).toBe(2);
    expect(await lineOfKeyPath(json, ['pool', 'max'], 'a.json')).toBe(4);
    expect(await lineOfKeyPath(json, ['servers[1]', 'port'], 'a.json')).toBe(10);
    expect(await lineOfKeyPath(json, ['servers', 'web-2', 'port'], 'a.json')).toBe(10);
    expect(await lineOfKeyPath(json, ['servers', '0'], 'a.json')).toBe(7);
  });

  it('finds keys in YAML, and the deepest line reached when a key is missing', async () => {
    expect(await lineOfKeyPath(yaml, ['limits', 'size'], 'a.yml')).toBe(3);
    expect(await lineOfKeyPath(yaml, ['limits', 'items', 'b', 'max'], 'a.yaml')).toBe(8);
    expect(await lineOfKeyPath(yaml, ['limits', 'missing'], 'a.yaml')).toBe(2);
    expect(await lineOfKeyPath(yaml, ['LIMITS', 'Size'], 'a.yaml')).toBe(3);
  });

  it('gives line 1 for other formats and for text that does not parse', async () => {
    expect(await lineOfKeyPath('a=1\nb=2\n', ['b'], 'a.properties')).toBe(1);
    expect(await lineOfKeyPath('{"a": ', ['a'], 'a.json')).toBe(1);
    expect(await lineOfKeyPath(json, [], 'a.json')).toBe(1);
  });
});
