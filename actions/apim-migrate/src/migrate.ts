/**
 * The apim-migrate flow: start the migration, then (unless asked not to wait) follow it to its end and judge it:
 * `Failed`, or any failed asset, fails the step. Never touches @actions/core: it reports what it learns through
 * `report` and returns the result.
 */
import { collapseRepeats, JobFailedError } from '../../../shared/errors.js';
import type { ApiClient } from '../../../shared/http/client.js';
import { jsonText } from '../../../shared/json.js';
import { waitForJob } from '../../../shared/poll/job.js';
import { sameState } from '../../../shared/poll/states.js';
import type { Report } from '../../../shared/report/known.js';
import type { Runtime } from '../../../shared/runtime.js';
import {
  getMigrationStatus,
  MIGRATION_STATES,
  migrationStatusPath,
  startMigration,
  type AssetEntry,
  type MigrationRequest,
  type MigrationStatus,
  type StartedMigration,
} from '../../../shared/vendors/snaplogic/apim.js';

export interface MigrateConfig {
  controlPlaneUrl: string;
  /**
   * A migration to start, or the status token of one started earlier (resumed: nothing is started); paths given
   * with the token must be the migration's own.
   */
  migration:
    { request: MigrationRequest } | { statusToken: string; expected?: { sourcePath?: string; destPath?: string } };
  wait: boolean;
  pollIntervalMs: number;
}

export interface MigrateDeps {
  client: ApiClient;
  runtime: Runtime;
  report: Report<MigrationResult>;
}

export interface MigrationResult {
  statusToken: string;
  /** `Started`, then the states the migration goes through. */
  status: string;
  /** How the migration ended; undefined when `wait` is off. */
  final?: MigrationStatus;
}

export async function runMigration(config: MigrateConfig, deps: MigrateDeps): Promise<MigrationResult> {
  const { client, runtime, report } = deps;
  const { logger } = runtime;
  let started: StartedMigration;
  if ('statusToken' in config.migration) {
    started = { statusToken: config.migration.statusToken };
    report({ statusToken: started.statusToken });
    logger.info(`Following migration ${started.statusToken}, started earlier; nothing new is started.`);
  } else {
    const { request } = config.migration;
    warnAboutTrust(request, runtime);
    started = await startMigration(client, request);
    report({ statusToken: started.statusToken, status: 'Started' });
    logger.info(
      `Migration of ${request.sourcePath} to ${request.destPath} started (status token ${started.statusToken}).`,
    );
    if (!config.wait) {
      logger.info('wait: false, so not following the migration; its status-token is an output.');
      return { statusToken: started.statusToken, status: 'Started' };
    }
  }
  const { statusToken } = started;

  const location = statusLocation(started.statusUrl, started.statusToken, config.controlPlaneUrl, runtime);
  const { status, outcome } = await waitForJob({
    job: `Migration ${started.statusToken}`,
    states: MIGRATION_STATES,
    check: async () => {
      const current = await getMigrationStatus(client, location);
      checkResumedPaths(config, current, statusToken);
      return current;
    },
    stateOf: (current) => current.status,
    onEnd: (final) => report({ status: final.status, final }),
    what: `migration ${started.statusToken}`,
    runtime,
    maxIntervalMs: config.pollIntervalMs,
    onState: (state) => report({ status: state }),
    resumeHint: `It goes on in SnapLogic: run again with status-token: ${started.statusToken} to follow it`,
  });
  const failed = outcome === 'failed';
  const failures = [
    ...failureLines(status.failed),
    ...(status.failedOther === undefined ? [] : [`'failed' is not a list of assets but ${status.failedOther}`]),
  ];
  if (failed || failures.length) {
    throw new JobFailedError(
      failed
        ? `Migration ${started.statusToken} failed${sameState(status.status, 'Failed') ? '' : ` (${status.status})`}`
        : `Migration ${started.statusToken} completed, but ${status.failedOther === undefined ? `${status.failed.length} asset(s)` : 'assets'} failed to migrate`,
      {
        jobId: `Migration ${started.statusToken}`,
        state: failed ? status.status : 'Completed with failed assets',
        errors: failures.length
          ? failures
          : [`SnapLogic reported the migration as ${status.status} without failed assets`],
        hint: status.failed.some((asset) => MISSING_SERVICE.test(assetMessage(asset) ?? ''))
          ? `The destination Service does not exist: create the Service at dest-path (${migrationPaths(config, status).destPath ?? 'the destination'}) in SnapLogic, then run again`
          : "Fix the failed assets in the source (or the destination org's trust and permissions) and run again",
      },
    );
  }
  logger.info(`Migration completed: ${status.successful.length} asset(s) migrated.`);
  return { statusToken, status: status.status, final: status };
}

