/** cdm-application: one operation on CDM applications, deployables or shared components → outputs and summary. */
import { Known } from '../../../shared/report/known.js';
import { setOutputs, type OutputValue } from '../../../shared/report/outputs.js';
import { runAction, type ActionContext, type RunOptions } from '../../../shared/frame/run.js';
import { readServiceNowConnection, serviceNowClient } from '../../../shared/vendors/servicenow/connection.js';
import { operationInputNames, readOperation } from './config.js';
import { runOperation, type OperationResult } from './operations.js';

/** No operation waits on a job; this bounds retries and slow answers. */
const RUN_TIMEOUT_MS = 10 * 60_000;

export function run(options: Partial<RunOptions> = {}): Promise<void> {
  return runAction({ title: 'ServiceNow CDM application', ...options }, main);
}

async function main(context: ActionContext): Promise<string> {
  const { inputs, outputs, summary, logger } = context;
  const { connection, config } = inputs.finish({
    connection: readServiceNowConnection(inputs),
    config: readOperation(inputs),
  });

  const runtime = context.runtime(RUN_TIMEOUT_MS);
  const known = new Known<OperationResult>((part) => setOutputs(outputs, operationOutputs(part)));
  try {
    const result = await runOperation(config, {
      client: serviceNowClient(connection, runtime),
      connection,
      logger,
      report: known.report,
    });
    known.report(result);
    return `✅ ${config.operation} done on ${connection.instanceUrl}${result.rows.length === 1 ? `: ${result.rows[0].join(' ')}` : ''}.`;
  } finally {
    summary.details([
      ['Instance', connection.instanceUrl],
      ['Operation', config.operation],
      ...operationInputNames(config.operation).map((name): [string, string | undefined] => [name, inputs.string(name)]),
    ]);
    const rows = known.value.rows ?? [];
    if (rows.length) summary.heading('Result', 3).table(['', ''], rows);
  }
}

/** The step's outputs for what the operation reported; the ones it did not report are left out. */
export function operationOutputs(part: Partial<OperationResult>): Record<string, OutputValue | undefined> {
  return {
    'app-id': part.appId,
    'app-name': part.appName,
    app: part.app,
    'deployable-sys-id': part.deployableSysId,
    'deployable-sys-ids': part.deployableSysIds,
    'shared-components': part.sharedComponents,
    applications: part.applications,
    result: part.result as OutputValue | undefined,
  };
}
