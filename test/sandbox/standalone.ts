/**
 * The vendor simulators as they run standalone (`npm run sandbox`, `npm run try`): how each is started, its
 * documented fixed port, and what it prints about itself.
 */
import { MAGIC_DEPLOYABLE_NAMES, ServiceNowCdmSandbox } from './servicenow-cdm.js';
import { MAGIC_NAME_PATHS } from './servicenow-cdm-uploads.js';
import { POLICY_OUTCOMES } from './servicenow-cdm-snapshots.js';
import { policiesFrom } from './servicenow-cdm-policies.js';
import { PAYMENT_APP_ID } from './servicenow-apps.js';
import { MAGIC_SERVICE_NAMES, SnapLogicApimSandbox } from './snaplogic-apim.js';
import { MAGIC_PACKAGE_IDS, SmaxSandbox } from './smax.js';

/**
 * The fixed port of each simulator when SANDBOX_PORT is not set, so the READMEs' commands and the actions'
 * `.env.example` files work without editing.
 */
export const SANDBOX_PORTS = { 'servicenow-cdm': 8765, 'snaplogic-apim': 8766, smax: 8767 } as const;

export type SandboxName = keyof typeof SANDBOX_PORTS;

export interface RunningSandbox {
  url: string;
  /** Lines printed after start: credentials, magic names, example command. */
  describe(): string[];
  close(): Promise<void>;
}

export interface SandboxDefinition {
  name: SandboxName;
  title: string;
  start(port: number, host: string): Promise<RunningSandbox>;
}

/** The line naming the one command that tries these actions against this sandbox. */
function tryCommand(actions: string[]): string {
  return `  try it:      ${actions.map((action) => `npm run try -- ${action}`).join(', ')}`;
}

export const SANDBOXES: SandboxDefinition[] = [
  {
    name: 'servicenow-cdm',
    title: 'ServiceNow CDM export and upload API',
    async start(port, host) {
      const sandbox = new ServiceNowCdmSandbox({
        exportDurationMs: Number(process.env.SANDBOX_EXPORT_DURATION_MS ?? 1500),
        uploadDurationMs: Number(process.env.SANDBOX_UPLOAD_DURATION_MS ?? 1000),
        viewerOnly: process.env.SANDBOX_VIEWER_ONLY === 'true',
        validationDurationMs: Number(process.env.SANDBOX_VALIDATION_DURATION_MS ?? 1000),
        policies: process.env.SANDBOX_POLICIES ? policiesFrom(process.env.SANDBOX_POLICIES) : undefined,
      });
      // An earlier release's snapshot of PaymentApp/Production, so cdm-validate has one to gate from the start.
      sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production');
      const url = await sandbox.listen(port, host);
      return {
        url,
        close: () => sandbox.close(),
        describe: () => [
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
          `  snapshots:   made by each commit (PaymentApp/Production has one from the start); ${url}/api/sn_cdm/snapshots/{sys_id}/validate|publish, /api/now/table/...`,
          `  policies:    ${sandbox.snapshotApi.policies.map((p) => p.name).join(', ')} (SANDBOX_POLICIES, comma-separated);`,
          `               names containing ${POLICY_OUTCOMES.join(', ')} select that outcome`,
          tryCommand(['cdm-export', 'cdm-upload', 'cdm-validate', 'cdm-application']),
        ],
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
        describe: () => [
          `  basic auth:  ${sandbox.username} / ${sandbox.password} (SANDBOX_BASIC_AUTH_DISABLED=true → 403)`,
          `  bearer:      ${sandbox.token}`,
          `  endpoints:   ${url}/api/1/rest/public/apim_service/migrate_service_version/{org}/{space}/{project}/{service}/{version}`,
          `               ${url}/api/1/rest/public/migrate/{status_token}`,
          `  sources:     ${[...sandbox.sources].join(', ')}`,
          `  existing:    ${[...sandbox.existingDestinations].join(', ')} (409 with duplicate_check true)`,
          `  migration:   ${sandbox.migrationDurationMs} ms (SANDBOX_MIGRATION_DURATION_MS); status_url ${sandbox.statusUrl ? 'on' : 'off'} (SANDBOX_STATUS_URL)`,
          '  service names containing these select an outcome (any org/space/project/version; others succeed):',
          ...MAGIC_SERVICE_NAMES.map(([name, scenario]) => `    ${name.padEnd(18)} → ${scenario}`),
          tryCommand(['apim-migrate']),
        ],
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
        describe: () => [
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
          tryCommand(['dev2prod-promote']),
        ],
      };
    },
  },
];
