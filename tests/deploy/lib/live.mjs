// Running deploy/nginx under the real nginx for the live checks: plain HTTP
// requests that keep the path as written, local servers on free ports, and
// nginx started on a rendered configuration and stopped again.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { renderNginxInto } from './nginx.mjs';

// The nginx binary, or undefined when there is none (the checks skip).
export const nginx = ['/usr/sbin/nginx', 'nginx'].find((candidate) => !spawnSync(candidate, ['-v']).error);

// GET <path> exactly as written (no URL normalisation of dot segments); the
// body as text, undecoded (a gzip answer stays compressed; `bytes` has its size).
export function get(port, requestPath, headers = {}, method = 'GET') {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: requestPath, method, headers, agent: false }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => { chunks.push(chunk); });
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: response.statusCode, headers: response.headers, body: raw.toString('utf8'), bytes: raw.length });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

export function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

export async function freePort() {
  const server = http.createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Starts nginx on the configuration rendered into `conf` (deploy/nginx's
// render.sh), in the foreground, its early errors into `errorLog`; resolves
// once it answers /openapi.json on `port`.
export async function startNginx(conf, errorLog, port) {
  // As root nginx's workers run as nobody (deploy/local/run.sh does the same).
  const globals = `daemon off;${process.getuid() === 0 ? ' user nobody nogroup;' : ''}`;
  const proxy = spawn(nginx, ['-p', conf, '-c', path.join(conf, 'nginx.conf'), '-e', errorLog, '-g', globals], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await get(port, '/openapi.json');
      return proxy;
    } catch (error) {
      if (Date.now() > deadline || proxy.exitCode !== null) {
        await stopNginx(proxy);
        throw new Error(`nginx did not start: ${error.message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export async function stopNginx(proxy) {
  if (!proxy || proxy.exitCode !== null) return;
  const exited = new Promise((resolve) => proxy.once('exit', resolve));
  proxy.kill('SIGTERM');
  await exited;
}

// deploy/nginx (with `extraLocations`: renderNginxInto) rendered into a new
// temp dir and started on a free port, both upstreams at `upstream` (an
// http.Server, started here), its logs in <out>/nginx.log; `prepare(out)`
// runs before nginx starts. Returns { out, port, environment, stop }.
export async function startProxy(upstream, { extraLocations = {}, prepare = () => {} } = {}) {
  const upstreamPort = await listen(upstream);
  const port = await freePort();
  const out = mkdtempSync(path.join(tmpdir(), 'todo-nginx-live-'));
  // As root nginx's workers run as nobody (deploy/local/run.sh does the same).
  chmodSync(out, 0o755);
  const environment = {
    PROXY_LISTEN: `127.0.0.1:${port}`,
    AUTH_UPSTREAM: `127.0.0.1:${upstreamPort}`,
    TASK_UPSTREAM: `127.0.0.1:${upstreamPort}`,
    LOG_DIR: out,
  };
  const conf = renderNginxInto(out, environment, extraLocations);
  prepare(out);
  let proxy;
  try {
    proxy = await startNginx(conf, path.join(out, 'nginx.log'), port);
  } catch (error) {
    upstream.close();
    rmSync(out, { recursive: true, force: true });
    throw error;
  }
  return {
    out,
    port,
    environment,
    async stop() {
      await stopNginx(proxy);
      upstream.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}
