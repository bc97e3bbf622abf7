/**
 * Every YAML example in the READMEs is a workflow, step or list of steps a user can copy as it is (see
 * cli/src/workflow-rules.ts for what is checked), and the checker finds each kind of defect in a fixture, on its
 * line, whatever the owner in `uses:`.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkFileText } from '../../cli/src/check-workflow.js';
import { checkReadmeExamples, repositoryActions, yamlBlocks } from './readme-examples.js';
import { findActionDirs, REPO_ROOT } from './action-contract.js';

const readmes = [join(REPO_ROOT, 'README.md'), ...findActionDirs().map((dir) => join(dir, 'README.md'))];
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'readme-examples');

test.each(readmes.map((file) => relative(REPO_ROOT, file)))('%s: every YAML example is sound', (file) => {
  const path = join(REPO_ROOT, file);
  expect(yamlBlocks(readFileSync(path, 'utf8')).length).toBeGreaterThan(0);
  expect(checkReadmeExamples(path).map((problem) => problem.replace(`${REPO_ROOT}/`, ''))).toEqual([]);
});

test.each(['good.md', 'someone-elses.md'])('%s passes', (fixture) => {
  expect(checkReadmeExamples(join(FIXTURES, fixture))).toEqual([]);
});

test('a fragment is skipped', () => {
  expect(yamlBlocks(readFileSync(join(FIXTURES, 'good.md'), 'utf8'))).toHaveLength(2);
});

const DEFECTS: [string, string][] = [
  ['unknown-input.md', "unknown-input.md:9: job 'example': cdm-export has no input 'deployable'"],
  ['missing-input.md', "missing-input.md:2: job 'example': cdm-export needs input 'exporter-name'"],
  ['undefined-step.md', "undefined-step.md:8: job 'example': steps.changeset names no step of this job"],
  ['undefined-job.md', "undefined-job.md:10: job 'import': needs.dry-run names no job of this workflow"],
  [
    'run-expression.md',
    "run-expression.md:9: job 'example': a run: script holds ${{ }} (pass the value through env: instead)",
  ],
  ['no-permissions.md', "no-permissions.md:4: job 'export' has no permissions: block (nor has the workflow)"],
  ['schema-error.md', "schema-error.md:7: workflow schema: Unexpected value 'run-on'"],
  ['other-owner.md', "other-owner.md:13: job 'example': steps.cdm has no output 'path'"],
  ['local-action.md', "local-action.md:7: job 'example': cdm-validate needs input 'app-name'"],
  ['renamed-action.md', "renamed-action.md:2: job 'example': there is no action 'cdm-exprot'"],
];

test.each(DEFECTS)('%s is reported on its line', (fixture, expected) => {
  const problems = checkReadmeExamples(join(FIXTURES, fixture)).map((problem) => problem.replace(`${FIXTURES}/`, ''));
  expect(problems).toContain(expected);
});

// The same defects whoever owns the copy the workflow uses, and from a checkout by folder.
const OWNERS = [
  'acme-corp/config-promotion-actions/actions/$1@v1',
  'me/promotion-fork/actions/$1@main',
  './actions/$1',
];
const OWNED = /owner\/config-promotion-actions\/actions\/([\w-]+)@v1/g;
const withOwner = DEFECTS.filter(([fixture]) =>
  readFileSync(join(FIXTURES, fixture), 'utf8').includes('owner/config-promotion-actions/actions/'),
);

test.each(OWNERS.flatMap((owner) => withOwner.map(([fixture, expected]) => [owner, fixture, expected])))(
  'uses: %s — %s is reported',
  (owner, fixture, expected) => {
    const text = readFileSync(join(FIXTURES, fixture), 'utf8').replace(OWNED, owner);
    const problems = checkFileText(fixture, text, repositoryActions()).map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(problems).toContain(expected);
  },
);
