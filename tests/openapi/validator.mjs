// Checks a real HTTP response against docs/openapi.yaml, so the spec and the
// services cannot drift apart silently. The end-to-end client calls
// validateResponse() for every response it receives.
//
// A response passes only when the document describes it:
//   - the path matches a listed path (literal paths before templated ones);
//     an unlisted path under the API's prefixes must be the document's
//     RouteNotFound answer (404; other paths are the frontend's), and
//     an unlisted method on a listed path its MethodNotAllowed answer (405,
//     with `Allow` naming exactly the listed methods); see the root extension
//     `x-unlisted-route-responses`;
//   - the status is listed for that operation (or covered by `4XX`/`default`);
//   - every documented header marked required is present, and every
//     documented header that is present matches its schema;
//   - the body has a listed media type and matches its schema (JSON Schema
//     2020-12 via Ajv, formats via ajv-formats), or is empty when the
//     response documents no content.
// Anything else throws a SpecMismatchError naming the request and the reason.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

export const DEFAULT_SPEC_PATH = fileURLToPath(new URL('../../docs/openapi.yaml', import.meta.url));

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SPEC_ID = 'openapi.json';

export class SpecMismatchError extends Error {
  constructor(exchange, reason) {
    super(`${exchange.method} ${exchange.path} -> ${exchange.status}: ${reason}`);
    this.name = 'SpecMismatchError';
  }
}

export function loadSpec(specPath = DEFAULT_SPEC_PATH) {
  return parseYaml(readFileSync(specPath, 'utf8'));
}

// --- JSON pointers and references --------------------------------------------

