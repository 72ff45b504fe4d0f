// A mixed load through the proxy: LOAD_CLIENTS concurrent clients (16), each
// a user of its own, share LOAD_REQUESTS requests (3000): sign-up, login,
// creating, listing, reading, updating, toggling and deleting tasks,
// /auth/me, /auth/verify and refresh. Every answer must be the one expected
// (status, the task the client knows, the count it expects, the user it is)
// and one docs/openapi.yaml describes; each client works on its own user
// alone, so it knows exactly what the server must say. Prints the requests,
// unexpected answers and latencies per kind, and exits 1 on any unexpected
// answer (any 5xx is one): behind a transaction-mode pooler
// (DB_POOLER=transaction) broken prepared statements or session state show
// up here as 500s and 503s.
//
// Usage (tests/e2e/run.sh and tests/pooler/run.sh run it):
//   scripts/npm-ci.sh tests/openapi   # once: the response validator's packages
//   E2E_BASE_URL=http://127.0.0.1:8080 node tests/e2e/load/mixed_load.mjs
//   LOAD_CLIENTS=16 LOAD_REQUESTS=3000   the defaults
//
// fetch rather than lib/client.mjs: that client shares one agent of 8
// sockets, and here 16 clients must really run at once.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import { validateResponse } from '../../openapi/validator.mjs';

const baseUrl = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080');
const clients = positiveInteger('LOAD_CLIENTS', 16);
const budget = positiveInteger('LOAD_REQUESTS', 3000);
const password = 'correct horse battery staple';
const shownProblems = 20;

// How often each kind of request comes, among those a client picks at
// random once it is signed in (sign-up and the first login come first).
// Logins are rare: each one is a bcrypt hash check (about 250 ms of a core).
const weights = {
  create: 22,
  list: 18,
  get: 12,
  update: 10,
  toggle: 10,
  delete: 8,
  me: 8,
  verify: 7,
  refresh: 5,
  login: 0.3,
};

const stats = new Map(); // kind -> { count, unexpected, statuses: Map, latencies: [] }
const problems = [];
let sent = 0;

