// Validates Kubernetes objects offline against the API's schemas, as the
// API server would on `kubectl apply`:
//
//  1. the JSON Schema of the object's kind from kubernetes-models (generated
//     from the Kubernetes OpenAPI spec; types, enums, required fields,
//     formats), and
//  2. unknown fields: the OpenAPI schemas allow any extra property, so a
//     misspelt field (`readinessProbes`, `runAsNonroot`) would pass (1) and
//     then be dropped or refused by the server. The field names of every
//     type are read from the same package's type declarations (.d.ts, one
//     interface per API type) and every field of the object must be one.
//     This is what `kubectl apply --validate=strict` does against a server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const modelsDir = path.dirname(require.resolve('kubernetes-models/package.json'));
const nodeModulesDir = path.dirname(modelsDir);

// apiVersion "apps/v1" -> "apps/v1", "v1" -> "v1": the package's layout.
function modelPath(object) {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    throw new Error('apiVersion and kind must be strings');
  }
  return `${apiVersion}/${kind}`;
}

// The JSON Schema check; throws with every violation listed.
export async function validateSchema(object) {
  const id = modelPath(object);
  let module;
  try {
    module = await import(`kubernetes-models/${id}`);
  } catch {
    throw new Error(`unknown apiVersion/kind ${id} (not in the Kubernetes API)`);
  }
  const Model = module[object.kind];
  // The constructor only copies the fields; validate() runs the schema.
  new Model(object).validate();
}

// --- unknown fields -----------------------------------------------------------
//
// A .d.ts declares one API type as `export interface IName { "field"?: Type; }`
// where Type is a primitive, a string literal, another API type imported by
// name, Array<Type>, a map `{ [key: string]: Type; }` or an inline object
// `{ "field"?: Type; ... }`. parseType() turns that text into
//   { object: Map<field, type> } | { array: type } | { map: type } | { ref: file } | {}
// ({} is a leaf: nothing to look inside).

const typeCache = new Map();

function loadType(file) {
  if (typeCache.has(file)) return typeCache.get(file);
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const imports = new Map();
  for (const match of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)) {
    imports.set(match[1], resolveImport(file, match[2]));
  }
  const start = /^export interface \w+(?: extends [\w, ]+)? (?=\{)/m.exec(text);
  // No interface: a type alias (Quantity, IntOrString, Time), a leaf.
  const type = start ? parseType(text, start.index + start[0].length, imports).type : {};
  typeCache.set(file, type);
  return type;
}

function resolveImport(fromFile, specifier) {
  if (specifier.startsWith('.')) return path.resolve(path.dirname(fromFile), `${specifier}.d.ts`);
  return path.join(nodeModulesDir, `${specifier}.d.ts`);
}

// Parses the type starting at text[at]; returns it and where it ends.
function parseType(text, at, imports) {
  const skip = (i) => { while (/\s/.test(text[i])) i += 1; return i; };
  let i = skip(at);
  let type = {};
  if (text.startsWith('Array<', i)) {
    const inner = parseType(text, i + 'Array<'.length, imports);
    i = skip(inner.end);
    if (text[i] !== '>') throw new Error(`unexpected ${text.slice(i, i + 20)}`);
    type = { array: inner.type };
    i += 1;
  } else if (text[i] === '{') {
    i = skip(i + 1);
    if (text[i] === '[') {
      // { [key: string]: Type; }
      i = skip(text.indexOf(']:', i) + 2);
      const value = parseType(text, i, imports);
      i = skip(value.end);
      if (text[i] === ';') i = skip(i + 1);
      type = { map: value.type };
    } else {
      const fields = new Map();
      while (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        const name = text.slice(i + 1, close);
        i = skip(text.indexOf(':', close) + 1);
        const value = parseType(text, i, imports);
        fields.set(name, value.type);
        i = skip(value.end);
        if (text[i] === ';') i = skip(i + 1);
      }
      type = { object: fields };
    }
    if (text[i] !== '}') throw new Error(`unexpected ${text.slice(i, i + 20)}`);
    i += 1;
  } else {
    // A name, a primitive or a string literal, maybe a union of them.
    const match = /^(?:"[^"]*"|[\w.]+)(?:\s*\|\s*(?:"[^"]*"|[\w.]+))*/.exec(text.slice(i));
    if (!match) throw new Error(`unexpected ${text.slice(i, i + 20)}`);
    if (imports.has(match[0])) type = { ref: imports.get(match[0]) };
    i += match[0].length;
  }
  return { type, end: i };
}

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

// Walks `value` along `type`, reporting the fields it does not define.
function walk(value, type, where, problems) {
  if (type.ref) return walk(value, loadType(type.ref), where, problems);
  if (type.array) {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, type.array, `${where}[${i}]`, problems));
  } else if (type.map) {
    if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) walk(item, type.map, `${where}.${key}`, problems);
    }
  } else if (type.object && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const field = type.object.get(key);
      if (field === undefined) problems.push(`${where}.${key}: unknown field`);
      else walk(item, field, `${where}.${key}`, problems);
    }
  }
}

// Every field of `object` that its kind's schema does not define, as
// "Deployment.spec.template.spec.containers[0].readinessProbes: unknown field".
export function unknownFields(object) {
  const problems = [];
  walk(object, loadType(path.join(modelsDir, `${modelPath(object)}.d.ts`)), object.kind, problems);
  return problems;
}
