// deploy/nginx under the real nginx, rendered and started as the local stack
// starts it (deploy/local/run.sh), with a frontend at / (whose index.html
// fallback answers any unknown path) and a stand-in upstream that records
// what reaches it: /internal/ (auth-service's revocation feed, for
// task-service only) gets the proxy's own JSON 404 in every spelling of the
// path, and never reaches a service; the public routes still do.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { renderNginxInto } from './lib/nginx.mjs';

const nginx = ['/usr/sbin/nginx', 'nginx'].find((candidate) => !spawnSync(candidate, ['-v']).error);

// GET <path> exactly as written (no URL normalisation of dot segments).
function get(port, requestPath) {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: requestPath, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function freePort() {
  const server = http.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Spellings of the feed's path a client might try; nginx resolves each to
// /internal/... before it picks a location.
const INTERNAL_PATHS = [
  '/internal', '/internal/', '/internal/revocations', '/internal/revocations?after=0',
  '//internal/revocations', '/auth/../internal/revocations', '/api/../internal/revocations',
  '/auth/%2e%2e/internal/revocations', '/auth/%2E%2E/internal/revocations', '/auth/..%2finternal/revocations',
];

describe('deploy/nginx run by nginx', { skip: nginx ? false : 'nginx is not installed' }, () => {
  const reached = [];
  const upstream = http.createServer((request, response) => {
    reached.push(request.url);
    response.setHeader('Content-Type', 'application/json');
    response.end('{"upstream":true}');
  });
  let out;
  let proxy;
  let port;

  before(async () => {
    const upstreamPort = await listen(upstream);
    port = await freePort();
    out = mkdtempSync(path.join(tmpdir(), 'todo-nginx-live-'));
    // As root nginx's workers run as nobody (run.sh does the same).
    chmodSync(out, 0o755);
    const conf = renderNginxInto(out, {
      PROXY_LISTEN: `127.0.0.1:${port}`,
      AUTH_UPSTREAM: `127.0.0.1:${upstreamPort}`,
      TASK_UPSTREAM: `127.0.0.1:${upstreamPort}`,
      LOG_DIR: out,
    });
    writeFileSync(path.join(out, 'www', 'index.html'), '<!doctype html><title>frontend</title>\n');
    const globals = `daemon off;${process.getuid() === 0 ? ' user nobody nogroup;' : ''}`;
    proxy = spawn(nginx, ['-p', conf, '-c', path.join(conf, 'nginx.conf'), '-e', path.join(out, 'nginx.log'), '-g', globals],
      { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await get(port, '/openapi.json');
        break;
      } catch (error) {
        if (Date.now() > deadline || proxy.exitCode !== null) throw new Error(`nginx did not start: ${error.message}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });

  after(async () => {
    if (proxy && proxy.exitCode === null) {
      const exited = new Promise((resolve) => proxy.once('exit', resolve));
      proxy.kill('SIGTERM');
      await exited;
    }
    upstream.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  for (const requestPath of INTERNAL_PATHS) {
    it(`GET ${requestPath}: the proxy's JSON 404, nothing reaches a service`, async () => {
      const before = reached.length;
      const response = await get(port, requestPath);
      assert.equal(response.status, 404);
      assert.equal(response.headers['content-type'], 'application/json');
      assert.equal(response.body, '{"detail":"Not Found"}');
      assert.ok(response.headers['x-request-id'], 'X-Request-ID on the proxy’s own answer');
      assert.deepEqual(reached.slice(before), []);
    });
  }

  it('serves the frontend’s index.html for other unknown paths (so the 404s above are not the fallback’s)', async () => {
    const response = await get(port, '/some/page');
    assert.equal(response.status, 200);
    assert.match(response.body, /frontend/);
  });

  it('still routes /auth/ and /api/ to the services, the URI unchanged', async () => {
    for (const requestPath of ['/auth/me', '/api/tasks']) {
      const response = await get(port, requestPath);
      assert.equal(response.status, 200, requestPath);
      assert.equal(reached.at(-1), requestPath);
    }
  });
});
