// Sign-up, log-in (JSON and the OAuth2 form), /auth/me and /auth/verify,
// through the reverse proxy exactly as the frontend calls them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { request } from './lib/client.mjs';
import { logIn, newUser, password, uniqueEmail } from './lib/users.mjs';

const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('sign-up', () => {
  it('creates a user with a trimmed, lowercased email and never returns the password', async () => {
    const email = uniqueEmail('signup');
    const response = await request('POST', '/auth/signup', {
      body: { email: `  ${email.toUpperCase()} `, password },
    });
    assert.equal(response.status, 201, response.body);
    assert.equal(response.headers.location, '/auth/me');
    assert.match(response.headers['content-type'], /^application\/json/);
    assert.deepEqual(Object.keys(response.json).sort(), ['created_at', 'email', 'id']);
    assert.equal(response.json.email, email);
    assert.equal(typeof response.json.id, 'string');
    assert.ok(response.json.id.length > 0);
    assert.match(response.json.created_at, isoUtc);
    assert.ok(!response.body.includes(password));
  });

  it('refuses an email that exists in another letter case with 409', async () => {
    const email = uniqueEmail('dup');
    assert.equal((await request('POST', '/auth/signup', { body: { email, password } })).status, 201);
    const again = await request('POST', '/auth/signup', {
      body: { email: email.toUpperCase(), password: 'another password' },
    });
    assert.equal(again.status, 409);
    assert.deepEqual(again.json, { detail: 'Email already registered' });
  });

  it('answers invalid fields with 422 in the FastAPI shape', async () => {
    const response = await request('POST', '/auth/signup', {
      body: { email: 'not-an-email', password: 'short' },
    });
    assert.equal(response.status, 422);
    assert.ok(Array.isArray(response.json.detail));
    const locations = response.json.detail.map((item) => item.loc.join('.'));
    assert.ok(locations.includes('body.email'), locations.join());
    for (const item of response.json.detail) {
      assert.equal(typeof item.msg, 'string');
      assert.equal(typeof item.type, 'string');
    }
  });

  it('answers a body that is not JSON with 415 or 400', async () => {
    const wrongType = await request('POST', '/auth/signup', {
      body: 'email=a@b.c', headers: { 'content-type': 'text/plain' },
    });
    assert.equal(wrongType.status, 415);
    const broken = await request('POST', '/auth/signup', {
      body: '{"email": ', headers: { 'content-type': 'application/json' },
    });
    assert.equal(broken.status, 400);
    assert.equal(typeof broken.json.detail, 'string');
  });
});

describe('log-in', () => {
  it('gives a bearer token for JSON credentials', async () => {
    const user = await newUser('login-json');
    const response = await request('POST', '/auth/login', {
      body: { email: user.email, password },
    });
    assert.equal(response.status, 200, response.body);
    assert.equal(response.json.token_type, 'bearer');
    assert.equal(typeof response.json.access_token, 'string');
    assert.equal(response.json.access_token.split('.').length, 3);
    assert.ok(Number.isInteger(response.json.expires_in) && response.json.expires_in > 0);
  });

  it('gives a bearer token for the OAuth2 password form (username=...)', async () => {
    const user = await newUser('login-form');
    const response = await request('POST', '/auth/login', {
      form: { username: user.email, password },
    });
    assert.equal(response.status, 200, response.body);
    assert.equal(response.json.token_type, 'bearer');
    const me = await request('GET', '/auth/me', { token: response.json.access_token });
    assert.equal(me.status, 200);
    assert.equal(me.json.email, user.email);
  });

  it('says the same for a wrong password and an unknown email', async () => {
    const user = await newUser('login-wrong');
    const wrongPassword = await request('POST', '/auth/login', {
      body: { email: user.email, password: 'not the password' },
    });
    const unknownEmail = await request('POST', '/auth/login', {
      body: { email: uniqueEmail('nobody'), password },
    });
    for (const response of [wrongPassword, unknownEmail]) {
      assert.equal(response.status, 401);
      assert.deepEqual(response.json, { detail: 'Incorrect email or password' });
      assert.match(response.headers['www-authenticate'], /^Bearer/);
    }
  });
});

describe('/auth/me and /auth/verify', () => {
  it('returns the signed-up user for its token', async () => {
    const user = await newUser('me');
    const response = await request('GET', '/auth/me', { token: user.token });
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, user.me);
  });

  it('rejects a missing or forged token with 401 and WWW-Authenticate', async () => {
    const missing = await request('GET', '/auth/me');
    assert.equal(missing.status, 401);
    assert.match(missing.headers['www-authenticate'], /^Bearer/);
    assert.equal(typeof missing.json.detail, 'string');

    const user = await newUser('forged');
    const [header, payload] = user.token.split('.');
    const forged = await request('GET', '/auth/me', { token: `${header}.${payload}.AAAA` });
    assert.equal(forged.status, 401);
    assert.match(forged.headers['www-authenticate'], /error="invalid_token"/);
  });

  it('verifies a token for the proxy without a database read', async () => {
    const user = await newUser('verify');
    const response = await request('GET', '/auth/verify', { token: user.token });
    assert.equal(response.status, 200);
    assert.equal(response.headers['x-user-id'], user.id);
    assert.equal(response.headers['x-user-email'], user.email);
    assert.equal(response.json.sub, user.id);
    assert.ok(response.json.exp > Date.now() / 1000);
  });

  it('accepts a token from a second log-in too', async () => {
    const user = await newUser('relogin');
    const second = await logIn(user.email);
    const response = await request('GET', '/auth/me', { token: second });
    assert.equal(response.status, 200);
    assert.equal(response.json.id, user.id);
  });
});
