import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { uploadArtifact } from '../../../shared/report/artifact.js';
import { MemoryLogger } from '../../support/fakes.js';

const saved = { token: process.env.ACTIONS_RUNTIME_TOKEN, url: process.env.ACTIONS_RESULTS_URL };

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

beforeEach(() => {
  delete process.env.ACTIONS_RUNTIME_TOKEN;
  delete process.env.ACTIONS_RESULTS_URL;
});

afterEach(() => {
  restore('ACTIONS_RUNTIME_TOKEN', saved.token);
  restore('ACTIONS_RESULTS_URL', saved.url);
});

describe('uploadArtifact outside GitHub Actions', () => {
  it('warns with the artifact name and where the file stays, and returns undefined', async () => {
    const logger = new MemoryLogger();
    const file = '/tmp/run/export-abc123.json';
    await expect(uploadArtifact({ name: 'cdm-export', files: [file] }, logger)).resolves.toBeUndefined();
    const warnings = logger.lines.filter((line) => line.level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].title).toBe('Artifact not uploaded');
    expect(warnings[0].message).toContain("Artifact 'cdm-export' was not uploaded");
    expect(warnings[0].message).toContain(`The file stays at ${file}.`);
    expect(warnings[0].message).toContain('ACTIONS_RUNTIME_TOKEN');
    expect(logger.messages('error')).toEqual([]);
  });

  it('names every file when several were to be uploaded', async () => {
    const logger = new MemoryLogger();
    await uploadArtifact({ name: 'bundle', files: ['/tmp/a.json', '/tmp/b.xml'] }, logger);
    expect(logger.messages('warning')[0]).toContain('/tmp/a.json, /tmp/b.xml');
  });

  it('also skips the upload when only the results URL is missing', async () => {
    process.env.ACTIONS_RUNTIME_TOKEN = 'runtime-token';
    const logger = new MemoryLogger();
    await expect(uploadArtifact({ name: 'cdm-export', files: ['/tmp/x'] }, logger)).resolves.toBeUndefined();
    expect(logger.messages('warning')).toHaveLength(1);
    expect(logger.text).not.toContain('runtime-token');
  });
});
