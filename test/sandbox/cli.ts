/**
 * Standalone vendor sandboxes: `npm run sandbox [-- name ...]`.
 * SANDBOX_PORT fixes the port of the first sandbox (the next ones take the following ports); default random.
 * Runs until SIGINT/SIGTERM.
 */
import { MAGIC_DEPLOYABLE_NAMES, ServiceNowCdmSandbox } from './servicenow-cdm.js';
import { MAGIC_NAME_PATHS } from './servicenow-cdm-uploads.js';
import { POLICY_OUTCOMES } from './servicenow-cdm-snapshots.js';
import { PAYMENT_APP_ID } from './servicenow-apps.js';
import { DEFAULT_SOURCES, MAGIC_SERVICE_NAMES, SnapLogicApimSandbox } from './snaplogic-apim.js';
import { DEFAULT_PACKAGE_ID, MAGIC_PACKAGE_IDS, SmaxSandbox } from './smax.js';

interface RunningSandbox {
  url: string;
  /** Lines printed after start: credentials, magic names, example command. */
  describe(): string[];
  close(): Promise<void>;
}

interface SandboxDefinition {
  name: string;
  title: string;
  start(port: number, host: string): Promise<RunningSandbox>;
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** The lines showing how to run an action's bundle against a sandbox with these inputs. */
function exampleCommand(inputs: Record<string, string>, action: string): string[] {
  const env = Object.entries(inputs).map(([k, v]) => shellQuote(`${k}=${v}`));
  return [
    '  example (input names contain hyphens, so set them through env):',
    `    env ${env.join(' ')} \\`,
    `      node actions/${action}/dist/index.js`,
  ];
}

const SANDBOXES: SandboxDefinition[] = [
  {
    name: 'servicenow-cdm',
    title: 'ServiceNow CDM export and upload API',
    async start(port, host) {
      const sandbox = new ServiceNowCdmSandbox({
        exportDurationMs: Number(process.env.SANDBOX_EXPORT_DURATION_MS ?? 1500),
        uploadDurationMs: Number(process.env.SANDBOX_UPLOAD_DURATION_MS ?? 1000),
        viewerOnly: process.env.SANDBOX_VIEWER_ONLY === 'true',
        validationDurationMs: Number(process.env.SANDBOX_VALIDATION_DURATION_MS ?? 1000),
        policies: process.env.SANDBOX_POLICIES?.split(',').map((name) => ({ name: name.trim() })),
      });
      const url = await sandbox.listen(port, host);
      return {
        url,
        close: () => sandbox.close(),
        describe: () => {
          const inputs: Record<string, string> = {
            'INPUT_INSTANCE-URL': url,
            INPUT_USERNAME: sandbox.username,
            INPUT_PASSWORD: sandbox.password,
            'INPUT_APP-NAME': 'PaymentApp',
            'INPUT_DEPLOYABLE-NAME': 'Production',
            'INPUT_EXPORTER-NAME': 'json-exporter',
            'INPUT_DATA-FORMAT': 'json',
          };
          return [
            `  basic auth:  ${sandbox.username} / ${sandbox.password}`,
            `  bearer:      ${sandbox.token}`,
            `  endpoints:   ${url}/api/sn_cdm[/v1|/v2]/applications/deployables/exports[/{id}/status|/{id}/content]`,
            `  export time: ${sandbox.exportDurationMs} ms (SANDBOX_EXPORT_DURATION_MS)`,
            '  deployable names containing these select an outcome (anything else succeeds):',
            ...MAGIC_DEPLOYABLE_NAMES.map(([name, scenario]) => `    ${name.padEnd(18)} → ${scenario}`),
            `  uploads:     ${url}/api/sn_cdm[/v1|/v2]/applications/uploads/{components,collections,deployables}[/file]`,
            `               ${url}/api/sn_cdm[/v1|/v2]/applications/uploads/components/vars`,
            `  status:      ${url}/api/sn_cdm[/v1|/v2]/applications/upload-status/{upload_id}`,
            `  upload time: ${sandbox.uploadDurationMs} ms (SANDBOX_UPLOAD_DURATION_MS)`,
            `  applications: ${[...sandbox.uploadApi.applications].join(', ')} (any other appName answers 400)`,
            `  size limits: ${sandbox.uploadApi.maxUploadBytes} bytes, ${sandbox.uploadApi.maxFileUploadBytes} for /file`,
            '  upload namePaths containing these select an outcome (anything else succeeds):',
            ...MAGIC_NAME_PATHS.map(([name, scenario]) => `    ${name.padEnd(18)} → ${scenario}`),
            `  apps:        ${url}/api/sn_devops_config[/v1]/devops_config/application[/{appid}] (PaymentApp: ${PAYMENT_APP_ID})`,
            `  deployables: ${url}/api/sn_cdm[/v1]/applications/deployables[/create] (PaymentApp: Development, Production)`,
            `  shared:      ${url}/api/sn_cdm[/v1]/applications/shared_components, .../shared_libraries/components/applications`,
            '               SharedLib: LoggingConfig-v1..v3.shc, TlsDefaults-v1..v2.shc; PaymentApp uses v1 and v2',
            '               changesetNumber: an open Chset-<n> of the uploads (an upload without autoCommit opens one)',
            `  viewer only: ${sandbox.appsApi.viewerOnly} (SANDBOX_VIEWER_ONLY=true → 403 on these POST/PUT/PATCH/DELETE)`,
            `  snapshots:   made by each commit; ${url}/api/sn_cdm/snapshots/{sys_id}/validate|publish, /api/now/table/...`,
            `  policies:    ${sandbox.snapshotApi.policies.map((p) => p.name).join(', ')} (SANDBOX_POLICIES, comma-separated);`,
            `               names containing ${POLICY_OUTCOMES.join(', ')} select that outcome`,
            ...exampleCommand(inputs, 'cdm-export'),
          ];
        },
      };
    },
  },
  {
    name: 'snaplogic-apim',
    title: 'SnapLogic APIM 3.0 Service version migration API',
    async start(port, host) {
      const sandbox = new SnapLogicApimSandbox({
        migrationDurationMs: Number(process.env.SANDBOX_MIGRATION_DURATION_MS ?? 1500),
        statusUrl: process.env.SANDBOX_STATUS_URL === 'true',
        basicAuthDisabled: process.env.SANDBOX_BASIC_AUTH_DISABLED === 'true',
      });
      const url = await sandbox.listen(port, host);
      return {
        url,
        close: () => sandbox.close(),
        describe: () => {
          const inputs: Record<string, string> = {
            'INPUT_CONTROL-PLANE-URL': url,
            INPUT_USERNAME: sandbox.username,
            INPUT_PASSWORD: sandbox.password,
            'INPUT_SOURCE-PATH': DEFAULT_SOURCES[0],
            'INPUT_DEST-PATH': '/Acme/Prod/Payments/OrdersAPI',
          };
          return [
            `  basic auth:  ${sandbox.username} / ${sandbox.password} (SANDBOX_BASIC_AUTH_DISABLED=true → 403)`,
            `  bearer:      ${sandbox.token}`,
            `  endpoints:   ${url}/api/1/rest/public/apim_service/migrate_service_version/{org}/{space}/{project}/{service}/{version}`,
            `               ${url}/api/1/rest/public/migrate/{status_token}`,
            `  sources:     ${[...sandbox.sources].join(', ')}`,
            `  existing:    ${[...sandbox.existingDestinations].join(', ')} (409 with duplicate_check true)`,
            `  migration:   ${sandbox.migrationDurationMs} ms (SANDBOX_MIGRATION_DURATION_MS); status_url ${sandbox.statusUrl ? 'on' : 'off'} (SANDBOX_STATUS_URL)`,
            '  service names containing these select an outcome (any org/space/project/version; others succeed):',
            ...MAGIC_SERVICE_NAMES.map(([name, scenario]) => `    ${name.padEnd(18)} → ${scenario}`),
            ...exampleCommand(inputs, 'apim-migrate'),
          ];
        },
      };
    },
  },
  {
    name: 'smax',
    title: 'OpenText SMAX Dev2Prod and file repository API',
    async start(port, host) {
      const sandbox = new SmaxSandbox({
        exportDurationMs: Number(process.env.SANDBOX_EXPORT_DURATION_MS ?? 1200),
        importDurationMs: Number(process.env.SANDBOX_IMPORT_DURATION_MS ?? 1200),
        packageBytes: Number(process.env.SANDBOX_PACKAGE_BYTES ?? 64 * 1024),
      });
      const url = await sandbox.listen(port, host);
      return {
        url,
        close: () => sandbox.close(),
        describe: () => {
          const [source, target] = sandbox.tenants;
          const inputs: Record<string, string> = {
            'INPUT_SOURCE-URL': url,
            'INPUT_SOURCE-TENANT-ID': source,
            'INPUT_SOURCE-USERNAME': sandbox.login,
            'INPUT_SOURCE-PASSWORD': sandbox.password,
            'INPUT_TARGET-TENANT-ID': target,
            'INPUT_PACKAGE-ID': DEFAULT_PACKAGE_ID,
            INPUT_MODE: 'promote',
          };
          return [
            `  tenants:     ${sandbox.tenants.join(', ')} (first = source, second = target; any of them does anything)`,
            `  login:       ${sandbox.login} / ${sandbox.password}`,
            `               POST ${url}/auth/authentication-endpoint/authenticate/token?TENANTID={tenant} → token`,
            '               send it as Cookie: SMAX_AUTH_TOKEN={token}; TENANTID={tenant}',
            `  token TTL:   ${sandbox.tokenTtlMs} ms`,
            `  endpoints:   ${url}/rest/{tenant}/dev2prod/export/types/{package_id}, .../dev2prod/export/{id}`,
            `               ${url}/rest/{tenant}/ces/attachment[/{file_id}] (upload: multipart part files[])`,
            `               ${url}/rest/{tenant}/dev2prod/import[?dryRun=true], .../dev2prod/import/{id}`,
            `  job times:   export ${sandbox.exportDurationMs} ms (SANDBOX_EXPORT_DURATION_MS), import ${sandbox.importDurationMs} ms (SANDBOX_IMPORT_DURATION_MS)`,
            `  packages:    ${sandbox.packageBytes} bytes (SANDBOX_PACKAGE_BYTES), stored in ${sandbox.storageDir}`,
            `  package ids: ${[...sandbox.packageIds].join(', ')} (clean) and these magic ones (others answer 404):`,
            ...MAGIC_PACKAGE_IDS.map(([id, scenario, what]) => `    ${id.padEnd(18)} → ${scenario}: ${what}`),
            ...exampleCommand(inputs, 'dev2prod-promote'),
          ];
        },
      };
    },
  },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SANDBOXES.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown sandbox(es): ${unknown.join(', ')}. Available: ${SANDBOXES.map((s) => s.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const selected = wanted.length > 0 ? SANDBOXES.filter((s) => wanted.includes(s.name)) : SANDBOXES;
  const basePort = Number(process.env.SANDBOX_PORT ?? 0);
  if (!Number.isInteger(basePort) || basePort < 0 || basePort > 65535) {
    throw new Error(`SANDBOX_PORT must be a port number, got '${process.env.SANDBOX_PORT}'`);
  }

  const running: RunningSandbox[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(running.map((r) => r.close()));
  };
  try {
    for (const [index, definition] of selected.entries()) {
      const sandbox = await definition.start(basePort === 0 ? 0 : basePort + index, '127.0.0.1');
      running.push(sandbox);
      console.log(`${definition.title} (${definition.name}) listening on ${sandbox.url}`);
      for (const line of sandbox.describe()) console.log(line);
      console.log('');
    }
  } catch (err) {
    await stop();
    throw err;
  }
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received, closing sandboxes`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
