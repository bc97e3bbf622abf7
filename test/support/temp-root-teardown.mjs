// Jest global teardown: removes the run's temporary folder (see temp-root-setup.mjs).
import { rmSync } from 'node:fs';

export default function teardown() {
  const root = globalThis.__testTempRoot;
  if (root) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
