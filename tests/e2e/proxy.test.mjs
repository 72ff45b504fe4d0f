// What the reverse proxy itself promises: request ids end to end, forwarded
// headers the services can trust, the body limit, and no public access to
// the services' operational endpoints.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, it } from 'node:test';

import { request } from './lib/client.mjs';
import { logLinesWith } from './lib/logs.mjs';
import { newUser } from './lib/users.mjs';

const saneRequestId = /^[A-Za-z0-9._-]{1,128}$/;
const freshId = (label) => `e2e-${label}-${randomBytes(8).toString('hex')}`;

let user;
before(async () => {
  user = await newUser('proxy');
});

describe('request ids', () => {
  it('carries the client’s id to both services’ logs and back in the response', async () => {
    const id = freshId('trace');
    const headers = { 'x-request-id': id };
    const me = await request('GET', '/auth/me', { token: user.token, headers });
    const tasks = await request('GET', '/api/tasks', { token: user.token, headers });
    assert.equal(me.status, 200);
    assert.equal(tasks.status, 200);
    assert.equal(me.headers['x-request-id'], id);
    assert.equal(tasks.headers['x-request-id'], id);
    assert.ok((await logLinesWith('auth-service', id)).length > 0, 'id missing in auth-service log');
    assert.ok((await logLinesWith('task-service', id)).length > 0, 'id missing in task-service log');
  });

  it('makes one up when the client sends none, and logs that one', async () => {
    const response = await request('GET', '/api/tasks', { token: user.token });
    const id = response.headers['x-request-id'];
    assert.match(id, saneRequestId);
    assert.ok((await logLinesWith('task-service', id)).length > 0);
  });

  it('replaces an id the services would not accept', async () => {
    const unacceptable = `bad id ${'x'.repeat(200)}`;
    const response = await request('GET', '/auth/me', {
      token: user.token, headers: { 'x-request-id': unacceptable },
    });
    assert.equal(response.status, 200);
    // Not a substring check: nginx's replacement is random hex, and about
    // one in 130 of those contains "bad".
    const id = response.headers['x-request-id'];
    assert.match(id, saneRequestId);
    assert.notEqual(id, unacceptable);
    assert.ok((await logLinesWith('auth-service', id)).length > 0, 'replacement id missing in auth-service log');
  });

  it('answers with exactly one X-Request-ID, also on errors nginx makes itself', async () => {
    const id = freshId('one');
    const response = await request('GET', '/metrics', { headers: { 'x-request-id': id } });
    assert.equal(response.status, 404);
    assert.equal(response.headers['x-request-id'], id);
    const proxied = await request('GET', '/auth/me', { token: user.token, headers: { 'x-request-id': id } });
    assert.equal(proxied.headers['x-request-id'], id); // node joins duplicates with ", "
  });
});

describe('forwarded headers', () => {
  it('does not let a client choose its address with X-Forwarded-For', async () => {
    const id = freshId('xff');
    const response = await request('GET', '/auth/me', {
      token: user.token, headers: { 'x-request-id': id, 'x-forwarded-for': '203.0.113.77' },
    });
    assert.equal(response.status, 200);
    const lines = await logLinesWith('auth-service', id);
    assert.ok(lines.length > 0);
    for (const line of lines) assert.ok(!line.includes('203.0.113.77'), line);
  });
});

describe('limits', () => {
  it('refuses a body over the services’ limit with 413 in the API’s error shape', async () => {
    const title = 'x'.repeat(70 * 1024);
    const response = await request('POST', '/api/tasks', { token: user.token, body: { title } });
    assert.equal(response.status, 413);
    assert.equal(typeof response.json.detail, 'string');
  });
});

describe('operational endpoints', () => {
  const paths = [
    '/healthz', '/readyz', '/metrics', '/metrics/', '/healthz?x=1',
    '/auth/healthz', '/auth/readyz', '/auth/metrics',
    '/api/healthz', '/api/readyz', '/api/metrics',
    '/auth/../metrics', '/api/../readyz', '/auth/%2e%2e/metrics', '/api/..%2fmetrics',
    '/auth//../healthz', '//metrics',
  ];
  for (const path of paths) {
    it(`are not reachable as ${path}`, async () => {
      const response = await request('GET', path, { token: user.token });
      assert.equal(response.status, 404, `${path}: ${response.status} ${response.body}`);
      assert.ok(!/# (HELP|TYPE) /.test(response.body), `${path} leaked metrics`);
      assert.ok(response.json?.status === undefined, `${path} leaked a health answer`);
    });
  }
});

describe('routing', () => {
  it('sends only /auth/ to auth-service and only /api/ to task-service', async () => {
    assert.equal((await request('GET', '/auth/tasks', { token: user.token })).status, 404);
    assert.equal((await request('GET', '/api/me', { token: user.token })).status, 404);
    const unknown = await request('GET', '/api/nothing-here', { token: user.token });
    assert.equal(unknown.status, 404);
    assert.equal(typeof unknown.json.detail, 'string');
  });
});
