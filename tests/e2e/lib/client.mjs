// The one HTTP client of the end-to-end suite: every request and response
// flows through request(), so checks that apply to every response (e.g. an
// OpenAPI response validator) plug in once, with onResponse().
//
// node:http rather than fetch: fetch normalises paths ("/auth/../metrics"
// becomes "/metrics") and hides some headers, and these tests need to send
// exactly what a hostile client would.
import http from 'node:http';
import https from 'node:https';

import { validateResponse } from '../../openapi/validator.mjs';

export const baseUrl = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080');

const transport = baseUrl.protocol === 'https:' ? https : http;
const agent = new transport.Agent({ keepAlive: true, maxSockets: 8 });
const responseHooks = [];

// onResponse(hook): hook(exchange) runs for every response, where exchange is
// { method, path, requestHeaders, requestBody, status, headers, body, json }.
// A hook that throws fails the test that made the request.
export function onResponse(hook) {
  responseHooks.push(hook);
}

// Every response must be one docs/openapi.yaml describes (path, method,
// status, documented headers, body schema); see tests/openapi/validator.mjs.
// Its npm packages are installed by scripts/npm-ci.sh tests/openapi.
onResponse(({ method, path, status, headers, body }) => validateResponse({ method, path, status, headers, body }));

// request(method, path, options) → { status, headers, body, json }
//   path     sent byte for byte (may contain "..", %2e, a query string)
//   body     an object/array is sent as JSON; a string or Buffer as is
//   form     an object sent as application/x-www-form-urlencoded
//   headers  extra request headers (names case-insensitive)
//   token    adds "Authorization: Bearer <token>"
// headers of the response are lowercase names; json is the parsed body, or
// undefined when the body is empty or not JSON.
export async function request(method, path, { body, form, headers = {}, token } = {}) {
  const requestHeaders = { ...headers };
  let payload;
  if (form !== undefined) {
    payload = new URLSearchParams(form).toString();
    requestHeaders['content-type'] ??= 'application/x-www-form-urlencoded';
  } else if (typeof body === 'string' || Buffer.isBuffer(body)) {
    payload = body;
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    requestHeaders['content-type'] ??= 'application/json';
  }
  if (token !== undefined) requestHeaders.authorization = `Bearer ${token}`;
  if (payload !== undefined) requestHeaders['content-length'] = Buffer.byteLength(payload);

  const response = await send(method, path, requestHeaders, payload);
  const exchange = { method, path, requestHeaders, requestBody: payload, ...response };
  for (const hook of responseHooks) await hook(exchange);
  return response;
}

function send(method, path, headers, payload) {
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(
      {
        agent,
        protocol: baseUrl.protocol,
        hostname: baseUrl.hostname,
        port: baseUrl.port,
        method,
        path,
        headers,
        timeout: 30_000,
      },
      (incoming) => {
        const chunks = [];
        incoming.on('data', (chunk) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: incoming.statusCode, headers: incoming.headers, body: text, json: parseJson(text) });
        });
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${method} ${path}: no answer within 30 s`)));
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

function parseJson(text) {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