function positiveInteger(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

function statsOf(kind) {
  if (!stats.has(kind)) stats.set(kind, { count: 0, unexpected: 0, statuses: new Map(), latencies: [] });
  return stats.get(kind);
}

// One request, checked: `expect` is the status it must get; `check(json,
// headers)` returns a complaint (a string) when the answer is not the one
// this client knows must come. Returns the parsed JSON body, or undefined
// after an unexpected answer (the caller then leaves its model alone).
async function call(kind, method, path, { token, body, expect, check } = {}) {
  sent += 1;
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const entry = statsOf(kind);
  entry.count += 1;
  const started = performance.now();
  let status = 'no answer';
  let complaint;
  let json;
  try {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    status = response.status;
    const responseHeaders = Object.fromEntries(response.headers.entries());
    if (status !== expect) {
      complaint = `expected ${expect}: ${text.slice(0, 300)}`;
    } else {
      validateResponse({ method, path, status, headers: responseHeaders, body: text });
      json = text.length > 0 ? JSON.parse(text) : undefined;
      complaint = check?.(json, responseHeaders);
    }
  } catch (error) {
    complaint = error.name === 'SpecMismatchError' ? `not as docs/openapi.yaml says: ${error.message}` : error.message;
  }
  entry.latencies.push(performance.now() - started);
  entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
  if (complaint === undefined) return json ?? null;
  entry.unexpected += 1;
  if (problems.length < shownProblems) problems.push(`${kind}: ${method} ${path} -> ${status}, ${complaint}`);
  return undefined;
}

function pick() {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  let roll = Math.random() * total;
  for (const [kind, weight] of Object.entries(weights)) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'list';
}

function anyTask(user) {
  const ids = [...user.tasks.keys()];
  return ids.length === 0 ? undefined : user.tasks.get(ids[Math.floor(Math.random() * ids.length)]);
}

const sameTask = (expected) => (task) =>
  task?.id === expected.id && task.title === expected.title && task.completed === expected.completed
    ? undefined
    : `expected ${JSON.stringify(expected)}, got ${JSON.stringify(task)}`;

// onTask(action): an action on one of the user's tasks, picked at random; a
// user with none creates one instead.
const onTask = (action) => (user) => {
  const task = anyTask(user);
  return task ? action(user, task) : actions.create(user);
};

// change(user, kind, path, body, expected): a PATCH that must answer 200
// with the task as `expected`, which the client then remembers.
async function change(user, kind, path, body, expected) {
  const changed = await call(kind, 'PATCH', path, { token: user.access, body, expect: 200, check: sameTask(expected) });
  if (changed) user.tasks.set(expected.id, expected);
}

// What each kind does to one client's user; each keeps user.tasks (id ->
// { id, title, completed }) as the server must have it.
const actions = {
  async create(user) {
    const title = `load ${user.next++}`;
    const task = await call('create', 'POST', '/api/tasks', {
      token: user.access,
      body: { title, priority: ['low', 'medium', 'high'][user.next % 3], tags: ['load'] },
      expect: 201,
      check: (t) => (t?.title === title && t.completed === false ? undefined : `got ${JSON.stringify(t)}`),
    });
    if (task) user.tasks.set(task.id, { id: task.id, title, completed: false });
  },
  async list(user) {
    await call('list', 'GET', '/api/tasks?limit=100&sort=created_at&order=asc', {
      token: user.access,
      expect: 200,
      check: (tasks, headers) => {
        const total = Number(headers['x-total-count']);
        if (total !== user.tasks.size) return `X-Total-Count ${total}, the client has ${user.tasks.size}`;
        const ids = tasks.map((t) => t.id).sort((a, b) => a - b).join();
        const known = [...user.tasks.keys()].sort((a, b) => a - b).slice(0, 100).join();
        return ids === known ? undefined : `ids ${ids}, the client has ${known}`;
      },
    });
  },
  get: onTask(async (user, task) => {
    await call('get', 'GET', `/api/tasks/${task.id}`, { token: user.access, expect: 200, check: sameTask(task) });
  }),
  update: onTask(async (user, task) => {
    const title = `${task.title.split(' edited')[0]} edited ${user.next++}`;
    await change(user, 'update', `/api/tasks/${task.id}`, { title, description: 'changed under load' }, {
      ...task,
      title,
    });
  }),
  toggle: onTask(async (user, task) => {
    await change(user, 'toggle', `/api/tasks/${task.id}/complete`, undefined, {
      ...task,
      completed: !task.completed,
    });
  }),
  delete: onTask(async (user, task) => {
    const gone = await call('delete', 'DELETE', `/api/tasks/${task.id}`, { token: user.access, expect: 204 });
    if (gone !== undefined) user.tasks.delete(task.id);
  }),
  async me(user) {
    await call('me', 'GET', '/auth/me', {
      token: user.access,
      expect: 200,
      check: (me) => (me?.id === user.id && me.email === user.email ? undefined : `got ${JSON.stringify(me)}`),
    });
  },
  async verify(user) {
    await call('verify', 'GET', '/auth/verify', {
      token: user.access,
      expect: 200,
      check: (_, headers) =>
        headers['x-user-id'] === String(user.id) ? undefined : `X-User-Id ${headers['x-user-id']}`,
    });
  },
  async refresh(user) {
    const session = await call('refresh', 'POST', '/auth/refresh', {
      body: { refresh_token: user.refresh },
      expect: 200,
      check: (s) => (s?.access_token && s.refresh_token ? undefined : 'no token pair'),
    });
    if (session) ({ access_token: user.access, refresh_token: user.refresh } = session);
  },
  async login(user) {
    const session = await call('login', 'POST', '/auth/login', {
      body: { email: user.email, password },
      expect: 200,
      check: (s) => (s?.access_token && s.refresh_token ? undefined : 'no token pair'),
    });
    if (session) ({ access_token: user.access, refresh_token: user.refresh } = session);
  },
};

async function client(index) {
  const email = `load-${index}-${Date.now()}-${randomBytes(4).toString('hex')}@example.com`;
  const created = await call('signup', 'POST', '/auth/signup', {
    body: { email, password },
    expect: 201,
    check: (u) => (u?.email === email ? undefined : `got ${JSON.stringify(u)}`),
  });
  if (!created) return;
  const user = { id: created.id, email, tasks: new Map(), next: 1 };
  await actions.login(user);
  if (!user.access) return;
  while (sent < budget) await actions[pick()](user);
}

function percentile(sorted, p) {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function report(seconds) {
  const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
  console.log(`mixed load: ${sent} requests from ${clients} clients in ${seconds.toFixed(1)} s against ${baseUrl.origin}`);
  console.log('kind       requests  unexpected  p50 ms  p95 ms  statuses');
  let unexpected = 0;
  let serverErrors = 0;
  for (const [kind, entry] of rows) {
    const sorted = [...entry.latencies].sort((a, b) => a - b);
    const statuses = [...entry.statuses.entries()].map(([status, n]) => `${status}×${n}`).join(' ');
    console.log(
      `${kind.padEnd(10)} ${String(entry.count).padStart(8)}  ${String(entry.unexpected).padStart(10)}` +
        `  ${percentile(sorted, 50).toFixed(0).padStart(6)}  ${percentile(sorted, 95).toFixed(0).padStart(6)}  ${statuses}`,
    );
    unexpected += entry.unexpected;
    for (const [status, n] of entry.statuses) if (Number(status) >= 500) serverErrors += n;
  }
  console.log(`total: ${sent} requests, ${unexpected} unexpected answers, ${serverErrors} of them 5xx`);
  for (const problem of problems) console.log(`  ${problem}`);
  if (unexpected > problems.length) console.log(`  (${unexpected - problems.length} more not shown)`);
  return unexpected;
}

const started = performance.now();
await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
const unexpected = report((performance.now() - started) / 1000);
process.exitCode = unexpected === 0 ? 0 : 1;
