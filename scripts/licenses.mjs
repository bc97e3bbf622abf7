// The third-party licences of everything webpack put into a bundle (dist/licenses.txt), read from ncc's stats.
// ncc's own `--license` misses the modules webpack concatenates into one scope (after @actions/core stopped pulling
// in undici at start-up, it dropped @actions/core itself), so the list is made from the bundled modules' paths.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The directory of every package (…/node_modules/name or …/node_modules/@scope/name) with a module in `stats`. */
export function bundledPackageDirs(stats) {
  const dirs = new Set();
  const visit = (modules) => {
    for (const module of modules ?? []) {
      visit(module.modules);
      const file = module.nameForCondition?.replaceAll('\\', '/');
      const at = file?.lastIndexOf('/node_modules/') ?? -1;
      if (at < 0) continue;
      const [first, second] = file.slice(at + '/node_modules/'.length).split('/');
      dirs.add(file.slice(0, at) + '/node_modules/' + (first.startsWith('@') ? `${first}/${second}` : first));
    }
  };
  visit(stats.modules);
  for (const chunk of stats.chunks ?? []) visit(chunk.modules);
  return [...dirs];
}

/** `name@version`, the licence named in package.json, and the package's licence file (when it has one). */
export function licenseEntry(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const declared = typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'UNKNOWN');
  const file = readdirSync(dir)
    .sort()
    .find((name) => /^(licen[cs]e|copying)(\.|-|$)/i.test(name));
  const text = file
    ? readFileSync(path.join(dir, file), 'utf8').replace(/\r\n?/g, '\n').trim()
    : '(the package has no licence file)';
  return {
    name: `${manifest.name}@${manifest.version}`,
    text: `${manifest.name}@${manifest.version}\n${declared}\n${text}\n`,
  };
}

/** Writes `file` with one entry per bundled package, sorted by name. */
export function writeLicenses(stats, file) {
  const entries = new Map();
  for (const dir of bundledPackageDirs(stats)) {
    const entry = licenseEntry(dir);
    entries.set(entry.name, entry.text);
  }
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, text]) => text);
  writeFileSync(file, sorted.join('\n'));
}
