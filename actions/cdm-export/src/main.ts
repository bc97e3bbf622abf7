/** cdm-export: inputs → export flow → outputs and job summary. */
import * as path from 'node:path';
import { safeFileName } from '../../../shared/fs/file-name.js';
import type { InputReader } from '../../../shared/inputs/reader.js';
import { MIN_INTERVAL_MS } from '../../../shared/poll/poll.js';
import { uploadArtifact } from '../../../shared/report/artifact.js';
import { runAction, type ActionContext, type RunOptions } from '../../../shared/report/run.js';
import { formatDuration } from '../../../shared/runtime.js';
import {
  EXPORT_DATA_FORMATS,
  type AdditionalDeployable,
  type ExportDataFormat,
} from '../../../shared/vendors/servicenow/cdm-exports.js';
import { readServiceNowConnection, serviceNowClient } from '../../../shared/vendors/servicenow/connection.js';
import { runExport, type ExportConfig } from './export.js';

const EXTENSIONS: Record<ExportDataFormat, string> = {
  ini: 'ini',
  json: 'json',
  properties: 'properties',
  raw: 'txt',
  xml: 'xml',
  yaml: 'yaml',
};

export function run(options: Partial<RunOptions> = {}): Promise<void> {
  return runAction({ title: 'ServiceNow CDM export', ...options }, main);
}

async function main(context: ActionContext): Promise<void> {
  const { inputs, outputs, summary, logger } = context;
  const connection = readServiceNowConnection(inputs);
  const appName = inputs.string('app-name', { required: true });
  const deployableName = inputs.string('deployable-name', { required: true });
  const exporterName = inputs.string('exporter-name', { required: true });
  const dataFormat = inputs.choice('data-format', EXPORT_DATA_FORMATS, { default: 'json' });
  const snapshotName = inputs.string('snapshot-name');
  const additionalDeployables = readAdditionalDeployables(inputs);
  const args = inputs.json('exporter-args', 'object') as Record<string, unknown> | undefined;
  const restrictExport = inputs.boolean('restrict-export', false);
  const outputFile = inputs.string('output-file');
  const artifactName = inputs.string('artifact-name');
  const retentionDays = inputs.integer('retention-days', { min: 1, max: 90 });
  if (retentionDays !== undefined && !artifactName) inputs.problem('retention-days', 'only applies with artifact-name');
  const exportId = inputs.string('export-id');
  if (exportId !== undefined && !/^[A-Za-z0-9_-]+$/.test(exportId)) {
    inputs.problem('export-id', `must be an export id such as 64b5f79f5379301096edddeeff7b12eb (got '${exportId}')`);
  }
  const timeoutMs = inputs.duration('timeout', '30m');
  const pollIntervalMs = inputs.duration('poll-interval', '10s', { min: MIN_INTERVAL_MS });
  inputs.finish();
  // finish() threw if any of these were missing.
  if (!connection || !appName || !deployableName || !exporterName || !dataFormat) return;

  const config: ExportConfig = {
    connection,
    request: {
      appName,
      deployableName,
      exporterName,
      dataFormat,
      snapshotName,
      additionalDeployables,
      args,
      restrictExport,
    },
    exportId,
    // The deployable name is the user's text: as a file name it must stay inside cdm-export/.
    outputFile: path.resolve(
      outputFile ?? path.join('cdm-export', `${safeFileName(deployableName, 'export')}.${EXTENSIONS[dataFormat]}`),
    ),
    artifact: artifactName ? { name: artifactName, retentionDays } : undefined,
    pollIntervalMs,
  };
  const runtime = context.runtime(timeoutMs);
  try {
    await runExport(config, {
      client: serviceNowClient(connection, runtime),
      runtime,
      outputs,
      uploadArtifact: (request) => uploadArtifact(request, logger),
    });
  } finally {
    const out = outputs.values;
    summary.details([
      ['Instance', connection.instanceUrl],
      ['Application', appName],
      ['Deployable', deployableName],
      ['Additional deployables', additionalDeployables?.map((d) => `${d.app_name}/${d.deployable_name}`).join(', ')],
      ['Exporter', exporterName],
      ['Format', dataFormat],
      ['Snapshot', snapshotName ?? 'latest published'],
      ['Export id', out.get('export-id')],
      ['State', out.get('state')],
      ['File', out.get('file')],
      ['Bytes', out.get('bytes')],
      ['sha256', out.get('sha256') && `\`${out.get('sha256')}\``],
      [
        'Artifact',
        artifactName &&
          (out.get('artifact-id')
            ? `${artifactName} (id ${out.get('artifact-id')})`
            : `${artifactName} (not uploaded)`),
      ],
      ['Elapsed', formatDuration(runtime.deadline.elapsed())],
    ]);
  }
}

/** Newline- or comma-separated `app-name/deployable-name` items, or a JSON array of {app_name, deployable_name}. */
function readAdditionalDeployables(inputs: InputReader): AdditionalDeployable[] | undefined {
  const name = 'additional-deployables';
  if (!inputs.has(name)) return undefined;
  const expected = 'lines of app-name/deployable-name, or a JSON array of {"app_name", "deployable_name"}';
  const raw = inputs.string(name) ?? '';
  if (raw.startsWith('[')) {
    const parsed = inputs.json(name, 'array') as unknown[] | undefined;
    if (!parsed) return undefined;
    const valid = parsed.every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as AdditionalDeployable).app_name === 'string' &&
        typeof (item as AdditionalDeployable).deployable_name === 'string' &&
        (item as AdditionalDeployable).app_name !== '' &&
        (item as AdditionalDeployable).deployable_name !== '',
    );
    if (!valid) inputs.problem(name, `must be ${expected}`);
    return valid
      ? (parsed as AdditionalDeployable[]).map(({ app_name, deployable_name }) => ({ app_name, deployable_name }))
      : undefined;
  }
  const result: AdditionalDeployable[] = [];
  for (const item of inputs.list(name)) {
    const slash = item.lastIndexOf('/');
    if (slash <= 0 || slash === item.length - 1) {
      inputs.problem(name, `'${item}' is not app-name/deployable-name; expected ${expected}`);
      continue;
    }
    result.push({ app_name: item.slice(0, slash).trim(), deployable_name: item.slice(slash + 1).trim() });
  }
  return result;
}
