// What deploy/docker builds: the image list of build.sh (the same list it
// builds from) and the stages of the Dockerfiles, read as Docker reads them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { repoRoot } from './paths.mjs';

// [{ image: 'todo-auth-service', dockerfile: 'deploy/docker/Dockerfile', target: 'auth-service' | null }]
export function builtImages() {
  const output = execFileSync(`${repoRoot}deploy/docker/build.sh`, ['--list'], { encoding: 'utf8' });
  return output.trim().split('\n').map((line) => {
    const [image, dockerfile, target] = line.split(/\s+/);
    return { image, dockerfile, target: target === '-' ? null : target };
  });
}

// Instructions of a Dockerfile, continuation lines joined, comments dropped:
// [{ instruction: 'RUN', args: '...' }].
function instructions(text) {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [instruction, ...rest] = line.split(/\s+/);
      return { instruction: instruction.toUpperCase(), args: rest.join(' ') };
    });
}

// The stages of a Dockerfile: [{ name, from, instructions }], ARG defaults
// before the first FROM substituted into FROM.
export function stages(dockerfile) {
  const all = instructions(readFileSync(`${repoRoot}${dockerfile}`, 'utf8'));
  const args = new Map();
  const result = [];
  for (const item of all) {
    if (item.instruction === 'ARG' && result.length === 0) {
      const [name, value = ''] = item.args.split('=');
      args.set(name, value);
    } else if (item.instruction === 'FROM') {
      const [image, as, name] = item.args.split(/\s+/);
      const from = image.replace(/\$\{(\w+)\}/g, (_, arg) => args.get(arg) ?? '');
      result.push({ name: as?.toUpperCase() === 'AS' ? name : null, from, instructions: [] });
    } else if (result.length > 0) {
      result.at(-1).instructions.push(item);
    }
  }
  return result;
}

// The stage an image is built from (its target, or the last stage), with
// the stages it derives from (FROM <stage>) before it, base first.
export function stageChain(dockerfile, target) {
  const all = stages(dockerfile);
  let stage = target ? all.find((s) => s.name === target) : all.at(-1);
  if (!stage) throw new Error(`${dockerfile} has no stage ${target}`);
  const chain = [stage];
  while (all.some((s) => s.name === stage.from)) {
    stage = all.find((s) => s.name === stage.from);
    chain.unshift(stage);
  }
  return chain;
}

// The effective value of an instruction for an image (the last one wins),
// e.g. lastOf(chain, 'USER') -> '10001:10001'.
export function lastOf(chain, instruction) {
  const found = chain.flatMap((stage) => stage.instructions).filter((i) => i.instruction === instruction);
  return found.at(-1)?.args ?? null;
}

// ENV instructions of a chain as a Map (NAME=value pairs; later wins).
export function envOf(chain) {
  const env = new Map();
  for (const item of chain.flatMap((stage) => stage.instructions)) {
    if (item.instruction !== 'ENV') continue;
    for (const match of item.args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) {
      env.set(match[1], match[2].replace(/^"|"$/g, ''));
    }
  }
  return env;
}
