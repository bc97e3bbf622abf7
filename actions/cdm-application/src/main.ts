/** cdm-application: one operation on CDM applications, deployables or shared components → outputs and summary. */
import type { InputReader } from '../../../shared/inputs/reader.js';
import { runAction, type ActionContext, type RunOptions } from '../../../shared/report/run.js';
import { APP_TYPES, ENV_TYPES } from '../../../shared/vendors/servicenow/cdm-applications.js';
import { readServiceNowConnection, serviceNowClient } from '../../../shared/vendors/servicenow/connection.js';
import {
  APP_FIELD_INPUTS,
  APP_IDENTITY_INPUTS,
  NEW_DEPLOYABLE_INPUTS,
  OPERATIONS,
  type OperationInputs,
} from './operations.js';

/** No operation waits on a job; this bounds retries and slow answers. */
const RUN_TIMEOUT_MS = 10 * 60_000;
const DEPLOYABLE_NAME = /^[0-9A-Za-z_\-.%$\s:#]{1,255}$/;

export function run(options: Partial<RunOptions> = {}): Promise<void> {
  return runAction({ title: 'ServiceNow CDM application', ...options }, main);
}

async function main(context: ActionContext): Promise<void> {
  const { inputs, outputs, summary, logger } = context;
  const connection = readServiceNowConnection(inputs);
  const names = Object.keys(OPERATIONS);
  const operationName = inputs.string('operation', { required: true });
  const operation = operationName === undefined ? undefined : OPERATIONS[operationName];
  if (operationName !== undefined && !operation)
    inputs.problem('operation', `must be one of ${names.join(', ')} (got '${operationName}')`);
  const values = operation && operationName ? readOperationInputs(inputs, operationName) : undefined;
  inputs.finish();
  if (!connection || !operation || !operationName || !values) return;

  const runtime = context.runtime(RUN_TIMEOUT_MS);
  const rows: [string, string][] = [];
  try {
    await operation.run(values, { client: serviceNowClient(connection, runtime), connection, outputs, logger, rows });
  } finally {
    summary.details([
      ['Instance', connection.instanceUrl],
      ['Operation', operationName],
      ...Object.entries(values).map(([name, value]): [string, string | undefined] => [name, value]),
    ]);
    if (rows.length) summary.heading('Result', 3).table(['', ''], rows);
  }
}

/** Every operation input, checked against the operation: missing required ones and unused given ones are errors. */
function readOperationInputs(inputs: InputReader, operationName: string): OperationInputs | undefined {
  const operation = OPERATIONS[operationName];
  const allowed = new Set([...operation.required, ...(operation.optional ?? [])]);
  const every = new Set(Object.values(OPERATIONS).flatMap((op) => [...op.required, ...(op.optional ?? [])]));
  const values: OperationInputs = {};
  for (const name of every) {
    if (!allowed.has(name)) {
      if (inputs.has(name)) inputs.problem(name, `is not used by ${operationName}`);
      continue;
    }
    values[name] = inputs.string(name, { required: operation.required.includes(name) });
  }
  const problems = inputs.problems.length;
  checkValues(inputs, operationName, values);
  return inputs.problems.length === problems ? values : undefined;
}

function checkValues(inputs: InputReader, operationName: string, v: OperationInputs): void {
  if (v['app-type'] !== undefined) v['app-type'] = inputs.choice('app-type', APP_TYPES);
  if (v['env-type'] !== undefined) v['env-type'] = inputs.choice('env-type', ENV_TYPES);
  if (v['auto-connect'] !== undefined) v['auto-connect'] = String(inputs.boolean('auto-connect', false));
  if (operationName === 'list-shared-components')
    v['with-updates-only'] = String(inputs.boolean('with-updates-only', false));
  if (v.quantity !== undefined) v.quantity = inputs.integer('quantity', { min: 1 })?.toString();
  if (v['return-fields'] !== undefined) v['return-fields'] = inputs.list('return-fields').join(',');
  if (v['app-managed-by-groups'] !== undefined)
    v['app-managed-by-groups'] = inputs.list('app-managed-by-groups').join(',');
  for (const name of ['app-id', 'app-sys-id']) {
    const value = v[name];
    if (value !== undefined && !/^[0-9a-f]{32}$/i.test(value))
      inputs.problem(name, `must be a 32-character sys_id (got '${value}')`);
  }
  if (
    operationName === 'create-deployable' &&
    v['deployable-name'] !== undefined &&
    !DEPLOYABLE_NAME.test(v['deployable-name'])
  ) {
    inputs.problem(
      'deployable-name',
      'must be at most 255 characters of 0-9, A-Z, a-z, _, -, ., %, $, whitespace, : and #',
    );
  }
  if (operationName === 'create-app') {
    const identity = APP_IDENTITY_INPUTS.filter((name) => v[name] !== undefined);
    if (identity.length !== 1) {
      inputs.problem(
        identity[1] ?? 'app-name',
        `create-app takes exactly one of ${APP_IDENTITY_INPUTS.join(', ')}${identity.length ? ` (got ${identity.join(', ')})` : ''}`,
      );
    }
    for (const name of ['app-service-id', 'app-service-name']) {
      if (v[name] !== undefined && v['app-type'] === 'infrastructure')
        inputs.problem(name, 'only applies with app-type: application');
    }
    if (v['technical-service-id'] !== undefined && v['app-type'] === 'application') {
      inputs.problem('technical-service-id', 'only applies with app-type: infrastructure');
    }
  }
  if (operationName === 'update-app' && !APP_FIELD_INPUTS.some((name) => v[name] !== undefined)) {
    inputs.problem('app-description', `update-app needs at least one of ${APP_FIELD_INPUTS.join(', ')}`);
  }
  if (operationName === 'update-deployable' && !NEW_DEPLOYABLE_INPUTS.some((name) => v[name] !== undefined)) {
    inputs.problem('new-name', `update-deployable needs at least one of ${NEW_DEPLOYABLE_INPUTS.join(', ')}`);
  }
}
