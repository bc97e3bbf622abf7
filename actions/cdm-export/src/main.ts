/** cdm-export: inputs → export flow → outputs and job summary. */
import * as path from 'node:path';
import { safeFileName } from '../../../shared/fs/file-name.js';
import { outputFileProblem } from '../../../shared/fs/output-file.js';
import { echoInput, type InputReader } from '../../../shared/inputs/reader.js';
import { readPollInterval } from '../../../shared/poll/poll.js';
import { readArtifactInputs } from '../../../shared/report/artifact.js';
import { Known } from '../../../shared/report/known.js';
import { setOutputs, type OutputValue } from '../../../shared/report/outputs.js';
import { code } from '../../../shared/report/markdown.js';
import { runAction, type ActionContext, type RunOptions } from '../../../shared/report/run.js';
import { formatDuration } from '../../../shared/runtime.js';
import {
  EXPORT_DATA_FORMATS,
  type AdditionalDeployable,
  type ExportDataFormat,
} from '../../../shared/vendors/servicenow/cdm-exports.js';
import { readServiceNowConnection, serviceNowClient } from '../../../shared/vendors/servicenow/connection.js';
import { runExport, type ExportConfig, type ExportResult } from './export.js';

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

async function main(context: ActionContext): Promise<string> {
  const { inputs, outputs, summary } = context;
  const required = {
    connection: readServiceNowConnection(inputs),
    appName: inputs.string('app-name', { required: true }),
    deployableName: inputs.string('deployable-name', { required: true }),
    exporterName: inputs.string('exporter-name', { required: true }),
    dataFormat: inputs.choice('data-format', EXPORT_DATA_FORMATS, { default: 'json' }),
  };
  const snapshotName = inputs.string('snapshot-name');
  const additionalDeployables = readAdditionalDeployables(inputs);
  const args = inputs.json('exporter-args', 'object') as Record<string, unknown> | undefined;
  const restrictExport = inputs.boolean('restrict-export', false);
  const outputFile = inputs.string('output-file');
  const artifact = readArtifactInputs(inputs);
  const exportId = inputs.string('export-id');
  if (exportId !== undefined && !/^[A-Za-z0-9_-]+$/.test(exportId)) {
    inputs.problem('export-id', 'must be an export id such as 64b5f79f5379301096edddeeff7b12eb', exportId);
  }
  const timeoutMs = inputs.duration('timeout', '30m');
  const pollIntervalMs = readPollInterval(inputs, '10s');
  // The deployable name is the user's text: as a file name it must stay inside cdm-export/.
  const defaultOutputFile = path.join(
    'cdm-export',
    safeFileName(required.deployableName ?? '', 'export', `.${EXTENSIONS[required.dataFormat ?? 'json']}`),
  );
  const outputProblem = outputFileProblem(outputFile ?? defaultOutputFile);
  if (outputProblem) {
    const target = `${path.resolve(outputFile ?? defaultOutputFile)}${outputFile ? '' : ' (the default)'}`;
    inputs.problem('output-file', `cannot be written to ${target}: ${outputProblem}`);
  }
  const { connection, appName, deployableName, exporterName, dataFormat } = inputs.finish(required);

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
    outputFile: path.resolve(outputFile ?? defaultOutputFile),
    artifact,
    pollIntervalMs,
  };
  const runtime = context.runtime(timeoutMs);
  const known = new Known<ExportResult>((part) => setOutputs(outputs, exportOutputs(part)));
  try {
    const result = await runExport(config, {
      client: serviceNowClient(connection, runtime),
      runtime,
      report: known.report,
      uploadArtifact: context.uploadArtifact,
    });
    known.report(result);
    return `✅ Exported ${deployableName} of ${appName} (export ${result.exportId}) to ${result.file.path}, ${result.file.bytes} bytes.`;
  } finally {
    const done = known.value;
    summary.details([
      ['Instance', connection.instanceUrl],
      ['Application', appName],
      ['Deployable', deployableName],
      ['Additional deployables', additionalDeployables?.map((d) => `${d.app_name}/${d.deployable_name}`).join(', ')],
      ['Exporter', exporterName],
      ['Format', dataFormat],
      ['Snapshot', snapshotName ?? 'latest published'],
      ['Export id', done.exportId],
      ['State', done.state],
      ['File', done.file?.path],
      ['Bytes', done.file?.bytes],
      ['sha256', done.file && code(done.file.sha256)],
      [
        'Artifact',
        artifact &&
          (done.artifactId !== undefined
            ? `${artifact.name} (id ${done.artifactId})`
            : `${artifact.name} (not uploaded)`),
      ],
      ['Elapsed', formatDuration(runtime.deadline.elapsed())],
    ]);
  }
}

/** The step's outputs for what the export reported; the ones it has not reported yet are left out. */
export function exportOutputs(part: Partial<ExportResult>): Record<string, OutputValue | undefined> {
  return {
    'export-id': part.exportId,
    state: part.state,
    file: part.file?.path,
    bytes: part.file?.bytes,
    sha256: part.file?.sha256,
    content: part.content,
    'artifact-id': part.artifactId,
  };
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
      inputs.problem(name, `${echoInput(item)} is not app-name/deployable-name; expected ${expected}`);
      continue;
    }
    result.push({ app_name: item.slice(0, slash).trim(), deployable_name: item.slice(slash + 1).trim() });
  }
  return result;
}
