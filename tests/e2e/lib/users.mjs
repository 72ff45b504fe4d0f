// Test users: each test makes its own, so files can run in parallel and a
// rerun against a long-lived stack never collides with an earlier run.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

import { request } from './client.mjs';

export const password = 'correct horse battery staple';

export function uniqueEmail(label = 'user') {
  return `e2e-${label}-${Date.now()}-${randomBytes(4).toString('hex')}@example.com`;
}

// Signs up and logs in a fresh user: { email, password, id, token, me }.
export async function newUser(label) {
  const email = uniqueEmail(label);
  const signup = await request('POST', '/auth/signup', { body: { email, password } });
  assert.equal(signup.status, 201, signup.body);
  const token = await logIn(email, password);
  return { email, password, id: signup.json.id, token, me: signup.json };
}

export async function logIn(email, secret = password) {
  const login = await request('POST', '/auth/login', { body: { email, password: secret } });
  assert.equal(login.status, 200, login.body);
  return login.json.access_token;
}
