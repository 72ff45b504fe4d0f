// Propagation latency of revocation: for each of N access tokens (one login,
// then N refreshes, so no bcrypt per token), POST /auth/logout on
// auth-service, then poll task-service until it refuses that token. Prints
// "p50_ms=… p99_ms=… max_ms=… n=…".
//
//   node tests/bench/task/propagation.mjs <auth url> <task url> <count>
const [authUrl, taskUrl, countText] = process.argv.slice(2);
const count = Number(countText ?? 1000);

async function json(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

const credentials = { email: 'propagation@example.com', password: 'correct horse' };
await fetch(`${authUrl}/auth/signup`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(credentials),
});
let session = await json(`${authUrl}/auth/login`, credentials);
const tokens = [];
for (let i = 0; i < count; i++) {
  tokens.push(session.access_token);
  session = await json(`${authUrl}/auth/refresh`, { refresh_token: session.refresh_token });
}

const latencies = [];
for (const token of tokens) {
  const authorization = `Bearer ${token}`;
  const out = await fetch(`${authUrl}/auth/logout`, { method: 'POST', headers: { authorization } });
  if (out.status !== 204) throw new Error(`logout: ${out.status}`);
  const started = performance.now();
  for (;;) {
    const answer = await fetch(`${taskUrl}/api/tasks`, { headers: { authorization } });
    await answer.arrayBuffer();
    if (answer.status === 401) break;
    if (performance.now() - started > 10_000) throw new Error('not refused within 10 s');
  }
  latencies.push(performance.now() - started);
}
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
console.log(
  `p50_ms=${at(0.5).toFixed(1)} p99_ms=${at(0.99).toFixed(1)} max_ms=${latencies.at(-1).toFixed(1)} n=${latencies.length}`,
);
