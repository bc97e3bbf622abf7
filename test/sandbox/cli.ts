/**
 * Standalone vendor sandboxes: `npm run sandbox [-- name ...]`.
 * Each listens on its fixed port (servicenow-cdm 8765, snaplogic-apim 8766, smax 8767). SANDBOX_PORT sets the port
 * of the first one started instead (the next ones take the following ports); SANDBOX_PORT=0 picks free ports.
 * Runs until SIGINT/SIGTERM.
 */
import { SANDBOXES, SANDBOX_PORTS, type RunningSandbox } from './standalone.js';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SANDBOXES.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown sandbox(es): ${unknown.join(', ')}. Available: ${SANDBOXES.map((s) => s.name).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const selected = wanted.length > 0 ? SANDBOXES.filter((s) => wanted.includes(s.name)) : SANDBOXES;
  const basePort = process.env.SANDBOX_PORT === undefined ? undefined : Number(process.env.SANDBOX_PORT);
  if (basePort !== undefined && (!Number.isInteger(basePort) || basePort < 0 || basePort > 65535)) {
    throw new Error(`SANDBOX_PORT must be a port number, got '${process.env.SANDBOX_PORT}'`);
  }

  const running: RunningSandbox[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(running.map((r) => r.close()));
  };
  try {
    for (const [index, definition] of selected.entries()) {
      const port = basePort === undefined ? SANDBOX_PORTS[definition.name] : basePort === 0 ? 0 : basePort + index;
      const sandbox = await definition.start(port, '127.0.0.1');
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
