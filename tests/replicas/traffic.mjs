// The requests of tests/replicas/run.sh, all through the proxy (Node's
// built-in fetch, no npm packages). One command per part of that test:
//
//   node traffic.mjs spread <n>
//     signs up and logs in a user, then sends n GET /auth/me and n GET
//     /api/tasks, each with X-Request-ID replicas-spread-<i>, so that the
//     caller can find them in each replica's log; every answer must be 200.
//   node traffic.mjs rolling
//     ROLLING_CLIENTS (4) clients, each its own user, create and list tasks
//     (and ask /auth/me, and log in now and then) without pause until
//     SIGTERM; then every task whose create was acknowledged (201) must be
//     in the final listing, and no other. Writes ROLLING_READY_FILE once
//     all clients run and the number of answers so far to
//     ROLLING_PROGRESS_FILE every 250 ms. Any failed request (an answer
//     other than the expected one, or none) fails it.
//   node traffic.mjs signup <email>
//   node traffic.mjs wrong-logins <email> <n> <request id prefix>
//     n logins with a wrong password, one after the other on one
//     connection (so nginx's round robin alternates the replicas); prints
//     their statuses on one line.
//
// E2E_BASE_URL is the proxy (http://127.0.0.1:8080).
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const baseUrl = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080');
const password = 'correct horse battery staple';
// 'close' for the rolling load: one connection per request (see rolling()).
let connectionHeader;

// call(method, path, { token, body, requestId }) -> { status, json, headers }
// A network error or a timeout is thrown (the caller counts it as failed).
async function call(method, path, { token, body, requestId } = {}) {
  const headers = { accept: 'application/json' };
  const init = { method, headers, signal: AbortSignal.timeout(30_000) };
  if (token) headers.authorization = `Bearer ${token}`;
  if (requestId) headers['x-request-id'] = requestId;
  if (connectionHeader) headers.connection = connectionHeader;
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(new URL(path, baseUrl), init);
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, headers: response.headers, text };
}

// expect(answer, status, what): the answer, or an error naming what went wrong.
function expect(answer, status, what) {
  if (answer.status !== status) {
    throw new Error(`${what}: ${answer.status} (expected ${status}) ${answer.text.slice(0, 200)}`);
  }
  return answer;
}

function uniqueEmail(label) {
  return `replicas-${label}-${Date.now()}-${randomBytes(4).toString('hex')}@example.com`;
}

async function signUp(email) {
  expect(await call('POST', '/auth/signup', { body: { email, password } }), 201, `sign-up of ${email}`);
}

async function logIn(email) {
  const answer = expect(await call('POST', '/auth/login', { body: { email, password } }), 200, 'login');
  return answer.json.access_token;
}

async function newUser(label) {
  const email = uniqueEmail(label);
  await signUp(email);
  return { email, token: await logIn(email) };
}

// --- spread ------------------------------------------------------------------------

async function spread(count) {
  const { token } = await newUser('spread');
  for (let i = 0; i < count; i += 1) {
    expect(await call('GET', '/auth/me', { token, requestId: `replicas-spread-me-${i}` }), 200, '/auth/me');
    expect(await call('GET', '/api/tasks', { token, requestId: `replicas-spread-tasks-${i}` }), 200, '/api/tasks');
  }
  console.log(`spread: ${count} GET /auth/me and ${count} GET /api/tasks through the proxy, all 200`);
}

// --- rolling -----------------------------------------------------------------------

const tally = new Map(); // kind -> { count, failed }
const failures = [];
let answered = 0;
let stopping = false;
const started = Date.now();

