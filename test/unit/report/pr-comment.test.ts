/** The pull-request comment is a surface like the log: registered secrets never reach GitHub in it. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { upsertPullRequestComment } from '../../../shared/report/pr-comment.js';
import { MemoryLogger } from '../../support/fakes.js';

const saved: Record<string, string | undefined> = {};
const posted: string[] = [];
let server: http.Server;

/** Just the two calls a first comment makes: list the comments (none yet), create one. */
function fakeGitHubApi(): http.Server {
  return http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.setHeader('Content-Type', 'application/json');
      if (req.method === 'GET' && req.url?.startsWith('/repos/acme/config/issues/7/comments')) return res.end('[]');
      if (req.method === 'POST' && req.url === '/repos/acme/config/issues/7/comments') {
        posted.push((JSON.parse(body) as { body: string }).body);
        res.statusCode = 201;
        return res.end('{"id":1}');
      }
      res.statusCode = 404;
      res.end('{"message":"Not Found"}');
    });
  });
}

beforeAll(async () => {
  server = fakeGitHubApi();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const eventFile = path.join(mkdtempSync(path.join(tmpdir(), 'event-')), 'event.json');
  writeFileSync(eventFile, JSON.stringify({ pull_request: { number: 7 } }));
  const env = {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'acme/config',
    GITHUB_API_URL: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
  };
  for (const [name, value] of Object.entries(env)) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('upsertPullRequestComment', () => {
  it('redacts registered secrets from the body it sends', async () => {
    const logger = new MemoryLogger();
    logger.mask('dev-P@ssw0rd');
    logger.mask('smax-token-4f1c2a');
    await upsertPullRequestComment(
      {
        token: 'ghs_test',
        key: 'dev2prod-promote test',
        body: 'Dry run failed: login dev-admin / dev-P@ssw0rd refused; cookie SMAX_AUTH_TOKEN=smax-token-4f1c2a',
      },
      logger,
    );
    expect(logger.messages()).toEqual(['Commented on pull request #7.']);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('Dry run failed: login dev-admin / *** refused; cookie SMAX_AUTH_TOKEN=***');
    expect(posted[0]).not.toContain('dev-P@ssw0rd');
    expect(posted[0]).not.toContain('smax-token-4f1c2a');
  });
});