/**
 * Where the migration goes: the inputs when this run started it, else what its status answer says (`src_path`,
 * `dest_path`), so a resumed run names the same paths.
 */
export function migrationPaths(
  config: Pick<MigrateConfig, 'migration'>,
  status: Pick<MigrationStatus, 'responseMap'> | undefined,
): { sourcePath?: string; destPath?: string } {
  if ('request' in config.migration) return config.migration.request;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  return { sourcePath: text(status?.responseMap.src_path), destPath: text(status?.responseMap.dest_path) };
}

/** A resumed migration that is not the one the step's paths describe is another job: an error, not a pass. */
function checkResumedPaths(config: MigrateConfig, status: MigrationStatus, token: string): void {
  if (!('statusToken' in config.migration)) return;
  const actual = migrationPaths(config, status);
  const expected = config.migration.expected ?? {};
  const odd = (['sourcePath', 'destPath'] as const).filter(
    (key) => expected[key] && actual[key] && expected[key] !== actual[key],
  );
  if (!odd.length) return;
  const input = { sourcePath: 'source-path', destPath: 'dest-path' };
  throw new JobFailedError(`Migration ${token} is not the migration this step describes`, {
    jobId: `Migration ${token}`,
    state: 'another migration',
    errors: odd.map(
      (key) =>
        `${input[key]} is ${expected[key]}, but migration ${token} goes ${key === 'sourcePath' ? 'from' : 'to'} ${actual[key]}`,
    ),
    hint: 'Check status-token: it is the status-token output of the run that started this migration',
  });
}

/** The status URL the answer gave, when it is on the control plane we trust with our credentials. */
function statusLocation(
  statusUrl: string | undefined,
  token: string,
  controlPlaneUrl: string,
  runtime: Runtime,
): string {
  if (!statusUrl) return migrationStatusPath(token);
  let sameOrigin: boolean;
  try {
    sameOrigin = new URL(statusUrl, controlPlaneUrl).origin === new URL(controlPlaneUrl).origin;
  } catch {
    sameOrigin = false;
  }
  if (sameOrigin) return new URL(statusUrl, controlPlaneUrl).toString();
  runtime.logger.warning(
    `The migration's status_url is not on ${new URL(controlPlaneUrl).host}; following the documented status endpoint instead, so credentials are only sent to the control plane.`,
    'status_url ignored',
  );
  return migrationStatusPath(token);
}

/** Accounts and policies moving to another org need that org to be trusted by the source. */
function warnAboutTrust(request: MigrationRequest, runtime: Runtime): void {
  const sourceOrg = request.sourcePath.split('/')[1];
  const destOrg = request.destPath.split('/')[1];
  const sensitive = (request.assetTypes ?? ['Account', 'Policy']).filter((t) => t === 'Account' || t === 'Policy');
  if (sourceOrg === destOrg || !sensitive.length) return;
  runtime.logger.warning(
    `Migrating ${sensitive.join(' and ')} assets from org '${sourceOrg}' to org '${destOrg}': the source org must trust '${destOrg}', and '${destOrg}' needs at least the same security level, or these assets fail to migrate.`,
    'Accounts and policies across orgs',
  );
}

/** Every asset of a migration into a missing Service fails with this; the fix is the same for all of them. */
const MISSING_SERVICE = /Destination Service '[^']*' was not found[^.;]*/i;

/**
 * One line per failure, the same failure said once with its count: assets that failed because the destination
 * Service is missing share that one reason.
 */
export function failureLines(failed: AssetEntry[]): string[] {
  return collapseRepeats(
    failed.map((asset) => MISSING_SERVICE.exec(assetMessage(asset) ?? '')?.[0] ?? describeAsset(asset)),
  );
}

const MESSAGE_KEYS = ['message', 'error', 'reason'];

function assetMessage(entry: AssetEntry): string | undefined {
  const key = MESSAGE_KEYS.find((k) => entry[k] !== undefined);
  const value = key === undefined ? undefined : entry[key];
  return typeof value === 'string' ? value : undefined;
}

/** Failed-asset entries have no documented shape: name, type and message first, then every other field. */
export function describeAsset(entry: AssetEntry): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : jsonText(value, 2000));
  const messageKey = MESSAGE_KEYS.find((key) => entry[key] !== undefined);
  const message = messageKey && entry[messageKey];
  const type = entry.asset_type ?? entry.type;
  const rest = Object.entries(entry)
    .filter(([key, value]) => !['name', 'asset_type', 'type', messageKey].includes(key) && value !== message)
    .map(([key, value]) => `${key}: ${text(value)}`);
  return (
    `${text(entry.name ?? 'unnamed asset')}${type ? ` (${text(type)})` : ''}${message ? `: ${text(message)}` : ''}` +
    (rest.length ? ` [${rest.join(', ')}]` : '')
  );
}