// attempt(kind, fn): one request of the load; a failure is recorded, not thrown.
async function attempt(kind, fn) {
  if (!tally.has(kind)) tally.set(kind, { count: 0, failed: 0 });
  const entry = tally.get(kind);
  entry.count += 1;
  try {
    return await fn();
  } catch (error) {
    entry.failed += 1;
    failures.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${kind}: ${error.message}`);
    return undefined;
  } finally {
    answered += 1;
  }
}

// One client: its own user, whose tasks only it creates, so it knows which
// must be there at the end.
async function client(index, user, acknowledged) {
  const { email, token } = user;
  for (let i = 0; !stopping; i += 1) {
    await attempt('create', async () => {
      const answer = expect(
        await call('POST', '/api/tasks', { token, body: { title: `rolling ${index} ${i}` } }),
        201,
        'POST /api/tasks',
      );
      acknowledged.add(answer.json.id);
    });
    if (i % 2 === 0) {
      await attempt('list', async () => {
        const answer = expect(await call('GET', '/api/tasks?limit=10', { token }), 200, 'GET /api/tasks');
        if (!Array.isArray(answer.json)) throw new Error(`GET /api/tasks: not a list: ${answer.text.slice(0, 200)}`);
      });
    }
    await attempt('me', async () => {
      expect(await call('GET', '/auth/me', { token }), 200, 'GET /auth/me');
    });
    if (i % 20 === 10) await attempt('login', () => logIn(email));
  }
}

// Every task of the user, page by page: the ids, and X-Total-Count.
async function listAll(token) {
  const ids = [];
  let total;
  for (let offset = 0; total === undefined || offset < total; offset += 100) {
    const answer = expect(await call('GET', `/api/tasks?limit=100&offset=${offset}`, { token }), 200, 'final listing');
    total = Number(answer.headers.get('x-total-count'));
    ids.push(...answer.json.map((task) => task.id));
    if (answer.json.length === 0) break;
  }
  return { ids, total };
}

// Each request on a connection of its own: `run.sh restart` reloads nginx
// twice per replica, and nginx before 1.27.4 (Debian 12 has 1.22) closes a
// client's idle keep-alive connection when its old worker exits, so a
// request the client sends on it at that moment is reset before nginx read
// it. Browsers send such a request again; fetch does not. That is a cost of
// reloading nginx, not of the replicas this test is about, and README.md
// says so.
async function rolling() {
  connectionHeader = 'close';
  const clients = Number(process.env.ROLLING_CLIENTS ?? 4);
  const users = await Promise.all(Array.from({ length: clients }, (_, i) => newUser(`rolling-${i}`)));
  const acknowledged = users.map(() => new Set());
  process.on('SIGTERM', () => {
    stopping = true;
  });
  process.on('SIGINT', () => {
    stopping = true;
  });
  const progress = setInterval(() => writeFileSync(process.env.ROLLING_PROGRESS_FILE, `${answered}\n`), 250);
  const running = users.map((user, i) => client(i, user, acknowledged[i]));
  if (process.env.ROLLING_READY_FILE) writeFileSync(process.env.ROLLING_READY_FILE, 'ready\n');
  await Promise.all(running);
  clearInterval(progress);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);

  let created = 0;
  let missing = 0;
  let unexpected = 0;
  for (const [i, user] of users.entries()) {
    const { ids, total } = await listAll(user.token);
    const listed = new Set(ids);
    created += acknowledged[i].size;
    missing += [...acknowledged[i]].filter((id) => !listed.has(id)).length;
    // A create applied twice, or applied without its 201 reaching us.
    unexpected += ids.filter((id) => !acknowledged[i].has(id)).length + Math.max(0, total - ids.length);
  }
  const kinds = [...tally].map(([kind, { count, failed }]) => `${kind} ${count}${failed ? ` (${failed} failed)` : ''}`);
  const failed = failures.length;
  console.log(`rolling: ${clients} clients, ${answered} requests in ${seconds} s (${kinds.join(', ')}), ${failed} failed`);
  console.log(`rolling: ${created} creates acknowledged, ${missing} of them missing from the final listing, ` +
    `${unexpected} tasks listed that no 201 acknowledged`);
  for (const line of failures.slice(0, 20)) console.log(`  failed: ${line}`);
  if (failed > 0 || missing > 0 || unexpected > 0) process.exitCode = 1;
}

// --- logins ------------------------------------------------------------------------

async function wrongLogins(email, count, prefix) {
  const statuses = [];
  for (let i = 1; i <= count; i += 1) {
    const answer = await call('POST', '/auth/login', {
      body: { email, password: `wrong ${password}` },
      requestId: `${prefix}-${i}`,
    });
    statuses.push(answer.status);
  }
  console.log(statuses.join(' '));
}

// --- main --------------------------------------------------------------------------

const [command, ...args] = process.argv.slice(2);
const commands = {
  spread: () => spread(Number(args[0] ?? 20)),
  rolling,
  signup: () => signUp(args[0]),
  'wrong-logins': () => wrongLogins(args[0], Number(args[1]), args[2]),
};
if (!commands[command]) {
  console.error('usage: traffic.mjs spread <n> | rolling | signup <email> | wrong-logins <email> <n> <prefix>');
  process.exit(2);
}
try {
  await commands[command]();
} catch (error) {
  console.error(`traffic.mjs ${command}: ${error.message}`);
  process.exitCode = 1;
}
