// The deployment's parts agree with each other and with the code:
//  - the Ingress routes exactly the paths deploy/nginx proxies, to the same
//    services and ports, and nothing operational or internal (both refuse
//    /internal/, auth-service's revocation feed, and nginx answers its 404);
//  - the images the manifests name are the ones deploy/docker builds, each
//    Deployment running its own service's image;
//  - the probes' paths are routes the services serve, on the port the
//    service listens on (its *_PORT setting, the image's EXPOSE).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { builtImages, envOf, lastOf, stageChain } from './lib/docker.mjs';
import { allContainers, containerEnvironment, find, ofKind, resolvePort } from './lib/k8s.mjs';
import { describeObject, render } from './lib/kustomize.mjs';
import { locations, proxiedRoutes, renderedNginx } from './lib/nginx.mjs';
import { overlays, repoRoot } from './lib/paths.mjs';

// Each service, its port setting (architecture.md's table) and its image.
const SERVICES = {
  'auth-service': { portVariable: 'AUTH_PORT', image: 'todo-auth-service' },
  'task-service': { portVariable: 'TASK_PORT', image: 'todo-task-service' },
};
const OPERATIONAL = ['/healthz', '/readyz', '/metrics'];
// The services' internal endpoints: auth-service's revocation feed, which
// task-service follows directly (AUTH_INTERNAL_URL), never through a proxy.
const INTERNAL = ['/internal', '/internal/', '/internal/revocations'];

// "registry.example.com:5000/todo/todo-auth-service:1.2" -> "todo-auth-service"
const repositoryName = (image) => image.replace(/@.*$/, '').replace(/:[^/:]+$/, '').split('/').at(-1);

// Ingress paths as nginx prefix locations: Prefix "/auth/" ~ location /auth/.
function ingressRoutes(objects) {
  const services = new Map(ofKind(objects, 'Service').map((s) => [s.metadata.name, s]));
  return find(objects, 'Ingress', 'todo').spec.rules.flatMap((rule) => rule.http.paths.map((p) => {
    const service = services.get(p.backend.service.name);
    assert.ok(service, `the Ingress routes ${p.path} to a Service that does not exist`);
    const port = service.spec.ports.find((sp) => sp.name === p.backend.service.port.name || sp.port === p.backend.service.port.number);
    assert.ok(port, `the Ingress routes ${p.path} to a port ${service.metadata.name} does not have`);
    return { path: p.path, pathType: p.pathType, upstream: `${service.metadata.name}:${port.port}` };
  }));
}

