/** Every workflow in .github/workflows parses against GitHub's workflow schema (the lint a push would get). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWorkflow } from '@actions/workflow-parser';
import { REPO_ROOT } from './action-contract.js';

const silentTrace = { error() {}, info() {}, verbose() {} };

function workflowErrors(name: string, content: string): string[] {
  const result = parseWorkflow({ name, content }, silentTrace);
  return result.context.errors.getErrors().map((error) => error.message);
}

const WORKFLOWS = join(REPO_ROOT, '.github', 'workflows');
const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));

test('the repository has its CI, sandbox and release workflows', () => {
  expect(files).toEqual(expect.arrayContaining(['ci.yml', 'actions.yml', 'release.yml']));
});

test.each(files)('.github/workflows/%s follows the workflow schema', (name) => {
  expect(workflowErrors(name, readFileSync(join(WORKFLOWS, name), 'utf8'))).toEqual([]);
});

test('a workflow with an unknown key and no jobs is reported', () => {
  const errors = workflowErrors('bad.yml', 'on: push\nrun-on: ubuntu-latest\n');
  expect(errors.length).toBeGreaterThan(0);
});

test('the release workflow runs on version tags only and may write contents', () => {
  const release = readFileSync(join(WORKFLOWS, 'release.yml'), 'utf8');
  expect(release).toMatch(/tags: \['v\[0-9\]\+\.\[0-9\]\+\.\[0-9\]\+'\]/);
  expect(release).toMatch(/contents: write/);
  expect(release).toMatch(/npm run check-dist/);
  expect(release).toMatch(/scripts\/release\.mjs notes "\$TAG"/);
  expect(release).toMatch(/scripts\/release\.mjs major "\$TAG"/);
});
