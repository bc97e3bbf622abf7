/**
 * Every YAML example in the READMEs is a workflow, step or list of steps a user can copy as it is (see
 * readme-examples.ts for what is checked), and the checker finds each kind of defect in a fixture.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkReadmeExamples, yamlBlocks } from './readme-examples.js';
import { findActionDirs, REPO_ROOT } from './action-contract.js';

const readmes = [join(REPO_ROOT, 'README.md'), ...findActionDirs().map((dir) => join(dir, 'README.md'))];
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'readme-examples');

test.each(readmes.map((file) => relative(REPO_ROOT, file)))('%s: every YAML example is sound', (file) => {
  const path = join(REPO_ROOT, file);
  expect(yamlBlocks(readFileSync(path, 'utf8')).length).toBeGreaterThan(0);
  expect(checkReadmeExamples(path).map((problem) => problem.replace(`${REPO_ROOT}/`, ''))).toEqual([]);
});

test('the good fixture passes, its fragment skipped', () => {
  const path = join(FIXTURES, 'good.md');
  expect(yamlBlocks(readFileSync(path, 'utf8'))).toHaveLength(2);
  expect(checkReadmeExamples(path)).toEqual([]);
});

test.each([
  ['unknown-input.md', "unknown-input.md:2: job 'example': cdm-export has no input 'deployable'"],
  ['missing-input.md', "missing-input.md:2: job 'example': cdm-export needs input 'exporter-name'"],
  ['undefined-step.md', "undefined-step.md:2: job 'example': steps.changeset names no step of this job"],
  ['undefined-job.md', "undefined-job.md:2: job 'import': needs.dry-run names no job of this workflow"],
  [
    'run-expression.md',
    "run-expression.md:2: job 'example': a run: script holds ${{ }} (pass the value through env: instead)",
  ],
  ['no-permissions.md', "no-permissions.md:2: job 'export' has no permissions: block (nor has the workflow)"],
  ['schema-error.md', 'schema-error.md:2: workflow schema:'],
])('%s is reported', (fixture, expected) => {
  const problems = checkReadmeExamples(join(FIXTURES, fixture)).map((problem) => problem.replace(`${FIXTURES}/`, ''));
  expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
});
