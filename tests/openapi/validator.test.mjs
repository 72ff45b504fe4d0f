// Unit tests of validator.mjs against docs/openapi.yaml, with responses written
// by hand from the contract (docs/api.md): what the contract allows
// must pass, and each kind of drift must be caught.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { createValidator, SpecMismatchError } from './validator.mjs';

const { validateResponse, coverage } = createValidator();

const USER_ID = '0b0f9d1e-5c1a-4c1e-9a57-1f3b2f0c6d4e';
const JSON_TYPE = 'application/json; charset=utf-8';
const TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwYjBmOWQxZSJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';

function task(overrides = {}) {
  return {
    id: 42,
    user_id: USER_ID,
    title: 'Buy milk',
    description: null,
    completed: false,
    priority: 'medium',
    tags: ['home', 'errands'],
    due_date: '2026-12-01T17:00:00Z',
    created_at: '2026-11-24T10:58:46Z',
    updated_at: '2026-11-24T10:58:46.123456Z',
    ...overrides,
  };
}

function json(method, path, status, body, headers = {}) {
  return { method, path, status, headers: { 'Content-Type': JSON_TYPE, 'X-Request-ID': 'req-1', ...headers }, body };
}

function passes(exchange) {
  assert.doesNotThrow(() => validateResponse(exchange));
}

function fails(exchange, pattern) {
  assert.throws(
    () => validateResponse(exchange),
    (error) => error instanceof SpecMismatchError && pattern.test(error.message),
  );
}

