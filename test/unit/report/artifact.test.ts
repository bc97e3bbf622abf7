import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ArtifactError } from '../../../shared/errors.js';
import { uploadArtifact } from '../../../shared/report/artifact.js';
import { MemoryLogger } from '../../support/fakes.js';

const saved = {
  token: process.env.ACTIONS_RUNTIME_TOKEN,
  url: process.env.ACTIONS_RESULTS_URL,
  server: process.env.GITHUB_SERVER_URL,
};

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

beforeEach(() => {
  delete process.env.ACTIONS_RUNTIME_TOKEN;
  delete process.env.ACTIONS_RESULTS_URL;
  delete process.env.GITHUB_SERVER_URL;
});

afterEach(() => {
  restore('ACTIONS_RUNTIME_TOKEN', saved.token);
  restore('ACTIONS_RESULTS_URL', saved.url);
  restore('GITHUB_SERVER_URL', saved.server);
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

describe('uploadArtifact where the runner has an artifact service', () => {
  beforeEach(() => {
    // A runtime token the artifact client cannot read: the upload fails before any request is sent.
    process.env.ACTIONS_RUNTIME_TOKEN = 'not-a-runtime-token';
    process.env.ACTIONS_RESULTS_URL = 'http://127.0.0.1:9/';
  });

  it('fails the step when the upload fails: the user asked for the artifact', async () => {
    const logger = new MemoryLogger();
    const file = '/tmp/run/export-abc123.json';
    const upload = uploadArtifact({ name: 'cdm-export', files: [file] }, logger);
    await expect(upload).rejects.toBeInstanceOf(ArtifactError);
    await expect(upload).rejects.toThrow(
      new RegExp(`^Artifact 'cdm-export' was not uploaded: .+\\. The file stays at ${file}; re-run the job`),
    );
    expect(logger.messages('warning')).toEqual([]);
  });

  it('on GitHub Enterprise Server, which the artifact client does not support, it stays a warning', async () => {
    process.env.GITHUB_SERVER_URL = 'https://github.example.com';
    const logger = new MemoryLogger();
    await expect(uploadArtifact({ name: 'cdm-export', files: ['/tmp/x'] }, logger)).resolves.toBeUndefined();
    expect(logger.messages('warning')).toEqual([
      "Artifact 'cdm-export' was not uploaded: github.example.com is GitHub Enterprise Server, which this artifact upload does not support. The file stays at /tmp/x.",
    ]);
  });

  it.each(['https://github.com', 'https://acme.ghe.com'])('on %s it uploads (and so fails here)', async (server) => {
    process.env.GITHUB_SERVER_URL = server;
    await expect(uploadArtifact({ name: 'a', files: ['/tmp/x'] }, new MemoryLogger())).rejects.toBeInstanceOf(
      ArtifactError,
    );
  });
});
