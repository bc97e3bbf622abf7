// Jest global setup: every temporary folder of the run (the tests', and those of the bundles they start) goes
// under one folder that the global teardown removes, so `npm test` leaves the OS temp folder as it found it.
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup() {
  const root = mkdtempSync(path.join(realpathSync(tmpdir()), 'config-promotion-tests-'));
  globalThis.__testTempRoot = root;
  // Workers and the child processes they spawn inherit this, and os.tmpdir() reads it on every call.
  process.env.TMPDIR = root;
  process.env.TEMP = root;
  process.env.TMP = root;
}
