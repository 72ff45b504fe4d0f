// The spec lists every endpoint of the contract (docs/api.md), with
// the statuses and headers the contract names for it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { loadSpec } from './validator.mjs';

const spec = loadSpec();

// method, path, statuses the contract names, response headers it names
// (a trailing "?": documented, not always sent).
const CONTRACT = [
  ['POST', '/auth/signup', { 201: ['Location'], 409: [], 422: [] }],
  ['POST', '/auth/login', { 200: ['Cache-Control'], 401: ['WWW-Authenticate'], 429: ['Retry-After'] }],
  ['GET', '/auth/me', { 200: [], 401: ['WWW-Authenticate'] }],
  // Sessions: every answer that carries tokens is `Cache-Control: no-store`.
  ['POST', '/auth/refresh', { 200: ['Cache-Control'], 400: [], 401: ['WWW-Authenticate'], 415: [], 422: [], 429: ['Retry-After'] }],
  ['POST', '/auth/logout', { 204: [], 400: [], 401: ['WWW-Authenticate'], 415: [], 422: [] }],
  ['POST', '/auth/logout-all', { 204: [], 401: ['WWW-Authenticate'] }],
  ['POST', '/auth/password', { 200: ['Cache-Control'], 401: ['WWW-Authenticate'], 403: [], 422: [], 429: ['Retry-After'], 503: ['Retry-After?'] }],
  ['DELETE', '/auth/me', { 204: [], 401: ['WWW-Authenticate'], 403: [], 422: [], 429: ['Retry-After'], 503: ['Retry-After?'] }],
  // X-User-Email is documented but optional: a token may carry no email
  // claim (docs/auth-service.md).
  ['GET', '/auth/verify', { 200: ['X-User-Id', 'X-User-Email?'], 401: ['WWW-Authenticate'] }],
  ['GET', '/api/tasks', { 200: ['X-Total-Count'], 401: ['WWW-Authenticate'], 422: [] }],
  ['POST', '/api/tasks', { 201: ['Location'], 400: [], 413: [], 415: [], 422: [] }],
  ['GET', '/api/tasks/{id}', { 200: [], 404: [], 422: [] }],
  ['PUT', '/api/tasks/{id}', { 200: [], 404: [], 422: [] }],
  ['PATCH', '/api/tasks/{id}', { 200: [], 404: [], 422: [] }],
  ['PATCH', '/api/tasks/{id}/complete', { 200: [], 404: [] }],
  ['DELETE', '/api/tasks/{id}', { 204: [], 404: [] }],
  ['GET', '/healthz', { 200: [] }],
  ['GET', '/readyz', { 200: [], 503: [] }],
  ['GET', '/metrics', { 200: [] }],
];

function resolve(node) {
  while (node?.$ref) {
    node = node.$ref
      .slice(2)
      .split('/')
      .reduce((n, t) => n[t.replaceAll('~1', '/').replaceAll('~0', '~')], spec);
  }
  return node;
}

for (const [method, path, statuses] of CONTRACT) {
  test(`${method} ${path} is described with the contract's statuses and headers`, () => {
    const operation = spec.paths[path]?.[method.toLowerCase()];
    assert.ok(operation, `${method} ${path} is missing from docs/openapi.yaml`);
    for (const [status, headers] of Object.entries(statuses)) {
      const response = resolve(operation.responses[status]);
      assert.ok(response, `${method} ${path}: status ${status} is not documented`);
      const documented = Object.keys(response.headers ?? {});
      for (const entry of ['X-Request-ID', ...headers]) {
        const header = entry.replace(/\?$/, '');
        assert.ok(documented.includes(header), `${method} ${path} ${status}: header ${header} is not documented`);
        if (header === entry) {
          assert.equal(resolve(response.headers[header]).required, true, `${method} ${path} ${status}: ${header} should be required`);
        }
      }
    }
  });
}

test('every operation answers with X-Request-ID on every status', () => {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation?.responses) continue;
      for (const [status, ref] of Object.entries(operation.responses)) {
        assert.ok(resolve(ref).headers?.['X-Request-ID'], `${method.toUpperCase()} ${path} ${status} lacks X-Request-ID`);
      }
    }
  }
});

// Refresh authenticates with the refresh token in its body, not a bearer token.
const BEARER_AUTH_PATHS = ['/auth/me', '/auth/verify', '/auth/logout', '/auth/logout-all', '/auth/password'];

test('every /api operation and the bearer /auth endpoints require a bearer token; signup, login and refresh do not', () => {
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation?.responses) continue;
      const security = operation.security ?? spec.security;
      const needsToken = path.startsWith('/api/') || BEARER_AUTH_PATHS.includes(path);
      assert.equal(security.length > 0, needsToken, `${method.toUpperCase()} ${path}`);
      if (needsToken) assert.ok(operation.responses['401'], `${method.toUpperCase()} ${path} documents no 401`);
    }
  }
  const password = spec.components.securitySchemes.oauth2Password.flows.password;
  assert.equal(password.tokenUrl, '/auth/login');
});

// The list above is a copy of what docs/api.md names; make sure the copy is
// complete.
const contractPath = fileURLToPath(new URL('../../docs/api.md', import.meta.url));
test('the list above names every endpoint heading of docs/api.md', () => {
  const headings = [...readFileSync(contractPath, 'utf8').matchAll(/^###\s+(.+)$/gm)].map((m) => m[1]);
  assert.ok(headings.length > 0, `no ### headings in ${contractPath}`);
  const named = new Set(CONTRACT.map(([m, p]) => `${m} ${p}`));
  for (const heading of headings) {
    // "PUT /api/tasks/{id} and PATCH /api/tasks/{id}" names two endpoints.
    for (const [, method, path] of heading.matchAll(/\b(GET|POST|PUT|PATCH|DELETE) (\/\S+)/g)) {
      assert.ok(named.has(`${method} ${path}`), `api.md names ${method} ${path}, the list does not`);
    }
  }
  for (const line of readFileSync(contractPath, 'utf8').matchAll(/^- `(GET|POST) (\/[a-z]+)`/gm)) {
    assert.ok(named.has(`${line[1]} ${line[2]}`), `api.md names ${line[1]} ${line[2]}`);
  }
});
