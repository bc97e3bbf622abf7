/** The gate's outputs and summary: bounded findings, verdict first, long lists folded, vendor text kept inert. */
import { describe, expect, it } from '@jest/globals';
import type { Outputs, OutputValue } from '../../../shared/report/outputs.js';
import { outputText } from '../../../shared/report/outputs.js';
import { Summary } from '../../../shared/report/summary.js';
import {
  annotateFindings,
  boundedFindings,
  FINDINGS_OUTPUT_LIMIT_BYTES,
  setGateOutputs,
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

function memoryOutputs(): Outputs & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, values: map, set: (name: string, value: OutputValue) => map.set(name, outputText(value)) };
}

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
    const outputs = memoryOutputs();
    const logger = new MemoryLogger();
    setGateOutputs(outputs, result(many), logger, true);
    expect(outputs.map.get('failures')).toBe('20000');
    expect(outputs.map.get('snapshot-name')).toBe('Production-v3.dpl');
    expect(outputs.map.get('published')).toBe('[]');
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
  it('opens with the verdict, then folds a long list of findings by policy', () => {
    const summary = new Summary();
    summarizeGate(summary, [SNAPSHOT], result(Array.from({ length: 7 }, (_, i) => finding(i))));
    const text = summary.toMarkdown();
    expect(text.indexOf('| Production | Production-v3.dpl | ❌ failed | 7 | 0 | 0 | no |')).toBeGreaterThan(0);
    expect(text).toContain('<details><summary>**PortRange** — 7 finding(s)</summary>');
    expect(text).toContain('- ❌ failure `config/s.json:1` — finding 0 (Production)');
    expect(text.indexOf('<details>')).toBeGreaterThan(text.indexOf('| Production |'));
  });

  it('keeps vendor text from becoming HTML in the summary', () => {
    const summary = new Summary();
    summarizeGate(summary, [SNAPSHOT], result([finding(1, { description: '<img src=x onerror=alert(1)>' })]));
    expect(summary.toMarkdown()).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
