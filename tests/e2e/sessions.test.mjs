// Sessions through the real proxy and both services: a revoked token stops
// working at task-service within 2 s (it follows auth-service's revocation
// feed; no call on the request path), other tokens keep working, deleted
// accounts lose their tasks within 5 s, and the internal feed is neither
// routed by the proxy nor open to user tokens.
//
// Restarts and the fail-closed mode are proven with the real binaries in
// tests/system (they need to stop and start one service at a time).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import { request } from './lib/client.mjs';
import { newUser, password, uniqueEmail } from './lib/users.mjs';

// Set by tests/e2e/run.sh; the container test (deploy/docker/test.sh) sets
// only E2E_BASE_URL, and the cases that need these are skipped there.
const secretsDir = process.env.E2E_SECRETS_DIR;
const authUrl = process.env.E2E_AUTH_URL;
const taskDatabaseUrl = process.env.E2E_TASK_DATABASE_URL;

// Polls `check` until it is true; fails when `boundMs` passes first. Returns
// the time it took, so the bound is asserted rather than slept.
async function within(boundMs, what, check) {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > boundMs) assert.fail(`${what}: not within ${boundMs} ms`);
    await sleep(25);
  }
}

async function fullLogin(email, secret = password) {
  const response = await request('POST', '/auth/login', { body: { email, password: secret } });
  assert.equal(response.status, 200, response.body);
  return response.json;
}

async function tasksStatus(token) {
  return (await request('GET', '/api/tasks', { token })).status;
}

async function rejectedAsRevoked(token) {
  const response = await request('GET', '/api/tasks', { token });
  if (response.status !== 401) return false;
  assert.deepEqual(response.json, { detail: 'Token has been revoked' });
  assert.equal(response.headers['www-authenticate'], 'Bearer error="invalid_token"');
  return true;
}

function base64url(data) {
  return Buffer.from(data).toString('base64url');
}

// A service token as task-service mints one: HS256 with the service secret.
function serviceToken() {
  const secret = readFileSync(`${secretsDir}/service-jwt-secret`, 'utf8').trim();
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({ sub: 'e2e', aud: 'todo-internal', iat: now, exp: now + 120, jti: randomBytes(16).toString('hex') }),
  );
  const signature = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
  return `${header}.${claims}.${signature}`;
}

describe('sessions: revocation reaches task-service within 2 s', () => {
  it('logout: that token is refused, the same user’s other token keeps working', async () => {
    const user = await newUser('logout');
    const other = await fullLogin(user.email);
    assert.equal(await tasksStatus(user.token), 200);
    const out = await request('POST', '/auth/logout', { token: user.token });
    assert.equal(out.status, 204);
    const took = await within(2000, 'revoked token refused', () => rejectedAsRevoked(user.token));
    console.log(`logout → task-service refuses the token after ${took} ms`);
    assert.equal(await tasksStatus(other.access_token), 200);
  });

  it('logout-all: every token of the user is refused; a new login works', async () => {
    const user = await newUser('logout-all');
    const other = await fullLogin(user.email);
    assert.equal((await request('POST', '/auth/logout-all', { token: other.access_token })).status, 204);
    await within(2000, 'first token refused', () => rejectedAsRevoked(user.token));
    await within(2000, 'second token refused', () => rejectedAsRevoked(other.access_token));
    const again = await fullLogin(user.email);
    assert.equal(await tasksStatus(again.access_token), 200);
    const refreshed = await request('POST', '/auth/refresh', { body: { refresh_token: other.refresh_token } });
    assert.equal(refreshed.status, 401);
  });

  it('password change: the new session works, every other one is refused', async () => {
    const user = await newUser('password');
    const changed = await request('POST', '/auth/password', {
      token: user.token,
      body: { current_password: password, new_password: 'a brand new passphrase' },
    });
    assert.equal(changed.status, 200, changed.body);
    assert.equal(await tasksStatus(changed.json.access_token), 200);
    await within(2000, 'old token refused', () => rejectedAsRevoked(user.token));
    assert.equal(await tasksStatus(changed.json.access_token), 200);
    await fullLogin(user.email, 'a brand new passphrase');
  });

  it('refresh rotates; presenting a spent refresh token kills the chain everywhere', async () => {
    const email = uniqueEmail('refresh');
    assert.equal((await request('POST', '/auth/signup', { body: { email, password } })).status, 201);
    const first = await fullLogin(email);
    const second = await request('POST', '/auth/refresh', { body: { refresh_token: first.refresh_token } });
    assert.equal(second.status, 200, second.body);
    assert.notEqual(second.json.refresh_token, first.refresh_token);
    assert.equal(await tasksStatus(second.json.access_token), 200);

    const reuse = await request('POST', '/auth/refresh', { body: { refresh_token: first.refresh_token } });
    assert.equal(reuse.status, 401);
    assert.deepEqual(reuse.json, { detail: 'Invalid refresh token' });
    await within(2000, 'chain’s newest access token refused', () => rejectedAsRevoked(second.json.access_token));
    await within(2000, 'chain’s first access token refused', () => rejectedAsRevoked(first.access_token));
    const dead = await request('POST', '/auth/refresh', { body: { refresh_token: second.json.refresh_token } });
    assert.equal(dead.status, 401);
  });
});

