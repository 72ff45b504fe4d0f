// deploy/nginx under the real nginx, rendered and started as the local stack
// starts it (deploy/local/run.sh), with a frontend at / (whose index.html
// fallback answers any unknown path) and a stand-in upstream that records
// what reaches it: /internal/ (auth-service's revocation feed, for
// task-service only) gets the proxy's own JSON 404 in every spelling of the
// path, and never reaches a service; the public routes still do. The
// frontend, a stand-in for web/build.sh's output (index.html + hashed files
// under assets/), is served with the headers docs/deploy.md promises: a year
// and `immutable` for /assets/, `no-cache` and the app's CSP for index.html
// and its fallback, gzip for text, nosniff, X-Request-ID everywhere.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { get, nginx, startProxy } from './lib/live.mjs';

// What the app's pages must carry (docs/deploy.md, "The frontend").
const APP_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";
const IMMUTABLE = 'public, max-age=31536000, immutable';

// A stand-in for web/build.sh's output: large enough for gzip_min_length.
const INDEX_HTML = '<!doctype html><html lang="en"><head><title>frontend</title>' +
  '<script type="module" crossorigin src="/assets/index-3f2a1b9c.js"></script>' +
  '<link rel="stylesheet" href="/assets/index-5d4e3c2b.css"></head><body><div id="root"></div>' +
  `<!-- ${'padding '.repeat(40)}--></body></html>\n`;
const APP_FILES = {
  'index.html': INDEX_HTML,
  'assets/index-3f2a1b9c.js': `export const app = ${JSON.stringify('x'.repeat(2000))};\n`,
  'assets/index-5d4e3c2b.css': `body { margin: 0; }\n${'.a { color: red; }\n'.repeat(100)}`,
  'assets/logo-7a6b5c4d.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(200)}</svg>\n`,
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
};

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
  let live;
  let out;
  let port;

  before(async () => {
    live = await startProxy(upstream, {
      prepare: (dir) => {
        for (const [name, content] of Object.entries(APP_FILES)) {
          mkdirSync(path.dirname(path.join(dir, 'www', name)), { recursive: true });
          writeFileSync(path.join(dir, 'www', name), content);
        }
      },
    });
    ({ out, port } = live);
  });

  after(async () => {
    await live?.stop();
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

  // index.html itself, the root and client routes: the same page, the same headers.
  for (const requestPath of ['/', '/index.html', '/signin', '/signup', '/account', '/tasks/42', '/signin?next=%2Faccount', '/some/deep/route.with.dot']) {
    it(`GET ${requestPath}: index.html with 200, no-cache, the app's CSP, nosniff`, async () => {
      const response = await get(port, requestPath);
      assert.equal(response.status, 200);
      assert.match(response.headers['content-type'], /^text\/html/);
      assert.equal(response.body, INDEX_HTML);
      assert.equal(response.headers['cache-control'], 'no-cache');
      assert.equal(response.headers['content-security-policy'], APP_CSP);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.ok(response.headers['x-request-id'], 'X-Request-ID');
    });
  }

  it('serves hashed assets for a year, immutable, with their types and nosniff', async () => {
    const types = { js: /^application\/javascript|^text\/javascript/, css: /^text\/css/, svg: /^image\/svg\+xml/ };
    for (const name of Object.keys(APP_FILES).filter((file) => file.startsWith('assets/'))) {
      const response = await get(port, `/${name}`);
      assert.equal(response.status, 200, name);
      assert.equal(response.body, APP_FILES[name], name);
      assert.match(response.headers['content-type'], types[name.split('.').at(-1)], name);
      assert.equal(response.headers['cache-control'], IMMUTABLE, name);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', name);
      assert.ok(response.headers['x-request-id'], `X-Request-ID on ${name}`);
    }
  });

  it('answers a missing asset with the JSON 404, never index.html or a long cache', async () => {
    for (const requestPath of ['/assets/index-00000000.js', '/assets/', '/assets/nested/missing.css']) {
      const response = await get(port, requestPath);
      assert.equal(response.status, 404, requestPath);
      assert.equal(response.headers['content-type'], 'application/json', requestPath);
      assert.equal(response.body, '{"detail":"Not Found"}', requestPath);
      assert.notEqual(response.headers['cache-control'], IMMUTABLE, requestPath);
      assert.ok(response.headers['x-request-id'], requestPath);
    }
  });

  it('serves other files at the root with no-cache (they have no hash)', async () => {
    const response = await get(port, '/favicon.svg');
    assert.equal(response.status, 200);
    assert.match(response.headers['content-type'], /^image\/svg\+xml/);
    assert.equal(response.headers['cache-control'], 'no-cache');
  });

  it('compresses HTML, JavaScript, CSS and SVG for clients that accept gzip', async () => {
    for (const requestPath of ['/', '/signin', '/assets/index-3f2a1b9c.js', '/assets/index-5d4e3c2b.css', '/assets/logo-7a6b5c4d.svg']) {
      const response = await get(port, requestPath, { 'accept-encoding': 'gzip' });
      assert.equal(response.status, 200, requestPath);
      assert.equal(response.headers['content-encoding'], 'gzip', requestPath);
      assert.match(response.headers.vary ?? '', /Accept-Encoding/i, requestPath);
      const plain = await get(port, requestPath);
      assert.ok(response.bytes < plain.bytes, `${requestPath}: ${response.bytes} gzip bytes >= ${plain.bytes}`);
      assert.equal(plain.headers['content-encoding'], undefined, `${requestPath} without Accept-Encoding`);
    }
  });

  it('compresses /openapi.json but never the services’ answers', async () => {
    writeFileSync(path.join(out, 'www', 'openapi.json'), JSON.stringify({ openapi: '3.1.0', padding: 'p'.repeat(1000) }));
    const docs = await get(port, '/openapi.json', { 'accept-encoding': 'gzip' });
    assert.equal(docs.status, 200);
    assert.equal(docs.headers['content-encoding'], 'gzip');
    for (const requestPath of ['/auth/me', '/api/tasks']) {
      const response = await get(port, requestPath, { 'accept-encoding': 'gzip' });
      assert.equal(response.status, 200, requestPath);
      assert.equal(response.headers['content-encoding'], undefined, requestPath);
      assert.equal(response.body, '{"upstream":true}', requestPath);
    }
  });

  it('keeps /docs on its own policy (Swagger UI needs inline styles), not the app’s', async () => {
    writeFileSync(path.join(out, 'www', 'swagger.js'), 'window.ui = 1;\n');
    for (const requestPath of ['/docs', '/docs/', '/docs/swagger.js']) {
      const response = await get(port, requestPath);
      assert.equal(response.status, 200, requestPath);
      assert.match(response.headers['content-security-policy'], /style-src 'self' 'unsafe-inline'/, requestPath);
      assert.notEqual(response.headers['cache-control'], IMMUTABLE, requestPath);
    }
  });
});