describe('auth-service responses', () => {
  const user = { id: USER_ID, email: 'ada@example.com', created_at: '2026-11-24T10:58:46Z' };

  test('signup 201 with Location passes', () => {
    passes(json('POST', '/auth/signup', 201, user, { Location: '/auth/me' }));
  });
  test('signup 201 without Location fails', () => {
    fails(json('POST', '/auth/signup', 201, user), /header Location is missing/);
  });
  test('signup 201 with another Location fails', () => {
    fails(json('POST', '/auth/signup', 201, user, { Location: '/auth/users/1' }), /header Location/);
  });
  test('a user leaking its password hash fails', () => {
    fails(json('GET', '/auth/me', 200, { ...user, password_hash: '$2b$12$x' }), /additional properties "password_hash"/);
  });
  test('a user whose email kept upper case fails', () => {
    fails(json('GET', '/auth/me', 200, { ...user, email: 'Ada@Example.com' }), /body\/email must match pattern/);
  });
  test('a user id that is not a UUID fails', () => {
    fails(json('GET', '/auth/me', 200, { ...user, id: '17' }), /body\/id must match format "uuid"/);
  });
  test('a timestamp with an offset instead of Z fails', () => {
    fails(json('GET', '/auth/me', 200, { ...user, created_at: '2026-11-24T11:58:46+01:00' }), /created_at must match pattern/);
  });
  test('signup 409 passes', () => {
    passes(json('POST', '/auth/signup', 409, { detail: 'Email already registered' }));
  });
  test("signup 422 in FastAPI's shape passes", () => {
    passes(
      json('POST', '/auth/signup', 422, {
        detail: [{ loc: ['body', 'email'], msg: 'value is not a valid email address', type: 'value_error' }],
      }),
    );
  });
  test('422 items may carry list indexes and extra members', () => {
    passes(
      json('POST', '/api/tasks', 422, {
        detail: [{ loc: ['body', 'tags', 3], msg: 'too long', type: 'string_too_long', input: 'x', ctx: { max_length: 50 } }],
      }),
    );
  });
  test('422 with a plain string detail fails', () => {
    fails(json('POST', '/auth/signup', 422, { detail: 'invalid email' }), /body\/detail must be array/);
  });
  test('422 whose loc does not start with body, query or path fails', () => {
    fails(
      json('POST', '/auth/signup', 422, { detail: [{ loc: ['header', 'x'], msg: 'bad', type: 'value_error' }] }),
      /loc\/0 must be equal to one of the allowed values/,
    );
  });
  const session = {
    access_token: TOKEN,
    token_type: 'bearer',
    expires_in: 604800,
    refresh_token: 'q1RZ0v7bU2jHdN4yG8wXcE5tLmA9sKpF3oIuB6hV0Ze',
    refresh_expires_in: 2592000,
  };
  const noStore = { 'Cache-Control': 'no-store' };
  test('login 200 passes', () => {
    passes(json('POST', '/auth/login', 200, session, noStore));
  });
  test('login 200 with token_type "Bearer" fails', () => {
    fails(json('POST', '/auth/login', 200, { ...session, token_type: 'Bearer' }, noStore), /token_type must be equal to constant/);
  });
  test('login 200 without a refresh token fails', () => {
    const { refresh_token: _, ...accessOnly } = session;
    fails(json('POST', '/auth/login', 200, accessOnly, noStore), /refresh_token/);
  });
  test('login 200 without Cache-Control: no-store fails', () => {
    fails(json('POST', '/auth/login', 200, session), /Cache-Control is missing/);
  });
  test('refresh 200 passes, 401 needs WWW-Authenticate', () => {
    passes(json('POST', '/auth/refresh', 200, session, noStore));
    passes(json('POST', '/auth/refresh', 401, { detail: 'Invalid refresh token' }, { 'WWW-Authenticate': 'Bearer' }));
    fails(json('POST', '/auth/refresh', 401, { detail: 'Invalid refresh token' }), /WWW-Authenticate is missing/);
  });
  test('logout 204 with no body passes', () => {
    passes({ method: 'POST', path: '/auth/logout', status: 204, headers: { 'X-Request-ID': 'req-1' }, body: '' });
  });
  test('login 401 with WWW-Authenticate passes', () => {
    passes(json('POST', '/auth/login', 401, { detail: 'Incorrect email or password' }, { 'WWW-Authenticate': 'Bearer' }));
  });
  test('login 401 without WWW-Authenticate fails', () => {
    fails(json('POST', '/auth/login', 401, { detail: 'Incorrect email or password' }), /WWW-Authenticate is missing/);
  });
  test('login 429 with Retry-After in seconds passes', () => {
    passes(json('POST', '/auth/login', 429, { detail: 'Too many failed login attempts' }, { 'Retry-After': '900' }));
  });
  test('login 429 with a Retry-After that is not seconds fails', () => {
    fails(json('POST', '/auth/login', 429, { detail: 'Too many' }, { 'Retry-After': 'Wed, 21 Oct 2026 07:28:00 GMT' }), /Retry-After must be integer/);
  });
  test('login 429 without Retry-After fails', () => {
    fails(json('POST', '/auth/login', 429, { detail: 'Too many' }), /Retry-After is missing/);
  });
  test('me 401 for a rejected token passes', () => {
    passes(json('GET', '/auth/me', 401, { detail: 'Token has expired' }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }));
  });
  test('401 with another challenge scheme fails', () => {
    fails(json('GET', '/auth/me', 401, { detail: 'no' }, { 'WWW-Authenticate': 'Basic realm="x"' }), /WWW-Authenticate must match pattern/);
  });
  test('verify 200 with both user headers passes', () => {
    passes(
      json('GET', '/auth/verify', 200, { sub: USER_ID, email: 'ada@example.com', exp: 1796123032 }, {
        'X-User-Id': USER_ID,
        'X-User-Email': 'ada@example.com',
      }),
    );
  });
  test('verify 200 without X-User-Id fails', () => {
    fails(json('GET', '/auth/verify', 200, { sub: USER_ID, email: 'a@b.c', exp: 1 }, { 'X-User-Email': 'a@b.c' }), /X-User-Id is missing/);
  });
  test('verify 200 for a token without an email claim passes without X-User-Email', () => {
    passes(json('GET', '/auth/verify', 200, { sub: USER_ID, email: null, exp: 1 }, { 'X-User-Id': USER_ID }));
  });
  test('503 from a full hashing queue may say when to retry', () => {
    passes(json('POST', '/auth/login', 503, { detail: 'Service temporarily unavailable' }, { 'Retry-After': '1' }));
    fails(json('POST', '/auth/login', 503, { detail: 'Service temporarily unavailable' }, { 'Retry-After': '0' }), /Retry-After must be >= 1/);
  });
});