describe('account deletion', () => {
  it('removes every task within 5 s, and the email signs up again as a new user', async (t) => {
    if (!taskDatabaseUrl) t.diagnostic('no E2E_TASK_DATABASE_URL: the tasks themselves are not counted');
    const user = await newUser('delete');
    for (let i = 0; i < 5; i++) {
      const created = await request('POST', '/api/tasks', { token: user.token, body: { title: `task ${i}` } });
      assert.equal(created.status, 201);
    }
    const gone = await request('DELETE', '/auth/me', { token: user.token, body: { password } });
    assert.equal(gone.status, 204);
    await within(2000, 'token of the deleted user refused', () => rejectedAsRevoked(user.token));
    if (taskDatabaseUrl) {
      const took = await within(5000, 'tasks deleted', () => taskCount(user.id) === 0);
      console.log(`account deleted → its tasks gone after ${took} ms`);
    }

    const again = await request('POST', '/auth/signup', { body: { email: user.email, password } });
    assert.equal(again.status, 201);
    assert.notEqual(again.json.id, user.id);
  });
});

// Tasks of a user, read from task-service's database (the user can no
// longer ask). E2E_TASK_DATABASE_URL is set by tests/e2e/run.sh.
function taskCount(userId) {
  const psql = process.env.E2E_PSQL ?? 'psql';
  const out = execFileSync(psql, [taskDatabaseUrl, '-tAc', `SELECT count(*) FROM tasks WHERE user_id = '${userId.replace(/[^0-9a-f-]/g, '')}'`]);
  return Number(out.toString().trim());
}

describe('the internal feed', () => {
  it('is not routed by the proxy', async () => {
    const token = secretsDir ? serviceToken() : 'a.made-up.token';
    for (const path of ['/internal/revocations', '/internal', '/internal/', '/internal/revocations?after=0']) {
      const response = await request('GET', path, { token });
      assert.equal(response.status, 404, `${path}: ${response.status}`);
    }
  });

  it('refuses user tokens and takes service tokens, on auth-service directly', { skip: !(authUrl && secretsDir) && 'no E2E_AUTH_URL' }, async () => {
    const user = await newUser('feed');
    const asUser = await fetch(`${authUrl}/internal/revocations`, { headers: { authorization: `Bearer ${user.token}` } });
    assert.equal(asUser.status, 401);
    const asService = await fetch(`${authUrl}/internal/revocations`, { headers: { authorization: `Bearer ${serviceToken()}` } });
    assert.equal(asService.status, 200);
    const page = await asService.json();
    assert.equal(typeof page.cursor, 'string');
    assert.ok(Array.isArray(page.events));
  });

  it('service tokens are no user tokens at /api/tasks and /auth/me', { skip: !secretsDir && 'no E2E_SECRETS_DIR' }, async () => {
    const token = serviceToken();
    assert.equal((await request('GET', '/api/tasks', { token })).status, 401);
    assert.equal((await request('GET', '/auth/me', { token })).status, 401);
  });
});
