/**
 * The policy-validation gate shared by cdm-validate and cdm-upload (`validate: true`): its settings, the snapshots
 * it gates, the findings it reports and the result it returns.
 */
import type { WrittenFile } from '../fs/atomic.js';

/** Gate statuses, worst first: the `validation-status` output is the worst across the gated snapshots. */
const GATE_STATUSES = ['failed', 'execution_error', 'not_validated', 'passed_with_exception', 'passed'] as const;
export type GateStatus = (typeof GATE_STATUSES)[number];

export function worstStatus(statuses: readonly GateStatus[]): GateStatus {
  return statuses.reduce<GateStatus>(
    (worst, status) => (GATE_STATUSES.indexOf(status) < GATE_STATUSES.indexOf(worst) ? status : worst),
    'passed',
  );
}

export type Severity = 'failure' | 'warning' | 'exception' | 'information';

/** One entry of cdm-upload's `files` output: where a file went. */
export interface UploadedFileRef {
  file: string;
  namePath: string;
}

export interface GateSettings {
  appName: string;
  /** Gate the snapshots this committed changeset created. */
  changesetNumber?: string;
  /** Deployables named by the user; without a changeset at least one. */
  deployableNames: string[];
  /** A named snapshot instead of the latest (one deployable, no changeset). */
  snapshotName?: string;
  revalidate: boolean;
  publish: boolean;
  failOnWarnings: boolean;
  failOnExceptions: boolean;
  /** ServiceNow validates the new snapshots by itself (the upload asked for autoValidate): wait, never trigger. */
  serverValidates: boolean;
  uploadedFiles: UploadedFileRef[];
  sarifFile: string;
  resultsFile: string;
  /** The repository root that SARIF locations and annotations are relative to. */
  workspace: string;
  pollIntervalMs: number;
  /** How long a validation may stay not_validated after it was requested before it counts as not started. */
  startGraceMs: number;
}

export interface GatedSnapshot {
  deployable: string;
  deployableSysId: string;
  /** The service the deployable is connected to; '' when not connected (it cannot be published). */
  serviceId: string;
  name: string;
  sysId: string;
  number: string;
  /** Number (or, when the instance does not say, sys_id) of the changeset that created the snapshot. */
  changeset: string;
  /** How it was chosen: created by the gated changeset, the deployable's latest, or named by the user. */
  source: 'changeset' | 'latest' | 'named';
  /** ServiceNow's validation state as last read (lower case). */
  validation: string;
  published: boolean;
  /** Set when a requested validation never left not_validated: the snapshot then counts as not_validated. */
  didNotStart?: boolean;
  failures: number;
  warnings: number;
  exceptions: number;
}

export interface Finding {
  deployable: string;
  snapshot: string;
  policy: string;
  severity: Severity;
  description: string;
  nodePath: string;
  /** Relative to the repository root, `/`-separated; only when the node path was matched to an uploaded file. */
  file?: string;
  line?: number;
}

export interface GateResult {
  status: GateStatus;
  /** False when the step must fail. */
  passed: boolean;
  /** Why the gate failed (or what could not be done), one sentence each. */
  problems: string[];
  snapshots: GatedSnapshot[];
  findings: Finding[];
  sarif: WrittenFile;
  results: WrittenFile;
  /** Names of the snapshots this run published. */
  published: string[];
  /** Names of the snapshots publishing found already published (not in `published`). */
  alreadyPublished: string[];
}

/** The snapshot's contribution to the gate status. */
export function snapshotStatus(snapshot: GatedSnapshot): GateStatus {
  if (snapshot.didNotStart) return 'not_validated';
  return (GATE_STATUSES as readonly string[]).includes(snapshot.validation)
    ? (snapshot.validation as GateStatus)
    : 'not_validated';
}
