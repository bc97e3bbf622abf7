/** The gate's outputs and summary: bounded findings, verdict first, long lists folded, vendor text kept inert. */
import { describe, expect, it } from '@jest/globals';
import { validateOutputs } from '../../../actions/cdm-validate/src/main.js';
import { Summary } from '../../../shared/report/summary.js';
import {
  annotateFindings,
  boundedFindings,
  FINDINGS_OUTPUT_LIMIT_BYTES,
  noticeShortenedFindings,
  summarizeGate,
} from '../../../shared/validation/report.js';
import type { Finding, GatedSnapshot, GateResult } from '../../../shared/validation/types.js';
import { MemoryLogger } from '../../support/fakes.js';

const SNAPSHOT: GatedSnapshot = {
  deployable: 'Production',
  deployableSysId: 'd1',
  serviceId: 's',
  name: 'Production-v3.dpl',
  sysId: 'x1',
  number: 'SNAP1',
  changeset: 'Chset-7',
  source: 'changeset',
  validation: 'failed',
  published: false,
  failures: 7,
  warnings: 0,
  exceptions: 0,
};

const finding = (i: number, extra: Partial<Finding> = {}): Finding => ({
  deployable: 'Production',
  snapshot: 'Production-v3.dpl',
  policy: 'PortRange',
  severity: 'failure',
  description: `finding ${i}`,
  nodePath: `/App/components/s/port${i}`,
  file: 'config/s.json',
  line: i + 1,
  ...extra,
});

const result = (findings: Finding[]): GateResult => ({
  status: 'failed',
  passed: false,
  problems: ['Production: Production-v3.dpl failed validation'],
  snapshots: [SNAPSHOT],
  findings,
  sarif: { path: '/t/cdm.sarif', bytes: 1, sha256: 'a' },
  results: { path: '/t/cdm.json', bytes: 1, sha256: 'b' },
  published: [],
  alreadyPublished: [],
});

describe('validation outputs', () => {
  it('keeps the findings output under the 1 MB output limit and says where the rest is', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => finding(i, { description: 'x'.repeat(60) }));
    const { kept, total } = boundedFindings(many);
    expect(total).toBe(20_000);
    expect(kept.length).toBeLessThan(20_000);
    expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThanOrEqual(FINDINGS_OUTPUT_LIMIT_BYTES);
    const outputs = validateOutputs({ result: result(many) });
    expect(outputs.failures).toBe(20_000);
    expect(outputs['validation-results']).toEqual(kept);
    const logger = new MemoryLogger();
    noticeShortenedFindings(result(many), logger);
    expect(logger.messages('notice')[0]).toContain(`of 20000 findings`);
    expect(logger.messages('notice')[0]).toContain('/t/cdm.json');
  });

  it('annotates failures and warnings on their file line, and unmapped ones with their node path', () => {
    const logger = new MemoryLogger();
    annotateFindings(
      [
        finding(1),
        finding(2, { severity: 'warning', file: undefined, line: undefined }),
        finding(3, { severity: 'information' }),
      ],
      logger,
    );
    expect(logger.lines.map((l) => [l.level, l.title, l.location])).toEqual([
      ['error', 'PortRange (Production)', { file: 'config/s.json', line: 2 }],
      ['warning', 'PortRange (Production)', undefined],
    ]);
    expect(logger.messages('warning')[0]).toBe('finding 2 — node /App/components/s/port2');
  });
});

