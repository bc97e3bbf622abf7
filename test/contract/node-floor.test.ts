/**
 * The Node.js floor is one version everywhere: package.json `engines`, `.node-version`, the lowest Node CI tests,
 * and what README and CONTRIBUTING tell a user. And `npm ci` on that floor warns about no locked package: every
 * package's own `engines.node` accepts the floor's lowest version.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from './action-contract.js';

// semver has no types installed here; the two functions used are typed below.
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string } };
const lock = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};
const floor = semver.minVersion(pkg.engines.node)?.version ?? '';
const floorMajor = floor.split('.')[0];

test('package.json states a floor', () => {
  expect(floor).toMatch(/^\d+\.\d+\.\d+$/);
});

test('every locked package runs on the floor, so npm ci there warns about no engine', () => {
  const refused = Object.entries(lock.packages).flatMap(([name, entry]) => {
    const range = !entry.engines || Array.isArray(entry.engines) ? undefined : entry.engines.node;
    return range && !semver.satisfies(floor, range) ? [`${name}@${entry.version} needs node ${range}`] : [];
  });
  expect(refused).toEqual([]);
});

test('.node-version, the CI matrix, README and CONTRIBUTING state the same floor', () => {
  expect(read('.node-version').trim()).toBe(floorMajor);
  const matrix = /node: \[([^\]]*)\]/.exec(read('.github/workflows/ci.yml'))?.[1] ?? '';
  expect(Math.min(...matrix.split(',').map(Number))).toBe(Number(floorMajor));
  for (const file of ['README.md', 'CONTRIBUTING.md']) {
    expect(read(file)).toMatch(new RegExp(`Node\\.js ${floor.replace(/(\.0)+$/, '').replace(/\./g, '\\.')} or later`));
  }
});
