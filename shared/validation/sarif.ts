/**
 * Findings as a SARIF 2.1.0 log for GitHub code scanning: one rule per policy; a physical location (relative to
 * the repository root) for each finding mapped to a file, none for the others; and partial fingerprints built from
 * what stays the same between runs (policy, deployable, node path, description — never the snapshot name), so the
 * same finding is one alert across runs rather than a new one each time.
 */
import { createHash } from 'node:crypto';
import { uriPath } from '../fs/uri.js';
import type { Finding } from './types.js';

const LEVELS = { failure: 'error', warning: 'warning', exception: 'note', information: 'note' } as const;

export function ruleId(policy: string): string {
  const slug = policy
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `cdm-policy/${slug || 'unnamed'}`;
}

export function fingerprint(finding: Finding): string {
  return createHash('sha256')
    .update([finding.policy, finding.deployable, finding.nodePath, finding.description].join('\u0000'))
    .digest('hex');
}

export interface SarifOptions {
  /** The version the action runs at (e.g. the ref in `uses:`), when known. */
  toolVersion?: string;
}

export function buildSarif(findings: readonly Finding[], options: SarifOptions = {}): object {
  const rules: { id: string; policy: string }[] = [];
  const index = new Map<string, number>();
  for (const finding of findings) {
    const id = ruleId(finding.policy);
    if (!index.has(id)) {
      index.set(id, rules.length);
      rules.push({ id, policy: finding.policy });
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ServiceNow CDM policy validation',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules: rules.map(({ id, policy }) => ({
              id,
              name: policy,
              shortDescription: { text: `CDM policy ${policy}` },
              fullDescription: { text: `Findings of the ServiceNow DevOps Config policy '${policy}'.` },
              help: { text: `Open the policy '${policy}' in DevOps Config to see what it checks.` },
            })),
          },
        },
        results: findings.map((finding) => {
          const id = ruleId(finding.policy);
          return {
            ruleId: id,
            ruleIndex: index.get(id),
            level: LEVELS[finding.severity],
            ...(finding.severity === 'exception' ? { suppressions: [{ kind: 'external', status: 'accepted' }] } : {}),
            message: {
              text: `${finding.description} (${finding.deployable}, snapshot ${finding.snapshot}, node ${finding.nodePath || 'unknown'})`,
            },
            ...(finding.file
              ? {
                  locations: [
                    {
                      physicalLocation: {
                        artifactLocation: { uri: uriPath(finding.file) },
                        region: { startLine: finding.line ?? 1 },
                      },
                    },
                  ],
                }
              : {}),
            partialFingerprints: { 'cdmFinding/v1': fingerprint(finding) },
            properties: { deployable: finding.deployable, snapshot: finding.snapshot, nodePath: finding.nodePath },
          };
        }),
      },
    ],
  };
}
