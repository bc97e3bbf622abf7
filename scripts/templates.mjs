// Writes templates/<action>.yml, the GitLab CI/CD component of each action, from its action.yml (the contract test
// keeps them equal):
//   node scripts/templates.mjs                 write every template
//   node scripts/templates.mjs --print <name>  print one to stdout
//
// A component's inputs are interpolated into the YAML, so a secret never is one: it comes from a masked CI/CD
// variable CONFIG_PROMOTION_<NAME>, which the command reads itself. The other inputs reach the shell only as job
// variables ("$CP_INPUT_..."), never as text in the script, so no value can break out of its quotes; an empty one
// passes no flag at all, so the command's own default and CONFIG_PROMOTION_* variables still apply.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { parse, stringify } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The inputs that hold a secret: they never become component inputs. */
export const SECRET_INPUTS = new Set(['password', 'token', 'source-password', 'target-password', 'github-token']);

/** Actions whose gate findings make a Code Quality report (cdm-upload only with `validate: true`). */
const CODE_QUALITY = new Set(['cdm-upload', 'cdm-validate']);

/** Files each action writes at its default place (off GitHub: the working directory), kept as artifacts. */
const WRITTEN_FILES = {
  'cdm-export': ['cdm-export/'],
  'cdm-upload': ['cdm-validation*.sarif', 'cdm-validation*.json'],
  'cdm-validate': ['cdm-validation*.sarif', 'cdm-validation*.json'],
  'dev2prod-promote': ['*.zip'],
};

/** The report files every job asks the command for, in one folder a job empties first (artifacts of earlier jobs). */
const REPORTS = 'config-promotion';
const DOTENV = 'config-promotion.env';

/** A current Node LTS, the same major as the actions' runtime (node24). */
const IMAGE = 'node:24-slim';

const variable = (input) => `CP_INPUT_${input.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
const oneLine = (text) =>
  String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();

export function actionNames() {
  return readdirSync(path.join(ROOT, 'actions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The major of package.json's version: `cli` runs that line of the published command. */
function major() {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return String(version).split('.')[0];
}

export async function renderTemplate(name) {
  const action = parse(readFileSync(path.join(ROOT, 'actions', name, 'action.yml'), 'utf8'));
  const inputs = Object.entries(action.inputs ?? {}).filter(([input]) => !SECRET_INPUTS.has(input));
  const secrets = Object.keys(action.inputs ?? {}).filter((input) => SECRET_INPUTS.has(input));

  const spec = {
    stage: { description: 'The stage the job runs in.', default: 'test' },
    'job-name': { description: "The job's name.", default: name },
    cli: {
      description: 'The command that runs the action, e.g. `node path/to/cli/dist/index.js` for a checkout.',
      default: `npx --yes config-promotion@${major()}`,
    },
    image: { description: 'The image the job runs in (a Node LTS image).', default: IMAGE },
  };
  for (const [input, meta] of inputs) {
    // Without a default GitLab requires the input; an optional input is "not given" when empty. A GitHub expression
    // (`${{ github.token }}`) means "not given" off GitHub.
    const given = meta.default !== undefined && !/^\s*\$\{\{/.test(String(meta.default));
    spec[input] = {
      description: oneLine(meta.description),
      ...(meta.required ? {} : { default: given ? String(meta.default) : '' }),
    };
  }

  const flags = inputs.map(([input]) => `\${${variable(input)}:+--${input}="$${variable(input)}"}`);
  const reportFlags = [
    `--outputs-file ${REPORTS}/outputs.json`,
    `--summary-file ${REPORTS}/summary.md`,
    `--junit-file ${REPORTS}/junit.xml`,
    ...(CODE_QUALITY.has(name) ? [`--codequality-file ${REPORTS}/code-quality.json`] : []),
  ];
  const job = {
    stage: '$[[ inputs.stage ]]',
    image: '$[[ inputs.image ]]',
    variables: Object.fromEntries(inputs.map(([input]) => [variable(input), `$[[ inputs.${input} ]]`])),
    script: [
      `rm -rf ${REPORTS} ${DOTENV} && mkdir ${REPORTS}`,
      [`$[[ inputs.cli ]] ${name} --host gitlab`, ...flags, ...reportFlags].join(' \\\n'),
    ],
    artifacts: {
      when: 'always',
      paths: [`${REPORTS}/`, DOTENV, ...(WRITTEN_FILES[name] ?? [])],
      reports: {
        dotenv: DOTENV,
        junit: `${REPORTS}/junit.xml`,
        ...(CODE_QUALITY.has(name) ? { codequality: `${REPORTS}/code-quality.json` } : {}),
      },
    },
  };

  const header = [
    `# ${oneLine(action.name)}: actions/${name} as a GitLab CI/CD component (see docs/gitlab.md).`,
    `# Generated from actions/${name}/action.yml by scripts/templates.mjs; do not edit by hand.`,
    ...(secrets.length > 0
      ? [
          `# Secrets are no inputs: set them as masked CI/CD variables ${secrets
            .map((input) => `CONFIG_PROMOTION_${input.toUpperCase().replace(/-/g, '_')}`)
            .join(', ')}.`,
        ]
      : []),
  ];
  const text = `${header.join('\n')}\n${stringify({ spec: { inputs: spec } }, { lineWidth: 0 })}---\n${stringify(
    { '$[[ inputs.job-name ]]': job },
    { lineWidth: 0 },
  )}`;
  const config = await prettier.resolveConfig(path.join(ROOT, 'templates', `${name}.yml`));
  return prettier.format(text, { ...config, parser: 'yaml' });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [flag, name] = process.argv.slice(2);
  if (flag === '--print') {
    if (!actionNames().includes(name)) throw new Error(`usage: node scripts/templates.mjs --print <action>`);
    process.stdout.write(await renderTemplate(name));
  } else {
    mkdirSync(path.join(ROOT, 'templates'), { recursive: true });
    for (const action of actionNames()) {
      writeFileSync(path.join(ROOT, 'templates', `${action}.yml`), await renderTemplate(action));
      console.log(`templates/${action}.yml`);
    }
  }
}
