// Prints the Inputs and Outputs tables of an action's README from its action.yml (the contract test keeps them equal):
//   node scripts/readme-tables.mjs cdm-upload
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const name = process.argv[2];
if (!name) throw new Error('usage: node scripts/readme-tables.mjs <action>');
const action = parse(readFileSync(`actions/${name}/action.yml`, 'utf8'));
const cell = (text) =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

console.log('## Inputs\n\n| Input | Required | Default | Description |\n| --- | --- | --- | --- |');
for (const [input, spec] of Object.entries(action.inputs ?? {})) {
  const def = spec.default === undefined ? '' : `\`${spec.default}\``;
  console.log(`| \`${input}\` | ${spec.required ? 'yes' : 'no'} | ${def} | ${cell(spec.description)} |`);
}
console.log('\n## Outputs\n\n| Output | Description |\n| --- | --- |');
for (const [output, spec] of Object.entries(action.outputs ?? {}))
  console.log(`| \`${output}\` | ${cell(spec.description)} |`);