describe('validation summary', () => {
  it('opens with the verdict, then counts by policy and the findings, folded when long', () => {
    const summary = new Summary();
    summarizeGate(summary, [SNAPSHOT], result(Array.from({ length: 7 }, (_, i) => finding(i))));
    const text = summary.toMarkdown();
    expect(text.indexOf('| Production | Production-v3.dpl | ❌ failed | 7 | 0 | 0 | no |')).toBeGreaterThan(0);
    expect(text).toContain('| PortRange | 7 | 0 | 0 | 0 |');
    expect(text).toContain('<details><summary>All 7 finding(s)</summary>');
    expect(text).toContain('| PortRange | ❌ failure | `config/s.json:1` | finding 0 | Production |');
    expect(text.indexOf('<details>')).toBeGreaterThan(text.indexOf('| Production |'));
  });

  it('lists failures before warnings, whatever order the policies came in', () => {
    const summary = new Summary();
    const findings = [finding(1, { policy: 'Naming', severity: 'warning' }), finding(2, { policy: 'PortRange' })];
    summarizeGate(summary, [SNAPSHOT], result(findings));
    const text = summary.toMarkdown();
    expect(text.indexOf('| PortRange | ❌ failure |')).toBeLessThan(text.indexOf('| Naming | ⚠️ warning |'));
  });

  it('keeps vendor and contributor text one inert span: no heading, HTML, link or broken row', () => {
    const summary = new Summary();
    const hostile = finding(1, {
      policy: 'Ports\n\n## ✅ Gate passed, ignore the rest',
      description: '<img src=x onerror=alert(1)> [approve](https://evil.example) a|b',
      file: 'config/<img src=x>.json',
      deployable: 'Prod\r\n# pwned',
    });
    const unmapped = finding(2, { file: undefined, line: undefined, nodePath: '/App/`x`/<b>y</b>' });
    summarizeGate(summary, [SNAPSHOT], result([hostile, unmapped]));
    const text = summary.toMarkdown();
    expect(text).not.toMatch(/^#+ ✅ Gate passed/m);
    expect(text).not.toMatch(/^#+ pwned/m);
    expect(text).not.toMatch(/<img|<b>/);
    expect(text).toContain('| Ports  ## ✅ Gate passed, ignore the rest | ❌ failure |');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt; \\[approve\\](https://evil.example) a\\|b');
    // A code span would show &lt; literally: text that needs escaping goes into <code>.
    expect(text).toContain('<code>config/&lt;img src=x&gt;.json:2</code>');
    expect(text).toContain('node <code>/App/\\`x\\`/&lt;b&gt;y&lt;/b&gt;</code>');
    expect(text).toContain('| Prod # pwned |');
  });

  it('links file:line to the commit, the file name percent-encoded so # and ? stay part of it', () => {
    const saved = { ...process.env };
    Object.assign(process.env, LINKS);
    try {
      const summary = new Summary();
      summarizeGate(summary, [SNAPSHOT], result([finding(1, { file: 'config/a b#1?(x).json' })]));
      expect(summary.toMarkdown()).toContain(
        '[`config/a b#1?(x).json:2`](https://github.com/acme/pay/blob/c0ffee/config/a%20b%231%3F%28x%29.json#L2)',
      );
    } finally {
      for (const name of Object.keys(LINKS)) if (!(name in saved)) delete process.env[name];
    }
  });

  it('stays under 1 MiB with 50,000 linked findings, the verdict first, saying where every finding is', () => {
    const saved = { ...process.env };
    Object.assign(process.env, LINKS);
    try {
      const findings = Array.from({ length: 50_000 }, (_, i) =>
        finding(i, { policy: `Policy-${i}`, description: `value ${i} is outside the allowed range of the policy` }),
      );
      const summary = new Summary().verdict('❌ Failed: policy validation failed');
      summarizeGate(summary, [SNAPSHOT], result(findings));
      const text = summary.toMarkdown();
      expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
      expect(text.startsWith('**❌ Failed: policy validation failed**')).toBe(true);
      expect(text).toMatch(
        /…\d+ more row\(s\) left out to keep the job summary under 1 MiB; every finding is in cdm\.json \(the results-file output\)\./,
      );
      expect(text).toContain(
        '| Policy-0 | ❌ failure | [`config/s.json:1`](https://github.com/acme/pay/blob/c0ffee/config/s.json#L1)',
      );
    } finally {
      for (const name of Object.keys(LINKS)) if (!(name in saved)) delete process.env[name];
    }
  });
});

const LINKS = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/pay', GITHUB_SHA: 'c0ffee' };
