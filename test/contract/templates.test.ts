/**
 * templates/<action>.yml, the GitLab CI/CD components, are generated from action.yml by scripts/templates.mjs: they
 * must be what the generator writes today, keep every non-secret input with its default, never take a secret, and
 * hand inputs to the command so that no value can run as shell.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { REPO_ROOT } from '../support/run-action.js';

const SECRETS = ['password', 'token', 'source-password', 'target-password', 'github-token'];
const actions = readdirSync(path.join(REPO_ROOT, 'actions')).sort();
const templateText = (action: string) => readFileSync(path.join(REPO_ROOT, 'templates', `${action}.yml`), 'utf8');

interface Template {
  spec: { inputs: Record<string, { default?: string; description?: string }> };
  job: {
    stage: string;
    image: string;
    variables: Record<string, string>;
    script: string[];
    artifacts: { when: string; paths: string[]; reports: Record<string, string> };
  };
}

function template(action: string): Template {
  const [header, body] = parseAllDocuments(templateText(action)).map((doc) => doc.toJS() as Record<string, unknown>);
  return { spec: header.spec as Template['spec'], job: body['$[[ inputs.job-name ]]'] as Template['job'] };
}

/** The job's command line run by `shell` with the component's variables, `cli` replaced by a printer of argv. */
function argvOf(action: string, shell: string, variables: Record<string, string>): string[] {
  const printer = `${process.execPath} -e "console.log(JSON.stringify(process.argv.slice(1)))"`;
  const line = template(action).job.script[1].replace('$[[ inputs.cli ]]', printer);
  const out = execFileSync(shell, ['-c', line], { env: { PATH: process.env.PATH, ...variables }, encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

it('there is one template per action and no other', () => {
  expect(readdirSync(path.join(REPO_ROOT, 'templates')).sort()).toEqual(actions.map((action) => `${action}.yml`));
});

describe.each(actions)('templates/%s.yml', (action) => {
  const contract = parse(readFileSync(path.join(REPO_ROOT, 'actions', action, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { required?: boolean; default?: string }>;
  };

  it('is what scripts/templates.mjs generates from action.yml (run it after changing action.yml)', () => {
    const generated = execFileSync(process.execPath, ['scripts/templates.mjs', '--print', action], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(templateText(action)).toBe(generated);
  });

  it('has every input but the secrets, with the same defaults, plus stage, job-name, cli and image', () => {
    const { inputs } = template(action).spec;
    const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
      .version;
    expect(inputs.cli.default).toBe(`npx --yes config-promotion@${version.split('.')[0]}`);
    expect(inputs['job-name'].default).toBe(action);
    expect(inputs.image.default).toMatch(/^node:\d*[02468](-|$)/);
    const expected = Object.entries(contract.inputs)
      .filter(([input]) => !SECRETS.includes(input))
      .map(([input, meta]) => {
        if (meta.required) return [input, undefined];
        const expression = String(meta.default ?? '').startsWith('${{');
        return [input, meta.default === undefined || expression ? '' : String(meta.default)];
      });
    expect(
      Object.entries(inputs)
        .filter(([input]) => !['stage', 'job-name', 'cli', 'image'].includes(input))
        .map(([input, meta]) => [input, meta.default]),
    ).toEqual(expected);
    for (const secret of SECRETS) expect(inputs[secret]).toBeUndefined();
  });

  it('interpolates no input into the shell but cli, and declares its reports and files as artifacts', () => {
    const { job } = template(action);
    expect(job.script.join('\n').match(/\$\[\[[^\]]*\]\]/g)).toEqual(['$[[ inputs.cli ]]']);
    expect(job.script[1]).toMatch(new RegExp(`^\\$\\[\\[ inputs\\.cli \\]\\] ${action} --host gitlab `));
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports.dotenv).toBe('config-promotion.env');
    expect(job.artifacts.reports.junit).toBe('config-promotion/junit.xml');
    const gate = ['cdm-upload', 'cdm-validate'].includes(action);
    expect(job.artifacts.reports.codequality).toBe(gate ? 'config-promotion/code-quality.json' : undefined);
    expect(job.artifacts.paths).toEqual(expect.arrayContaining(['config-promotion/', 'config-promotion.env']));
  });
});

describe.each(['sh', 'bash'])('the job command line under %s', (shell) => {
  it('passes each given input as one flag, whatever it holds, and an empty one as no flag', () => {
    const hostile = `a"b' $(touch pwned) \`id\` $HOME; x=--timeout`;
    const argv = argvOf('cdm-export', shell, {
      CP_INPUT_INSTANCE_URL: 'https://acme.service-now.com',
      CP_INPUT_APP_NAME: hostile,
      CP_INPUT_DEPLOYABLE_NAME: 'Production',
      CP_INPUT_EXPORTER_NAME: '-x',
      CP_INPUT_SNAPSHOT_NAME: '',
      CP_INPUT_TIMEOUT: '30m',
    });
    expect(argv).toEqual([
      'cdm-export',
      '--host',
      'gitlab',
      '--instance-url=https://acme.service-now.com',
      `--app-name=${hostile}`,
      '--deployable-name=Production',
      '--exporter-name=-x',
      '--timeout=30m',
      '--outputs-file',
      'config-promotion/outputs.json',
      '--summary-file',
      'config-promotion/summary.md',
      '--junit-file',
      'config-promotion/junit.xml',
    ]);
  });
});
