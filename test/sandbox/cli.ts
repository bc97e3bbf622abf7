/**
 * Standalone vendor sandboxes: `npm run sandbox [-- name ...]`.
 * SANDBOX_PORT fixes the port of the first sandbox (the next ones take the following ports); default random.
 * Runs until SIGINT/SIGTERM.
 */
import { MAGIC_DEPLOYABLE_NAMES, ServiceNowCdmSandbox } from './servicenow-cdm.js';

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

const SANDBOXES: SandboxDefinition[] = [
  {
    name: 'servicenow-cdm',
    title: 'ServiceNow CDM export API',
    async start(port, host) {
      const sandbox = new ServiceNowCdmSandbox({
        exportDurationMs: Number(process.env.SANDBOX_EXPORT_DURATION_MS ?? 1500),
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
          const env = Object.entries(inputs).map(([k, v]) => shellQuote(`${k}=${v}`));
          return [
            `  basic auth:  ${sandbox.username} / ${sandbox.password}`,
            `  bearer:      ${sandbox.token}`,
            `  endpoints:   ${url}/api/sn_cdm[/v1|/v2]/applications/deployables/exports[/{id}/status|/{id}/content]`,
            `  export time: ${sandbox.exportDurationMs} ms (SANDBOX_EXPORT_DURATION_MS)`,
            '  deployable names containing these select an outcome (anything else succeeds):',
            ...MAGIC_DEPLOYABLE_NAMES.map(([name, scenario]) => `    ${name.padEnd(18)} → ${scenario}`),
            '  example (input names contain hyphens, so set them through env):',
            `    env ${env.join(' ')} \\`,
            '      node actions/cdm-export/dist/index.js',
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