describe('task-service responses', () => {
  test('the contract sample task passes in a list with X-Total-Count', () => {
    passes(json('GET', '/api/tasks?status=pending&limit=10', 200, [task(), task({ id: 43, due_date: null })], { 'X-Total-Count': '57' }));
  });
  test('a list without X-Total-Count fails', () => {
    fails(json('GET', '/api/tasks', 200, []), /X-Total-Count is missing/);
  });
  test('a negative X-Total-Count fails', () => {
    fails(json('GET', '/api/tasks', 200, [], { 'X-Total-Count': '-1' }), /X-Total-Count must be >= 0/);
  });
  test('a list longer than the largest page fails', () => {
    const page = Array.from({ length: 101 }, (_, i) => task({ id: i + 1 }));
    fails(json('GET', '/api/tasks', 200, page, { 'X-Total-Count': '101' }), /must NOT have more than 100 items/);
  });
  test('a task with an unknown priority fails', () => {
    fails(json('GET', '/api/tasks/42', 200, task({ priority: 'urgent' })), /priority must be equal to one of the allowed values/);
  });
  test('a task missing a member fails', () => {
    const { tags, ...rest } = task();
    fails(json('GET', '/api/tasks/42', 200, rest), /must have required property 'tags'/);
  });
  test('a task due as a plain date fails (responses carry date-times)', () => {
    fails(json('GET', '/api/tasks/42', 200, task({ due_date: '2026-12-01' })), /due_date/);
  });
  test('a title that was not trimmed fails', () => {
    fails(json('GET', '/api/tasks/42', 200, task({ title: ' Buy milk' })), /title must match pattern/);
  });
  test('a 201-character title fails; 200 astral characters pass', () => {
    fails(json('GET', '/api/tasks/42', 200, task({ title: 'x'.repeat(201) })), /title must NOT have more than 200 characters/);
    passes(json('GET', '/api/tasks/42', 200, task({ title: '😀'.repeat(200) })));
  });
  test('duplicate tags fail; tags with any characters pass', () => {
    fails(json('GET', '/api/tasks/42', 200, task({ tags: ['a', 'a'] })), /must NOT have duplicate items/);
    passes(json('GET', '/api/tasks/42', 200, task({ tags: ['a,b', '"q"', '{x}', '🏠'] })));
  });
  test('create 201 with Location passes; a malformed Location fails', () => {
    passes(json('POST', '/api/tasks', 201, task(), { Location: '/api/tasks/42' }));
    fails(json('POST', '/api/tasks', 201, task(), { Location: '/api/tasks/forty-two' }), /header Location must match pattern/);
  });
  test('404 for a missing task passes', () => {
    passes(json('GET', '/api/tasks/999', 404, { detail: 'Task not found' }));
  });
  test('422 for a bad path id passes', () => {
    passes(json('GET', '/api/tasks/abc', 422, { detail: [{ loc: ['path', 'id'], msg: 'must be an integer', type: 'int_parsing' }] }));
  });
  test('toggle 200 passes', () => {
    passes(json('PATCH', '/api/tasks/42/complete', 200, task({ completed: true })));
  });
  test('delete 204 with no body passes; with a body it fails', () => {
    passes({ method: 'DELETE', path: '/api/tasks/42', status: 204, headers: { 'x-request-id': 'r' }, body: '' });
    passes({ method: 'DELETE', path: '/api/tasks/42', status: 204, headers: { 'x-request-id': 'r' }, body: undefined });
    fails({ method: 'DELETE', path: '/api/tasks/42', status: 204, headers: { 'x-request-id': 'r' }, body: '{}' }, /documents no body/);
  });
  test('503 from a lost database passes', () => {
    passes(json('POST', '/api/tasks', 503, { detail: 'Service temporarily unavailable' }));
  });
  test('413 from the proxy or the service passes', () => {
    passes(json('PUT', '/api/tasks/42', 413, { detail: 'Request body too large' }));
  });
});

