/**
 * Every action's README says which vendor roles and permissions its user needs, in a "Permissions and roles"
 * section that says "as documented by the vendor" where the vendor documents them and "not documented" where not. The ServiceNow actions that read the CDM tables through
 * the Table API name every table the code reads, so a new table read cannot go unsaid.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './action-contract.js';

const ACTIONS = readdirSync(join(REPO_ROOT, 'actions'));
/** The actions whose flows read CDM records through the Table API (the validation gate). */
const TABLE_READERS = ['cdm-validate', 'cdm-upload'];

function rolesSection(action: string): string {
  const readme = readFileSync(join(REPO_ROOT, 'actions', action, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Permissions and roles\n');
  if (start < 0) return '';
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The tables named in `table: '...'` or as a Table API path in the ServiceNow vendor modules. */
function tablesTheCodeReads(): string[] {
  const folder = join(REPO_ROOT, 'shared', 'vendors', 'servicenow');
  const names = new Set<string>();
  for (const file of readdirSync(folder)) {
    for (const match of readFileSync(join(folder, file), 'utf8').matchAll(/'(sn_cdm_[a-z_]+)'/g)) names.add(match[1]);
  }
  return [...names].sort();
}

test.each(ACTIONS)('%s README has a Permissions and roles section that says what the vendor documents', (action) => {
  const section = rolesSection(action);
  expect(section).not.toBe('');
  expect(section).toMatch(/as documented by the vendor|not documented/);
});

test('the ServiceNow modules read CDM tables (the list below is not empty by accident)', () => {
  expect(tablesTheCodeReads().length).toBeGreaterThanOrEqual(4);
});

test.each(TABLE_READERS)('%s README names every table the gate reads through the Table API', (action) => {
  const section = rolesSection(action);
  for (const table of tablesTheCodeReads()) expect(section).toContain(`\`${table}\``);
});
