/**
 * The SARIF log validates against the SARIF 2.1.0 JSON schema (test/fixtures/sarif/sarif-schema-2.1.0.json, the
 * sarif-2.1.0-rtm.5 schema as shipped by the npm package @microsoft/jest-sarif 1.0.0-beta.0, MIT), and its
 * fingerprints stay the same from one snapshot to the next.
 */
import { describe, expect, it } from '@jest/globals';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSarif, fingerprint, ruleId } from '../../../shared/validation/sarif.js';
import type { Finding } from '../../../shared/validation/types.js';

const SCHEMA = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/sarif/sarif-schema-2.1.0.json',
);

// CommonJS packages: their default export is on `.default`.
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

function validator() {
  // The schema's `language` pattern is not valid with the u flag; JSON Schema draft-04 patterns are ECMA 262 ones.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
}

const FINDINGS: Finding[] = [
  {
    deployable: 'Production',
    snapshot: 'Production-v7.dpl',
    policy: 'Port Range',
    severity: 'failure',
    description: 'port is outside the allowed range',
    nodePath: '/PaymentApp/components/paymentSettings/db/settings/port',
    file: 'config/db/settings.json',
    line: 3,
  },
  {
    deployable: 'Production',
    snapshot: 'Production-v7.dpl',
    policy: 'Naming',
    severity: 'warning',
    description: 'deprecated value',
    nodePath: '/PaymentApp/deployables/Production',
  },
  {
    deployable: 'Production',
    snapshot: 'Production-v7.dpl',
    policy: 'Port Range',
    severity: 'exception',
    description: 'approved exception',
    nodePath: '/PaymentApp/components/x/y',
    file: 'config/my file.yaml',
    line: 1,
  },
];

describe('SARIF', () => {
  it('validates against the SARIF 2.1.0 schema, with one rule per policy and locations only where mapped', () => {
    const sarif = buildSarif(FINDINGS, { toolVersion: 'v1' }) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: Record<string, unknown>[] }[];
    };
    const validate = validator();
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    const [run] = sarif.runs;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['cdm-policy/Port-Range', 'cdm-policy/Naming']);
    expect(run.results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['cdm-policy/Port-Range', 0, 'error'],
      ['cdm-policy/Naming', 1, 'warning'],
      ['cdm-policy/Port-Range', 0, 'note'],
    ]);
    expect(run.results[0].locations).toEqual([
      {
        physicalLocation: { artifactLocation: { uri: 'config/db/settings.json' }, region: { startLine: 3 } },
      },
    ]);
    expect(run.results[1].locations).toBeUndefined();
    expect(run.results[2].locations).toEqual([
      expect.objectContaining({
        physicalLocation: expect.objectContaining({ artifactLocation: { uri: 'config/my%20file.yaml' } }),
      }),
    ]);
  });

  it('percent-encodes # and ? in a file name, so the URI points at the file and not at a fragment or query', () => {
    const sarif = buildSarif([{ ...FINDINGS[0], file: 'config/prod #1?/a b(2).json' }]) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const { uri } = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(uri).toBe('config/prod%20%231%3F/a%20b%282%29.json');
    expect(decodeURIComponent(uri)).toBe('config/prod #1?/a b(2).json');
  });

  it('the schema check can fail: a result without a message is refused', () => {
    const sarif = buildSarif(FINDINGS) as { runs: { results: Record<string, unknown>[] }[] };
    delete sarif.runs[0].results[0].message;
    expect(validator()(sarif)).toBe(false);
  });

  it('keeps the fingerprint when only the snapshot changes, and changes it with the finding', () => {
    const next = { ...FINDINGS[0], snapshot: 'Production-v8.dpl', line: 4 };
    expect(fingerprint(next)).toBe(fingerprint(FINDINGS[0]));
    expect(fingerprint({ ...FINDINGS[0], nodePath: '/other' })).not.toBe(fingerprint(FINDINGS[0]));
    expect(ruleId('  ')).toBe('cdm-policy/unnamed');
  });
});