describe('responses the spec does not describe', () => {
  test('an undocumented status fails', () => {
    fails(json('GET', '/api/tasks', 500, { detail: 'Internal server error' }), /status 500 is not documented/);
    fails(json('GET', '/api/tasks/42', 409, { detail: 'x' }), /status 409 is not documented/);
  });
  test('an unlisted path answering 404 Not Found passes; anything else fails', () => {
    passes(json('GET', '/api/nothing-here', 404, { detail: 'Not Found' }));
    passes(json('GET', '/api/tasks/', 404, { detail: 'Not Found' }));
    fails(json('GET', '/api/nothing-here', 200, { detail: 'Not Found' }), /path is not in the spec/);
    fails({ ...json('GET', '/api/nothing', 404, '<html>Not Found</html>'), headers: { 'content-type': 'text/html', 'x-request-id': 'r' } }, /Content-Type text\/html is not documented/);
  });
  test('paths outside /auth/ and /api/ are the frontend, not described and not checked', () => {
    passes({ method: 'GET', path: '/no-such-page', status: 404, headers: { 'content-type': 'text/html' }, body: '<html></html>' });
    passes({ method: 'GET', path: '/', status: 200, headers: { 'content-type': 'text/html' }, body: '<html></html>' });
  });
  test('an unlisted method answers 405 with Allow naming the listed methods', () => {
    passes(json('POST', '/api/tasks/42', 405, { detail: 'Method Not Allowed' }, { Allow: 'GET, PUT, PATCH, DELETE' }));
    passes(json('DELETE', '/auth/signup', 405, { detail: 'Method Not Allowed' }, { Allow: 'POST' }));
    fails(json('POST', '/api/tasks/42', 405, { detail: 'Method Not Allowed' }), /Allow is missing/);
    fails(json('POST', '/api/tasks/42', 405, { detail: 'Method Not Allowed' }, { Allow: 'GET, DELETE' }), /the spec lists GET, PUT, DELETE, PATCH/);
    fails(json('POST', '/api/tasks/42', 200, task()), /POST is not listed for \/api\/tasks\/\{id\}/);
  });
  test('a missing or malformed X-Request-ID fails', () => {
    fails({ method: 'GET', path: '/auth/me', status: 401, headers: { 'content-type': JSON_TYPE, 'www-authenticate': 'Bearer' }, body: { detail: 'x' } }, /X-Request-ID is missing/);
    fails(json('GET', '/auth/me', 401, { detail: 'x' }, { 'WWW-Authenticate': 'Bearer', 'X-Request-ID': 'a'.repeat(129) }), /X-Request-ID must match pattern/);
  });
  test('a response to HEAD is checked for status and headers, and must have no body', () => {
    passes(json('HEAD', '/api/tasks', 405, '', { Allow: 'GET, POST' }));
    fails(json('HEAD', '/api/tasks', 405, '', {}), /Allow is missing/);
    fails(json('HEAD', '/api/tasks', 405, '{}', { Allow: 'GET, POST' }), /HEAD carries a body/);
  });
  test('a body of an undocumented media type fails', () => {
    fails(json('GET', '/api/tasks/42', 200, 'x', { 'Content-Type': 'text/plain' }), /Content-Type text\/plain is not documented/);
  });
  test('a body without Content-Type fails', () => {
    fails({ method: 'GET', path: '/api/tasks/42', status: 200, headers: { 'x-request-id': 'r' }, body: task() }, /no Content-Type header/);
  });
  test('a body that is not JSON fails', () => {
    fails(json('GET', '/api/tasks/42', 404, 'Task not found'), /body is not valid JSON/);
  });
  test('an error body with extra members, or without detail, fails', () => {
    fails(json('GET', '/api/tasks/42', 404, { detail: 'Task not found', sql: 'SELECT' }), /additional properties "sql"/);
    fails(json('GET', '/api/tasks/42', 404, { error: 'Task not found' }), /required property 'detail'/);
  });
});

describe('input forms the e2e client may pass', () => {
  const body = { detail: 'Not authenticated' };
  test('a fetch Headers object', () => {
    const headers = new Headers({ 'content-type': JSON_TYPE, 'x-request-id': 'r', 'www-authenticate': 'Bearer' });
    passes({ method: 'get', path: '/api/tasks', status: 401, headers, body });
  });
  test('node:http raw header arrays and a Buffer body', () => {
    passes({
      method: 'GET',
      path: '/api/tasks',
      status: 401,
      headers: { 'content-type': [JSON_TYPE], 'x-request-id': 'r', 'www-authenticate': 'Bearer' },
      body: Buffer.from(JSON.stringify(body)),
    });
  });
  test('a body as text, and a full URL as the path', () => {
    passes({ ...json('GET', 'http://127.0.0.1:8080/api/tasks?limit=5', 401, JSON.stringify(body)), headers: { 'content-type': JSON_TYPE, 'x-request-id': 'r', 'www-authenticate': 'Bearer' } });
  });
  test('operational endpoints and the documents the proxy serves', () => {
    passes(json('GET', '/healthz', 200, { status: 'ok' }));
    passes(json('GET', '/readyz', 503, { status: 'unavailable', database: 'down' }));
    passes(json('GET', '/metrics', 404, { detail: 'Not Found' }));
    passes({ method: 'GET', path: '/metrics', status: 200, headers: { 'content-type': 'text/plain; version=0.0.4', 'x-request-id': 'r' }, body: '# HELP x\n' });
    passes({ method: 'GET', path: '/docs', status: 200, headers: { 'content-type': 'text/html', 'x-request-id': 'r' }, body: '<!doctype html>' });
    passes(json('GET', '/openapi.json', 200, { openapi: '3.1.0', info: {}, paths: {} }));
  });
});

test('coverage() lists every documented response and marks the ones validated', () => {
  const entries = coverage();
  assert.ok(entries.some((e) => e.key === 'POST /auth/signup 201' && e.seen));
  assert.ok(entries.some((e) => e.key === 'GET /readyz 200' && !e.seen));
});
