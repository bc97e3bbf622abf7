/** apim-migrate: inputs → migration (followed to its end unless `wait: false`) → outputs and job summary. */
import { readCredentials } from '../../../shared/auth/credentials.js';
import { echoInput, type InputReader } from '../../../shared/inputs/reader.js';
import { readPollInterval } from '../../../shared/poll/poll.js';
import { jsonText, scalarText } from '../../../shared/json.js';
import { Known } from '../../../shared/report/known.js';
import { setOutputs, type OutputValue } from '../../../shared/report/outputs.js';
import { runAction, type ActionContext, type RunOptions } from '../../../shared/frame/run.js';
import { formatDuration } from '../../../shared/runtime.js';
import {
  ASSET_TYPES,
  DEFAULT_CONTROL_PLANE,
  snapLogicClient,
  type AssetType,
} from '../../../shared/vendors/snaplogic/apim.js';
import {
  describeAsset,
  failureLines,
  migrationPaths,
  runMigration,
  type MigrateConfig,
  type MigrationResult,
} from './migrate.js';

export function run(options: Partial<RunOptions> = {}): Promise<void> {
  return runAction({ title: 'SnapLogic APIM migration', ...options }, main);
}

async function main(context: ActionContext): Promise<string> {
  const { inputs, outputs, summary } = context;
  const statusToken = readStatusToken(inputs);
  const resuming = inputs.has('status-token');
  const required = {
    controlPlaneUrl: inputs.url('control-plane-url', {
      default: DEFAULT_CONTROL_PLANE,
      expected: 'a control plane URL such as https://elastic.snaplogic.com',
    }),
    credentials: readCredentials(inputs, 'a JWT, sent as Bearer'),
  };
  const sourcePath = readPath(
    inputs,
    'source-path',
    ['org', 'project_space', 'project', 'service', 'version'],
    !resuming,
  );
  const destPath = readPath(inputs, 'dest-path', ['org', 'project_space', 'project', 'service'], !resuming);
  const assetTypes = readAssetTypes(inputs);
  const duplicateCheck = inputs.boolean('duplicate-check', false);
  const wait = inputs.boolean('wait', true);
  if (resuming && !wait)
    inputs.problem('wait', 'must be true with status-token: following the migration is all such a run does');
  const timeoutMs = inputs.duration('timeout', '30m');
  const pollIntervalMs = readPollInterval(inputs, '10s');
  const migration: MigrateConfig['migration'] | undefined = resuming
    ? statusToken === undefined
      ? undefined
      : { statusToken, expected: { sourcePath, destPath } }
    : sourcePath === undefined || destPath === undefined
      ? undefined
      : { request: { sourcePath, destPath, assetTypes, duplicateCheck } };
  const { controlPlaneUrl, credentials, ...rest } = inputs.finish({ ...required, migration });
  const config: MigrateConfig = { controlPlaneUrl, migration: rest.migration, wait, pollIntervalMs };

  const runtime = context.runtime(timeoutMs);
  const known = new Known<MigrationResult>((part) => setOutputs(outputs, migrationOutputs(part)));
  try {
    const result = await runMigration(config, {
      client: snapLogicClient({ controlPlaneUrl, credentials }, runtime),
      runtime,
      report: known.report,
    });
    known.report(result);
    const paths = migrationPaths(config, result.final);
    return result.final
      ? `✅ Migration ${result.statusToken} completed: ${result.final.successful.length} asset(s) migrated from ${paths.sourcePath ?? 'its source'} to ${paths.destPath ?? 'its destination'}.`
      : `✅ Migration ${result.statusToken} started (${result.status}); wait is false, so it goes on in SnapLogic.`;
  } finally {
    const { statusToken: token, status, final } = known.value;
    const paths = migrationPaths(config, final);
    summary.details([
      ['Control plane', controlPlaneUrl],
      ['Source', paths.sourcePath],
      ['Destination', paths.destPath],
      ['Asset types', resuming ? undefined : (assetTypes ?? ASSET_TYPES).join(', ')],
      ['Duplicate check', resuming ? undefined : String(duplicateCheck)],
      ['Status token', resuming ? `${token} (started earlier)` : token],
      ['Status', status],
      ['Elapsed', formatDuration(runtime.deadline.elapsed())],
    ]);
    const successful = final?.successful ?? [];
    const failed = final?.failed ?? [];
    if (failed.length) {
      summary.heading('Failed assets', 3).list(failureLines(failed));
      summary.fold(`All ${failed.length} failed asset(s)`, (inner) => inner.list(failed.map(describeAsset)));
    }
    if (successful.length) {
      summary.fold(`Migrated: ${successful.length} asset(s)`, (inner) =>
        inner.table(
          ['Name', 'Type', 'snode id'],
          successful.map((a) => [scalarText(a.name), scalarText(a.asset_type), scalarText(a.snode_id)]),
        ),
      );
    }
  }
}

/** The status token of a migration started earlier, to follow instead of starting one (a UUID in practice). */
function readStatusToken(inputs: InputReader): string | undefined {
  const token = inputs.string('status-token');
  if (token !== undefined && !/^[\w-]+$/.test(token)) {
    inputs.problem(
      'status-token',
      "must be a migration's status token such as 17ed9720-05b2-4e22-9955-04c4534451ae",
      token,
    );
    return undefined;
  }
  return token;
}

/** The step's outputs for what the migration reported; the ones it has not reported yet are left out. */
export function migrationOutputs(part: Partial<MigrationResult>): Record<string, OutputValue | undefined> {
  const { final } = part;
  return {
    'status-token': part.statusToken,
    status: part.status,
    successful: final?.successful,
    // Always JSON: the list, or whatever else SnapLogic sent as `failed`.
    failed: final && (final.failedOther === undefined ? final.failed : jsonText(final.responseMap.failed)),
    result: final?.responseMap,
  };
}

/** A `/`-separated path of exactly these segments; a missing leading `/` is added. */
function readPath(inputs: InputReader, name: string, segments: string[], required: boolean): string | undefined {
  const value = inputs.string(name, { required });
  if (value === undefined) return undefined;
  const parts = value.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
  const shape = `/${segments.map((s) => `{${s}}`).join('/')}`;
  if (parts.length === segments.length + 1 && name === 'dest-path' && parts.every(Boolean)) {
    inputs.problem(
      name,
      `has a fifth segment (${echoInput(parts[parts.length - 1])}): give the Service without a version, ${shape}; the migration creates the version`,
    );
    return undefined;
  }
  if (parts.length !== segments.length || parts.some((part) => part.trim() === '')) {
    inputs.problem(name, `must be ${shape}`, value);
    return undefined;
  }
  return `/${parts.join('/')}`;
}

/** Any case accepted, sent as documented; empty means every type. */
function readAssetTypes(inputs: InputReader): AssetType[] | undefined {
  const items = inputs.list('asset-types');
  if (!items.length) return undefined;
  const types: AssetType[] = [];
  for (const item of items) {
    const type = ASSET_TYPES.find((t) => t.toLowerCase() === item.toLowerCase());
    if (type) {
      if (!types.includes(type)) types.push(type);
    } else {
      inputs.problem('asset-types', `${echoInput(item)} is not an asset type; use ${ASSET_TYPES.join(', ')}`);
    }
  }
  return types;
}
