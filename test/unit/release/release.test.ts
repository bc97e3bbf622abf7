/** The release workflow's script: notes from CHANGELOG.md and the major tag, run as the workflow runs it. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/run-action.js';

const SCRIPT = join(REPO_ROOT, 'scripts', 'release.mjs');

function release(...args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const CHANGELOG = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '- not yet',
  '',
  '## [1.2.0] - 2026-12-01',
  '',
  '### Fixed',
  '- The dry run gate fails closed.',
  '',
  '## [1.1.10] - 2026-11-01',
  '',
  '- Older.',
  '',
  '## [1.1.1] - 2026-10-01',
  '',
].join('\n');

let dir: string;
let changelog: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'release-'));
  changelog = join(dir, 'CHANGELOG.md');
  writeFileSync(changelog, CHANGELOG);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the notes are the version section, without its heading or the next one', () => {
  expect(release('notes', 'v1.2.0', '--changelog', changelog)).toEqual({
    code: 0,
    stdout: '### Fixed\n- The dry run gate fails closed.\n',
    stderr: '',
  });
});

test('v1.1.1 does not pick up the v1.1.10 section', () => {
  const result = release('notes', 'v1.1.1', '--changelog', changelog);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("'## [1.1.1]' section is empty");
});

test('a version without a section fails the release', () => {
  const result = release('notes', 'v9.0.0', '--changelog', changelog);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("CHANGELOG.md has no '## [9.0.0]' section");
});

test('the major tag of v1.2.0 is v1; a pre-release or malformed tag is refused', () => {
  expect(release('major', 'v1.2.0').stdout).toBe('v1\n');
  expect(release('major', 'v12.0.3').stdout).toBe('v12\n');
  for (const tag of ['v1.2', 'v1.2.0-rc.1', '1.2.0', 'v1']) {
    const result = release('major', tag);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a release tag');
  }
});

test("the repository's CHANGELOG.md has notes for the package's version", () => {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  expect(release('notes', `v${version}`).code).toBe(0);
});
