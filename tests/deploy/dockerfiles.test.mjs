// The Dockerfiles, read as Docker reads them: multi-stage on Debian 12 slim,
// one build stage using the tests' dependency script and CMake preset and
// compiling both services once, runtime images that hold their binary and
// runtime libraries only (and the CA bundle that verifies the database), run
// as a non-root user and declare a port and a health check. (deploy/docker/test.sh checks the built images themselves.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { builtImages, lastOf, stageChain, stages } from './lib/docker.mjs';
import { SYSTEM_CA_BUNDLE } from './lib/k8s.mjs';
import { repoRoot } from './lib/paths.mjs';

const BASE = 'docker.io/library/debian:bookworm-slim';
const images = builtImages();
const servicesDockerfile = 'deploy/docker/Dockerfile';
const BUILD_TOOLS = /\b(build-essential|g\+\+|gcc|clang|cmake|make|[\w.+-]+-dev)\b/;

it('build.sh builds the two services and the proxy', () => {
  assert.deepEqual(images.map((i) => i.image).sort(), ['todo-auth-service', 'todo-proxy', 'todo-task-service']);
});

describe('the build stage', () => {
  const chain = stageChain(servicesDockerfile, 'build');
  const build = chain.at(-1);
  const runs = chain.flatMap((stage) => stage.instructions).filter((i) => i.instruction === 'RUN').map((i) => i.args);

  it(`starts from ${BASE}`, () => {
    assert.equal(chain[0].from, BASE);
  });

  it('installs with the dependency script tests/run.sh uses', () => {
    assert.ok(runs.some((run) => run.includes('deploy/local/install-deps.sh')));
    assert.match(readFileSync(`${repoRoot}tests/run.sh`, 'utf8'), /deploy\/local\/install-deps\.sh/);
  });

  it('compiles both services in one run with the `image` CMake preset', () => {
    const compile = runs.filter((run) => run.includes('cmake --build'));
    assert.equal(compile.length, 1);
    assert.match(compile[0], /cmake --preset image\b/);
    assert.match(compile[0], /--target auth-service task-service/);
    const presets = JSON.parse(readFileSync(`${repoRoot}CMakePresets.json`, 'utf8'));
    assert.ok(presets.configurePresets.some((p) => p.name === 'image'));
    assert.ok(presets.buildPresets.some((p) => p.name === 'image'));
  });

  it('uses the tested `release` build: `image` changes nothing but leaving the tests out', () => {
    const presets = JSON.parse(readFileSync(`${repoRoot}CMakePresets.json`, 'utf8'));
    const image = presets.configurePresets.find((p) => p.name === 'image');
    const release = presets.configurePresets.find((p) => p.name === 'release');
    assert.equal(image.inherits, 'release');
    assert.deepEqual(image.cacheVariables, { TODO_BUILD_TESTS: 'OFF' });
    assert.equal(release.cacheVariables.TODO_BUILD_TESTS, 'ON');
    assert.ok(presets.testPresets.some((p) => p.configurePreset === 'release'), 'no test preset runs the release build');
  });

  it('is the only stage that builds', () => {
    for (const stage of stages(servicesDockerfile)) {
      if (chain.some((s) => s.name === stage.name)) continue;
      for (const item of stage.instructions) {
        if (item.instruction === 'RUN') assert.doesNotMatch(item.args, /cmake|install-deps/, `stage ${stage.name}`);
      }
    }
  });
});

for (const { image, dockerfile, target } of images) {
  describe(`${image} (${dockerfile}${target ? `, target ${target}` : ''})`, () => {
    const chain = stageChain(dockerfile, target);

    it(`runs on ${BASE}`, () => {
      assert.equal(chain[0].from, BASE);
    });

    it('runs as a fixed non-root uid:gid', () => {
      const user = lastOf(chain, 'USER');
      assert.match(user ?? '', /^[1-9]\d*:[1-9]\d*$/, `USER ${user}`);
    });

    it('declares its port and a health check', () => {
      assert.match(lastOf(chain, 'EXPOSE') ?? '', /^\d+$/);
      assert.match(lastOf(chain, 'HEALTHCHECK') ?? '', /--interval=\S+ .*CMD healthcheck /);
      assert.ok(lastOf(chain, 'ENTRYPOINT'));
    });

    it('stops on the signal that starts its drain', () => {
      assert.equal(lastOf(chain, 'STOPSIGNAL'), target ? 'SIGTERM' : 'SIGQUIT');
    });

    it('installs no compiler, build tool or -dev package', () => {
      for (const stage of chain) {
        for (const item of stage.instructions) {
          if (item.instruction !== 'RUN' || !/apt-get install/.test(item.args)) continue;
          const installed = item.args.split('apt-get install')[1].split('&&')[0];
          assert.doesNotMatch(installed, BUILD_TOOLS, `${stage.name ?? 'final'}: ${installed}`);
        }
      }
    });

    if (target) {
      // libpq verifies the database's certificate against a file: in
      // Kubernetes' prod overlay, this bundle (sslrootcert, PGSSLROOTCERT).
      it(`installs ca-certificates, which holds ${SYSTEM_CA_BUNDLE} (verify-full against a public CA)`, () => {
        const installs = chain.flatMap((s) => s.instructions)
          .filter((i) => i.instruction === 'RUN' && /apt-get install/.test(i.args))
          .map((i) => i.args.split('apt-get install')[1].split('&&')[0]);
        assert.ok(installs.some((packages) => /(^|\s)ca-certificates(\s|$)/.test(packages.replace(/>.*$/, ''))), installs.join('; '));
      });

      it('copies from the build stage only its own executable and package list', () => {
        const copies = chain.flatMap((s) => s.instructions).filter((i) => i.instruction === 'COPY' && i.args.startsWith('--from='));
        assert.ok(copies.length > 0);
        for (const copy of copies) assert.match(copy.args, new RegExp(`^--from=build /out/${target}(\\.packages)? `));
      });
    }
  });
}

it('.dockerignore keeps build trees, git and node_modules out of the context', () => {
  const lines = readFileSync(`${repoRoot}.dockerignore`, 'utf8').split('\n').map((l) => l.trim());
  for (const pattern of ['.git', 'build', '**/node_modules', 'deploy/compose', 'tests']) {
    assert.ok(lines.includes(pattern), `.dockerignore lacks ${pattern}`);
  }
});
