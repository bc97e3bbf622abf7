// The release workflow's logic, kept out of YAML so it is tested: the notes of a version from CHANGELOG.md, and
// the major tag a release moves.
//   node scripts/release.mjs notes v1.2.3 [--changelog FILE]   prints the version's CHANGELOG section
//   node scripts/release.mjs major v1.2.3                      prints v1
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TAG = /^v(\d+)\.(\d+)\.(\d+)$/;

/** `v1.2.3` → `v1`; anything that is not a plain release tag is refused. */
export function majorTag(tag) {
  const match = TAG.exec(tag);
  if (!match) throw new Error(`'${tag}' is not a release tag: expected vMAJOR.MINOR.PATCH, e.g. v1.2.3`);
  return `v${match[1]}`;
}

/** The body under `## [1.2.3]` (or `## 1.2.3`) up to the next `## ` heading; an error when missing or empty. */
export function releaseNotes(changelog, tag) {
  majorTag(tag);
  const version = tag.slice(1);
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) throw new Error(`CHANGELOG.md has no '## [${version}]' section: add the release notes first`);
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  const body = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
  if (!body) throw new Error(`CHANGELOG.md's '## [${version}]' section is empty`);
  return `${body}\n`;
}

function main(argv) {
  const [command, tag, ...rest] = argv;
  const at = rest.indexOf('--changelog');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const changelogPath = at >= 0 ? rest[at + 1] : path.join(root, 'CHANGELOG.md');
  if (command === 'major') return majorTag(tag ?? '');
  if (command === 'notes') return releaseNotes(readFileSync(changelogPath, 'utf8'), tag ?? '');
  throw new Error('usage: release.mjs notes|major vX.Y.Z [--changelog FILE]');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${main(process.argv.slice(2)).trimEnd()}\n`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