function escapePointerToken(token) {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

function unescapePointerToken(token) {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

function resolvePointer(document, pointer) {
  let node = document;
  for (const raw of pointer.split('/').slice(1)) {
    const token = unescapePointerToken(raw);
    if (node === null || typeof node !== 'object' || !(token in node)) {
      throw new Error(`spec: unresolvable reference #${pointer}`);
    }
    node = node[token];
  }
  return node;
}

// Follows `$ref` chains (local references only) and returns the object with
// the JSON pointer where it lives, so schemas can be compiled in place and
// keep resolving their own references.
function dereference(document, node, pointer) {
  const seen = new Set();
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    if (!node.$ref.startsWith('#/')) throw new Error(`spec: only local references are supported: ${node.$ref}`);
    if (seen.has(node.$ref)) throw new Error(`spec: reference cycle at ${node.$ref}`);
    seen.add(node.$ref);
    pointer = node.$ref.slice(1);
    node = resolvePointer(document, pointer);
  }
  return { node, pointer };
}

// --- the request side: which operation answered ------------------------------

function pathOnly(path) {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) return new URL(path).pathname;
  return path.split(/[?#]/, 1)[0];
}

function compilePathTemplates(paths) {
  const templates = Object.keys(paths).map((template) => {
    const segments = template.split('/');
    const literal = !template.includes('{');
    const regex = new RegExp(
      '^' + segments.map((s) => (/^\{[^}]+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/') + '$',
    );
    return { template, literal, regex };
  });
  // OpenAPI: concrete paths match before templated ones.
  return templates.sort((a, b) => Number(b.literal) - Number(a.literal));
}

// --- headers -----------------------------------------------------------------

function normalizeHeaders(headers) {
  const result = new Map();
  if (!headers) return result;
  const entries =
    typeof headers.entries === 'function' && !Array.isArray(headers) ? headers.entries() : Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries) {
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    const key = name.toLowerCase();
    result.set(key, result.has(key) ? `${result.get(key)}, ${text}` : text);
  }
  return result;
}

function schemaTypes(schema) {
  if (!schema || schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

// Header values are text; a schema typed integer/number/boolean describes the
// value the text denotes, so convert when (and only when) the text is exactly
// such a literal, and let the schema reject anything else.
function headerValue(text, schema) {
  const types = schemaTypes(schema);
  if ((types.includes('integer') || types.includes('number')) && /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(text)) {
    return Number(text);
  }
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

// --- bodies ------------------------------------------------------------------

function mediaTypeOf(contentType) {
  return contentType.split(';', 1)[0].trim().toLowerCase();
}

function isJsonMediaType(mediaType) {
  return mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'));
}

function isEmptyBody(body) {
  if (body === undefined || body === null || body === '') return true;
  return body instanceof Uint8Array && body.length === 0;
}

function bodyAsText(body) {
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function findMediaType(content, mediaType) {
  if (content[mediaType]) return mediaType;
  const wildcard = `${mediaType.split('/')[0]}/*`;
  if (content[wildcard]) return wildcard;
  return content['*/*'] ? '*/*' : undefined;
}

function describeErrors(errors, what) {
  return errors
    .map(({ instancePath, message, params }) => {
      const extra = params?.additionalProperty ? ` "${params.additionalProperty}"` : '';
      return `${what}${instancePath} ${message}${extra}`;
    })
    .join('; ');
}

// --- the validator -------------------------------------------------------------

export function createValidator(spec = loadSpec()) {
  const ajv = new Ajv2020({
    strict: true,
    // `loc` is a list whose first item is constrained (prefixItems), not a
    // fixed-length tuple, which is what strictTuples would demand.
    strictTuples: false,
    allErrors: true,
    allowUnionTypes: true,
    validateFormats: true,
  });
  addFormats(ajv);
  // The whole document is registered once; every schema is then compiled by
  // reference into it, so `#/components/...` references resolve as written.
  // Ajv compiles the document's root on the way, so its OpenAPI members are
  // declared as annotation-only keywords (strict mode rejects unknown ones).
  ajv.addVocabulary(Object.keys(spec).filter((key) => !ajv.getKeyword(key)));
  ajv.addSchema(spec, SPEC_ID, undefined, false);

  const compiled = new Map();
  const schemaAt = (pointer) => {
    if (!compiled.has(pointer)) compiled.set(pointer, ajv.compile({ $ref: `${SPEC_ID}#${pointer}` }));
    return compiled.get(pointer);
  };
  const templates = compilePathTemplates(spec.paths ?? {});
  const seen = new Set();

  function matchPath(path) {
    return templates.find(({ regex }) => regex.test(path))?.template;
  }

  function unlistedRouteResponse(key) {
    const ref = spec['x-unlisted-route-responses']?.[key];
    if (!ref) throw new Error(`spec: x-unlisted-route-responses.${key} is missing`);
    return dereference(spec, ref, `/x-unlisted-route-responses/${key}`);
  }

  function checkSchema(exchange, pointer, value, what) {
    const validate = schemaAt(pointer);
    if (!validate(value)) {
      throw new SpecMismatchError(exchange, `${describeErrors(validate.errors, what)} (schema #${pointer})`);
    }
  }

  function checkHeaders(exchange, response, responsePointer, headers) {
    for (const [name, declared] of Object.entries(response.headers ?? {})) {
      // OpenAPI: a response header named Content-Type is ignored.
      if (name.toLowerCase() === 'content-type') continue;
      const { node: header, pointer } = dereference(spec, declared, `${responsePointer}/headers/${escapePointerToken(name)}`);
      const text = headers.get(name.toLowerCase());
      if (text === undefined) {
        if (header.required) throw new SpecMismatchError(exchange, `documented header ${name} is missing`);
        continue;
      }
      if (header.schema) {
        const { node: schema } = dereference(spec, header.schema, `${pointer}/schema`);
        checkSchema(exchange, `${pointer}/schema`, headerValue(text, schema), `header ${name}`);
      }
    }
  }

  function checkBody(exchange, response, responsePointer, headers, body) {
    const content = response.content;
    if (!content || Object.keys(content).length === 0) {
      if (!isEmptyBody(body)) throw new SpecMismatchError(exchange, 'the response documents no body, but one was sent');
      return;
    }
    const contentType = headers.get('content-type');
    if (!contentType) throw new SpecMismatchError(exchange, 'no Content-Type header, but the response documents a body');
    const mediaType = mediaTypeOf(contentType);
    const key = findMediaType(content, mediaType);
    if (!key) {
      throw new SpecMismatchError(exchange, `Content-Type ${mediaType} is not documented (documented: ${Object.keys(content).join(', ')})`);
    }
    const media = content[key];
    if (!media.schema) return;
    let value = body;
    if (isJsonMediaType(mediaType)) {
      if (typeof body === 'string' || body instanceof Uint8Array) {
        try {
          value = JSON.parse(bodyAsText(body));
        } catch {
          throw new SpecMismatchError(exchange, `body is not valid JSON: ${JSON.stringify(bodyAsText(body).slice(0, 200))}`);
        }
      }
    } else if (body !== undefined && body !== null) {
      value = bodyAsText(body);
    }
    checkSchema(exchange, `${responsePointer}/content/${escapePointerToken(key)}/schema`, value, 'body');
  }

  function checkResponse(exchange, responseRef, responsePointer, headers, body) {
    const { node: response, pointer } = dereference(spec, responseRef, responsePointer);
    checkHeaders(exchange, response, pointer, headers);
    // A response to HEAD has no body (RFC 9110 §9.3.2), whatever it describes.
    if (exchange.method === 'HEAD') {
      if (!isEmptyBody(body)) throw new SpecMismatchError(exchange, 'a response to HEAD carries a body');
      return;
    }
    checkBody(exchange, response, pointer, headers, body);
  }

  function validateResponse({ method, path, status, headers, body }) {
    const exchange = { method: String(method).toUpperCase(), path: String(path), status: Number(status) };
    const lowerMethod = exchange.method.toLowerCase();
    const normalized = normalizeHeaders(headers);
    const template = matchPath(pathOnly(exchange.path));

    if (!template) {
      // Paths outside the API's prefixes are the frontend's static files,
      // which the document does not describe (and does not claim to).
      const prefixes = spec['x-unlisted-route-responses']?.pathPrefixes ?? ['/'];
      if (!prefixes.some((prefix) => pathOnly(exchange.path).startsWith(prefix))) {
        seen.add('(outside the API)');
        return;
      }
      if (exchange.status !== 404) throw new SpecMismatchError(exchange, 'path is not in the spec, so only 404 is described');
      const { node, pointer } = unlistedRouteResponse('unknownPath');
      checkResponse(exchange, node, pointer, normalized, body);
      seen.add('(unlisted path) 404');
      return;
    }

    const pathItem = spec.paths[template];
    const operation = HTTP_METHODS.includes(lowerMethod) ? pathItem[lowerMethod] : undefined;
    if (!operation) {
      if (exchange.status !== 405) throw new SpecMismatchError(exchange, `${exchange.method} is not listed for ${template}, so only 405 is described`);
      const { node, pointer } = unlistedRouteResponse('unlistedMethod');
      checkResponse(exchange, node, pointer, normalized, body);
      // HEAD comes with GET (RFC 9110 §9.3.2), so whether Allow names it is
      // not a difference from the document.
      const listed = HTTP_METHODS.filter((m) => pathItem[m] && m !== 'head').map((m) => m.toUpperCase());
      const allowed = (normalized.get('allow') ?? '').split(',').map((m) => m.trim()).filter((m) => m && m !== 'HEAD');
      if ([...listed].sort().join() !== [...new Set(allowed)].sort().join()) {
        throw new SpecMismatchError(exchange, `Allow is "${normalized.get('allow')}", the spec lists ${listed.join(', ')}`);
      }
      seen.add(`${template} (unlisted method) 405`);
      return;
    }

    const responses = operation.responses ?? {};
    const statusKey = [String(exchange.status), `${String(exchange.status)[0]}XX`, 'default'].find((k) => k in responses);
    if (!statusKey) {
      throw new SpecMismatchError(exchange, `status ${exchange.status} is not documented for ${exchange.method} ${template} (documented: ${Object.keys(responses).join(', ')})`);
    }
    const pointer = `/paths/${escapePointerToken(template)}/${lowerMethod}/responses/${statusKey}`;
    checkResponse(exchange, responses[statusKey], pointer, normalized, body);
    seen.add(`${exchange.method} ${template} ${statusKey}`);
  }

  // Every documented (method, path, status) and whether a validated response
  // has covered it; for reporting how much of the spec the tests exercise.
  function coverage() {
    const all = [];
    for (const [template, pathItem] of Object.entries(spec.paths ?? {})) {
      for (const method of HTTP_METHODS) {
        for (const status of Object.keys(pathItem[method]?.responses ?? {})) {
          const key = `${method.toUpperCase()} ${template} ${status}`;
          all.push({ key, seen: seen.has(key) });
        }
      }
    }
    return all;
  }

  return { validateResponse, coverage };
}

let defaultValidator;

// Validates against docs/openapi.yaml (loaded on first use); throws
// SpecMismatchError when the spec does not describe the response.
export function validateResponse(exchange) {
  defaultValidator ??= createValidator();
  return defaultValidator.validateResponse(exchange);
}

export function coverage() {
  defaultValidator ??= createValidator();
  return defaultValidator.coverage();
}
