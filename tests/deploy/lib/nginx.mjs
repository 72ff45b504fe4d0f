// Reads the reverse proxy's routes from deploy/nginx the way nginx does:
// renders the configuration with deploy/nginx/render.sh (as the local stack
// and the proxy image do), parses it into directives and blocks, follows
// `include`s, and lists every location that proxies, with the upstream
// server it goes to.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { globSync } from './glob.mjs';

import { repoRoot } from './paths.mjs';

// Splits nginx configuration text into words, ';', '{' and '}' (comments
// dropped, quotes honoured).
function tokenize(text) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i += 1;
    } else if (c === ';' || c === '{' || c === '}') {
      tokens.push(c);
      i += 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      tokens.push(text.slice(i + 1, j));
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s;{}#]/.test(text[j])) j += 1;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

// [{ name, args, children? }], includes expanded relative to `dir`.
function parse(tokens, dir, at = { i: 0 }) {
  const directives = [];
  while (at.i < tokens.length && tokens[at.i] !== '}') {
    const words = [];
    while (!['{', ';', '}'].includes(tokens[at.i])) {
      if (at.i >= tokens.length) throw new Error('unterminated nginx directive');
      words.push(tokens[at.i]);
      at.i += 1;
    }
    const [name, ...args] = words;
    if (tokens[at.i] === '{') {
      at.i += 1;
      const children = parse(tokens, dir, at);
      at.i += 1; // '}'
      directives.push({ name, args, children });
    } else {
      at.i += 1; // ';'
      if (name === 'include') {
        for (const file of globSync(path.resolve(dir, args[0]))) {
          directives.push(...parse(tokenize(readFileSync(file, 'utf8')), dir));
        }
      } else {
        directives.push({ name, args });
      }
    }
  }
  return directives;
}

// Every directive, the contents of blocks included, in order.
export function* walk(directives) {
  for (const directive of directives) {
    yield directive;
    if (directive.children) yield* walk(directive.children);
  }
}

// Renders deploy/nginx with `environment` into <out>/conf, as the local
// stack and the proxy image do, with an empty <out>/www as the static and
// docs root (unless `environment` names others). `extraLocations` ({ file
// name: text }) are added to its locations/ first, as Kubernetes mounts one
// into the proxy image's copy (from a copy in <out>/source). Returns the conf
// directory.
export function renderNginxInto(out, environment, extraLocations = {}) {
  const www = path.join(out, 'www');
  mkdirSync(www, { recursive: true });
  const dir = path.join(out, 'conf');
  let source = `${repoRoot}deploy/nginx`;
  if (Object.keys(extraLocations).length > 0) {
    source = path.join(out, 'source');
    cpSync(`${repoRoot}deploy/nginx`, source, { recursive: true });
    for (const [name, text] of Object.entries(extraLocations)) writeFileSync(path.join(source, 'locations', name), text);
  }
  execFileSync(`${source}/render.sh`, [dir], {
    env: { PATH: process.env.PATH, STATIC_ROOT: www, DOCS_ROOT: www, ...environment },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return dir;
}

// Renders deploy/nginx with `environment` (and `extraLocations`, as above)
// into a temp dir, parses it.
export function renderedNginx(environment, extraLocations = {}) {
  const out = mkdtempSync(path.join(tmpdir(), 'todo-nginx-check-'));
  try {
    const dir = renderNginxInto(out, environment, extraLocations);
    return parse(tokenize(readFileSync(path.join(dir, 'nginx.conf'), 'utf8')), dir);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// The proxied routes: [{ location: '/auth/', modifier: '', upstream: 'auth-service:8001' }]
// (the `server` of the upstream block that proxy_pass names).
export function proxiedRoutes(config) {
  const upstreams = new Map();
  for (const directive of walk(config)) {
    if (directive.name === 'upstream') {
      const server = directive.children.find((child) => child.name === 'server');
      upstreams.set(directive.args[0], server?.args[0]);
    }
  }
  const routes = [];
  for (const directive of walk(config)) {
    if (directive.name !== 'location' || !directive.children) continue;
    const proxyPass = directive.children.find((child) => child.name === 'proxy_pass');
    if (!proxyPass) continue;
    const location = directive.args.at(-1);
    const modifier = directive.args.length > 1 ? directive.args[0] : '';
    const target = new URL(proxyPass.args[0]);
    routes.push({
      location,
      modifier,
      upstream: upstreams.get(target.host) ?? target.host,
      // proxy_pass with a path rewrites the URI; without one it passes it on.
      rewrites: target.pathname !== '/' || proxyPass.args[0].endsWith('/'),
    });
  }
  return routes;
}

// Every location block: [{ modifier, location, directives: names }].
export function locations(config) {
  return [...walk(config)]
    .filter((directive) => directive.name === 'location')
    .map((directive) => ({
      modifier: directive.args.length > 1 ? directive.args[0] : '',
      location: directive.args.at(-1),
      children: directive.children ?? [],
    }));
}

// nginx time values ("5s", "1m", "30", "1m30s") in seconds.
function seconds(value) {
  if (/^\d+$/.test(value)) return Number(value);
  const units = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };
  let total = 0;
  const rest = value.replace(/(\d+)(ms|s|m|h|d)/g, (_, number, unit) => {
    total += Number(number) * units[unit];
    return '';
  });
  if (rest !== '' || value === '') throw new Error(`not an nginx time: ${value}`);
  return total;
}

// The longest upstream timeouts any proxying location sets, in seconds:
// { connect, send, read } (nginx's defaults, 60 s, where none is set).
export function upstreamTimeouts(config) {
  const result = {};
  for (const [key, name] of [['connect', 'proxy_connect_timeout'], ['send', 'proxy_send_timeout'], ['read', 'proxy_read_timeout']]) {
    let longest = 0;
    for (const directive of walk(config)) {
      if (directive.name !== 'location' || !directive.children?.some((child) => child.name === 'proxy_pass')) continue;
      const set = directive.children.find((child) => child.name === name);
      longest = Math.max(longest, set ? seconds(set.args[0]) : 60);
    }
    result[key] = longest;
  }
  return result;
}