for (const overlay of overlays) {
  describe(`overlay ${overlay}: Ingress and deploy/nginx`, () => {
    const objects = render(`overlays/${overlay}`);
    const ingress = find(objects, 'Ingress', 'todo');
    const routes = ingressRoutes(objects);
    // nginx rendered with each upstream at the Kubernetes Service and port,
    // as compose does it, so both sides name their targets alike.
    const service = (name) => `${name}:${find(objects, 'Service', name).spec.ports[0].port}`;
    const nginx = renderedNginx({ AUTH_UPSTREAM: service('auth-service'), TASK_UPSTREAM: service('task-service') });

    it('uses the nginx ingress class', () => {
      assert.equal(ingress.spec.ingressClassName, 'nginx');
    });

    it('routes the same path prefixes to the same services and ports', () => {
      const fromNginx = proxiedRoutes(nginx).map((r) => `${r.location} -> ${r.upstream}`).sort();
      const fromIngress = routes.map((r) => `${r.path} -> ${r.upstream}`).sort();
      assert.ok(fromNginx.length >= 2, `nginx proxies ${fromNginx}`);
      assert.deepEqual(fromIngress, fromNginx);
    });

    it('routes by prefix and passes the URI on unchanged, as nginx does', () => {
      for (const route of proxiedRoutes(nginx)) {
        assert.equal(route.modifier, '', `nginx location ${route.location} is a prefix location`);
        assert.equal(route.rewrites, false, `nginx passes ${route.location} on unchanged`);
      }
      for (const route of routes) assert.equal(route.pathType, 'Prefix');
      const annotations = ingress.metadata.annotations ?? {};
      assert.equal(annotations['nginx.ingress.kubernetes.io/rewrite-target'], undefined);
      assert.equal(annotations['nginx.ingress.kubernetes.io/use-regex'], undefined);
    });

    it('exposes no operational or internal endpoint (nginx answers them its JSON 404)', () => {
      for (const endpoint of [...OPERATIONAL, ...INTERNAL]) {
        for (const route of routes) {
          const prefix = route.path.replace(/\/$/, '');
          assert.ok(!(endpoint === prefix || endpoint.startsWith(`${prefix}/`)), `${route.path} exposes ${endpoint}`);
        }
        const refused = locations(nginx).some((l) => l.modifier === '~' && new RegExp(l.location).test(endpoint) &&
          l.children.some((c) => c.name === 'default_type' && c.args[0] === 'application/json') &&
          l.children.some((c) => c.name === 'return' && c.args[0] === '404' && c.args[1] === '{"detail":"Not Found"}'));
        assert.ok(refused, `deploy/nginx answers ${endpoint} with its own JSON 404`);
      }
    });

    it('lets the ingress hand on bodies up to the services’ own limit', () => {
      const config = find(objects, 'ConfigMap', ofKind(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('todo-config')).metadata.name);
      const limit = Number(config.data.MAX_BODY_BYTES);
      const value = ingress.metadata.annotations['nginx.ingress.kubernetes.io/proxy-body-size'];
      const [, number, unit] = /^(\d+)([kmg]?)$/i.exec(value);
      const bytes = Number(number) * { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit.toLowerCase()];
      assert.ok(bytes >= limit, `proxy-body-size ${value} < MAX_BODY_BYTES ${limit}: the ingress would answer 413 in HTML`);
    });
  });

  describe(`overlay ${overlay}: images`, () => {
    const objects = render(`overlays/${overlay}`);
    const built = builtImages();

    it('every image of ours is one deploy/docker/build.sh builds', () => {
      const ours = new Set(built.map((b) => b.image));
      for (const { workload, container } of allContainers(objects)) {
        if (workload.metadata.name === 'postgres') continue; // the official PostgreSQL image (dev only)
        assert.ok(ours.has(repositoryName(container.image)), `${describeObject(workload)} runs ${container.image}, which build.sh does not build (${[...ours]})`);
      }
    });

    it('each Deployment runs its own service’s image', () => {
      for (const deployment of ofKind(objects, 'Deployment')) {
        const expected = SERVICES[deployment.metadata.name]?.image;
        assert.equal(repositoryName(deployment.spec.template.spec.containers[0].image), expected);
      }
    });

    it('one tag for both services (they are built together)', () => {
      const tags = new Set(ofKind(objects, 'Deployment').map((d) => d.spec.template.spec.containers[0].image.split(':').at(-1)));
      assert.equal(tags.size, 1, [...tags].join(', '));
    });
  });

  describe(`overlay ${overlay}: probes and ports against the services`, () => {
    const objects = render(`overlays/${overlay}`);
    const served = servedOperationalRoutes();

    for (const deployment of ofKind(objects, 'Deployment')) {
      const name = deployment.metadata.name;
      const { portVariable, image } = SERVICES[name];
      const container = deployment.spec.template.spec.containers[0];

      it(`${name}: probes ask for routes the services serve`, () => {
        for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
          assert.ok(served.includes(container[probe].httpGet.path), `${probe} ${container[probe].httpGet.path} not in ${served}`);
        }
      });

      it(`${name}: listens on its ${portVariable}, the container port, the image's EXPOSE`, () => {
        const env = containerEnvironment(container, objects);
        const port = Number(env.get(portVariable));
        assert.equal(resolvePort(container, 'http'), port);
        const { dockerfile, target } = builtImages().find((b) => b.image === image);
        const chain = stageChain(dockerfile, target);
        assert.equal(Number(lastOf(chain, 'EXPOSE')), port, `${dockerfile} ${target} EXPOSE`);
        assert.equal(Number(envOf(chain).get(portVariable)), port, `${dockerfile} ${target} ENV ${portVariable}`);
      });

      it(`${name}: runs as the image's user`, () => {
        const { dockerfile, target } = builtImages().find((b) => b.image === image);
        const user = lastOf(stageChain(dockerfile, target), 'USER');
        assert.equal(`${deployment.spec.template.spec.securityContext.runAsUser}:${deployment.spec.template.spec.securityContext.runAsGroup}`, user);
      });
    }
  });
}

// The operational routes the shared HTTP server registers for every service
// (shared/src/http/operational_routes.cpp: router.add("GET", "/healthz", ...)).
function servedOperationalRoutes() {
  const dir = `${repoRoot}shared/src/http`;
  const routes = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpp'))) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const match of text.matchAll(/router\.add\("GET",\s*"([^"]+)"/g)) routes.push(match[1]);
  }
  assert.ok(routes.length > 0, 'no operational routes found in shared/src/http');
  return routes;
}

describe('the services read the port settings the deployment sets', () => {
  for (const [name, { portVariable }] of Object.entries(SERVICES)) {
    it(`${name} reads ${portVariable}`, () => {
      const files = [];
      const walk = (dir) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (/\.(cpp|hpp)$/.test(entry.name)) files.push(full);
        }
      };
      walk(`${repoRoot}${name}/src`);
      assert.ok(files.some((file) => readFileSync(file, 'utf8').includes(`"${portVariable}"`)),
        `no source file of ${name} mentions "${portVariable}"`);
    });
  }
});
