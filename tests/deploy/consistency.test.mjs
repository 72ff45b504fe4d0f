// The deployment's parts agree with each other and with the code:
//  - the Ingress sends every path to todo-proxy (deploy/nginx in the proxy
//    image), on the port nginx listens on; todo-proxy, rendered with its
//    Deployment's environment, passes /auth/ and /api/ to the auth-service
//    and task-service Services and ports, and nothing operational or
//    internal (nginx answers /internal/, auth-service's revocation feed, its
//    own JSON 404); the ingress waits longer than the proxy; the proxy
//    believes the controller's X-Forwarded-For from exactly the ranges the
//    services believe the proxy's from;
//  - the images the manifests name are the ones deploy/docker builds, each
//    Deployment running its own image;
//  - the probes' paths are routes the services serve (the proxy's: the
//    image's health check), on the port the container listens on (its
//    *_PORT setting, the image's EXPOSE); the proxy writes only to its
//    emptyDir.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

import { builtImages, envOf, lastOf, stageChain } from './lib/docker.mjs';
import {
  allContainers, containerEnvironment, find, nginxFilesMounted, ofKind, podLabels, resolvePort, selects,
} from './lib/k8s.mjs';
import { describeObject, render } from './lib/kustomize.mjs';
import { locations, proxiedRoutes, renderedNginx, upstreamTimeouts, walk } from './lib/nginx.mjs';
import { overlays, repoRoot } from './lib/paths.mjs';

// Each service, its port setting (architecture.md's table), its image and
// the prefix the proxy passes to it.
const SERVICES = {
  'auth-service': { portVariable: 'AUTH_PORT', image: 'todo-auth-service', prefix: '/auth/' },
  'task-service': { portVariable: 'TASK_PORT', image: 'todo-task-service', prefix: '/api/' },
};
const PROXY = { name: 'todo-proxy', image: 'todo-proxy', portVariable: 'PROXY_PORT' };
const IMAGES = { ...Object.fromEntries(Object.entries(SERVICES).map(([name, { image }]) => [name, image])), [PROXY.name]: PROXY.image };
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
    return { path: p.path, pathType: p.pathType, service: service.metadata.name, upstream: `${service.metadata.name}:${port.port}`, port };
  }));
}

// The names a pod of the namespace `todo` reaches a Service by.
const serviceHostNames = (name) => [name, `${name}.todo`, `${name}.todo.svc`, `${name}.todo.svc.cluster.local`];

// The todo-proxy container, the environment it renders deploy/nginx with
// (the literal values and ConfigMap keys; the image supplies the rest) and
// deploy/nginx as its pods render it: with that environment and the
// locations file the Deployment mounts.
function proxyContainer(objects) {
  const deployment = find(objects, 'Deployment', PROXY.name);
  const container = deployment.spec.template.spec.containers.find((c) => c.name === PROXY.name);
  assert.ok(container, `${PROXY.name} has no container named ${PROXY.name}`);
  const environment = Object.fromEntries([...containerEnvironment(container, objects)].filter(([, value]) => typeof value === 'string'));
  const extraLocations = Object.fromEntries(nginxFilesMounted(container, deployment.spec.template.spec, objects)
    .filter((file) => file.path.startsWith('locations/')).map((file) => [path.basename(file.path), file.text]));
  return { deployment, container, environment, nginx: renderedNginx(environment, extraLocations) };
}

for (const overlay of overlays) {
  describe(`overlay ${overlay}: Ingress, todo-proxy and deploy/nginx`, () => {
    const objects = render(`overlays/${overlay}`);
    const ingress = find(objects, 'Ingress', 'todo');
    const routes = ingressRoutes(objects);
    const proxy = proxyContainer(objects);
    const { nginx } = proxy;

    it('uses the nginx ingress class', () => {
      assert.equal(ingress.spec.ingressClassName, 'nginx');
    });

    it('sends every path, from / down, to todo-proxy, on the port nginx listens on', () => {
      assert.deepEqual(routes.map((r) => `${r.path} ${r.pathType} -> ${r.service}`), [`/ Prefix -> ${PROXY.name}`]);
      const service = find(objects, 'Service', PROXY.name);
      assert.ok(selects({ matchLabels: service.spec.selector }, podLabels(proxy.deployment)), 'the Service selects the proxy pods');
      const port = resolvePort(proxy.container, routes[0].port.targetPort);
      assert.equal(port, resolvePort(proxy.container, 'http'));
      const listens = [...walk(nginx)].filter((d) => d.name === 'listen').map((d) => d.args[0]);
      assert.deepEqual(listens, [String(port)], 'nginx listens on the port the Service targets');
    });

    it('todo-proxy passes /auth/ and /api/ to the auth-service and task-service Services, on their ports', () => {
      const routed = proxiedRoutes(nginx);
      assert.deepEqual(routed.map((r) => r.location).sort(), Object.values(SERVICES).map((s) => s.prefix).sort());
      for (const [name, { prefix }] of Object.entries(SERVICES)) {
        const route = routed.find((r) => r.location === prefix);
        const [host, port] = route.upstream.split(':');
        assert.ok(serviceHostNames(name).includes(host), `${prefix} goes to ${host}, not the ${name} Service`);
        const service = find(objects, 'Service', name);
        const servicePort = service.spec.ports.find((p) => p.port === Number(port));
        assert.ok(servicePort, `${name} has no port ${port}`);
        const deployment = find(objects, 'Deployment', name);
        assert.ok(selects({ matchLabels: service.spec.selector }, podLabels(deployment)));
        const container = deployment.spec.template.spec.containers[0];
        assert.equal(resolvePort(container, servicePort.targetPort), resolvePort(container, 'http'), `${name}'s Service targets its serving port`);
      }
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

    it('exposes no operational or internal endpoint (todo-proxy answers them its JSON 404)', () => {
      for (const endpoint of [...OPERATIONAL, ...INTERNAL]) {
        for (const route of routes) {
          // Only todo-proxy may be behind a prefix that covers them: it refuses them itself.
          if (route.service === PROXY.name) continue;
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
      assert.equal(proxy.environment.MAX_BODY_BYTES, String(limit), 'todo-proxy refuses what the services refuse');
      const nginxLimit = [...walk(nginx)].find((d) => d.name === 'client_max_body_size').args[0];
      assert.equal(nginxLimit, String(limit));
    });

    it('waits longer for todo-proxy than todo-proxy waits for a service (its JSON 503 comes first)', () => {
      const annotations = ingress.metadata.annotations;
      const ingressTimeout = (name) => Number(annotations[`nginx.ingress.kubernetes.io/proxy-${name}-timeout`] ?? 60);
      const nginxTimeouts = upstreamTimeouts(nginx);
      assert.ok(ingressTimeout('read') > nginxTimeouts.connect + nginxTimeouts.read,
        `ingress read timeout ${ingressTimeout('read')} s <= proxy connect + read ${nginxTimeouts.connect + nginxTimeouts.read} s`);
      assert.ok(ingressTimeout('send') > nginxTimeouts.send, `ingress send timeout ${ingressTimeout('send')} s`);
    });

    it('todo-proxy believes the controller’s X-Forwarded-For from the ranges the services believe its own from', () => {
      // The file the pods add to deploy/nginx's locations (ConfigMap, subPath).
      const files = nginxFilesMounted(proxy.container, proxy.deployment.spec.template.spec, objects);
      assert.equal(files.length, 1, 'one file added to the image\'s deploy/nginx');
      const [{ mount, path: file, text }] = files;
      assert.match(file, /^locations\/[\w.-]+\.conf$/, 'a locations/*.conf file: included in the server block');
      assert.ok(mount.subPath && mount.readOnly, 'one file (subPath), read-only');
      assert.ok(text, `${file} comes from a ConfigMap key`);
      const directives = text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean)
        .map((line) => line.replace(/;$/, '').split(/\s+/));
      const trusted = directives.filter(([name]) => name === 'set_real_ip_from').map(([, cidr]) => cidr);
      const services = find(objects, 'Deployment', 'auth-service').spec.template.spec.containers[0];
      const believed = containerEnvironment(services, objects).get('TRUSTED_PROXIES').split(',');
      assert.deepEqual(trusted, believed);
      assert.deepEqual(directives.filter(([name]) => name.startsWith('real_ip_')).map((d) => d.join(' ')).sort(),
        ['real_ip_header X-Forwarded-For', 'real_ip_recursive on']);
      assert.deepEqual(directives.map(([name]) => name).filter((name) => !/^(set_real_ip_from|real_ip_header|real_ip_recursive)$/.test(name)), []);
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

    it('each Deployment runs its own image', () => {
      assert.deepEqual(ofKind(objects, 'Deployment').map((d) => d.metadata.name).sort(), Object.keys(IMAGES).sort());
      for (const deployment of ofKind(objects, 'Deployment')) {
        const expected = IMAGES[deployment.metadata.name];
        assert.equal(repositoryName(deployment.spec.template.spec.containers[0].image), expected);
      }
    });

    it('one tag for the three images (build.sh builds them together)', () => {
      const tags = new Set(ofKind(objects, 'Deployment').map((d) => d.spec.template.spec.containers[0].image.split(':').at(-1)));
      assert.equal(tags.size, 1, [...tags].join(', '));
    });
  });

  describe(`overlay ${overlay}: probes and ports against the services`, () => {
    const objects = render(`overlays/${overlay}`);
    const served = servedOperationalRoutes();

    for (const [name, { portVariable, image }] of Object.entries(SERVICES)) {
      const deployment = find(objects, 'Deployment', name);
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

  describe(`overlay ${overlay}: todo-proxy against its image`, () => {
    const objects = render(`overlays/${overlay}`);
    const { deployment, container, environment, nginx } = proxyContainer(objects);
    const pod = deployment.spec.template.spec;
    const { dockerfile, target } = builtImages().find((b) => b.image === PROXY.image);
    const chain = stageChain(dockerfile, target);

    it('probes ask for the image’s health check, a file nginx serves itself, at the serving port', () => {
      // HEALTHCHECK ... CMD healthcheck "${PROXY_PORT:-8080}" /openapi.json 200
      const [, checkPath, status] = /CMD\s+healthcheck\s+\S+\s+(\S+)\s+(\d{3})/.exec(lastOf(chain, 'HEALTHCHECK') ?? '') ?? [];
      assert.ok(checkPath, `${dockerfile} has no HEALTHCHECK with healthcheck <port> <path> <status>`);
      assert.equal(status, '200');
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        assert.equal(container[probe]?.httpGet?.path, checkPath, probe);
        assert.equal(resolvePort(container, container[probe].httpGet.port), resolvePort(container, 'http'), `${probe} port`);
      }
      const served = locations(nginx).find((l) => l.modifier === '=' && l.location === checkPath);
      assert.ok(served, `deploy/nginx has no location = ${checkPath}`);
      assert.ok(!served.children.some((c) => c.name === 'proxy_pass'), `${checkPath} does not depend on a service`);
    });

    it(`listens on its ${PROXY.portVariable}, the container port, the image's EXPOSE`, () => {
      const port = Number(environment[PROXY.portVariable]);
      assert.equal(resolvePort(container, 'http'), port);
      assert.equal(environment.PROXY_LISTEN, undefined, 'PROXY_LISTEN would override PROXY_PORT');
      assert.equal(Number(lastOf(chain, 'EXPOSE')), port, `${dockerfile} EXPOSE`);
      assert.equal(Number(envOf(chain).get(PROXY.portVariable)), port, `${dockerfile} ENV ${PROXY.portVariable}`);
    });

    it('runs as the image’s user', () => {
      assert.equal(`${pod.securityContext.runAsUser}:${pod.securityContext.runAsGroup}`, lastOf(chain, 'USER'));
    });

    it('writes only to an emptyDir, where the entrypoint renders nginx’s configuration', () => {
      const entrypoint = readFileSync(`${repoRoot}deploy/docker/proxy-entrypoint.sh`, 'utf8');
      const [, defaultDir] = /\$\{NGINX_CONF_DIR:-([^}]+)\}/.exec(entrypoint) ?? [];
      assert.ok(defaultDir, 'proxy-entrypoint.sh names its default NGINX_CONF_DIR');
      const dir = environment.NGINX_CONF_DIR ?? defaultDir;
      assert.equal(container.securityContext.readOnlyRootFilesystem, true);
      const mount = (container.volumeMounts ?? []).find((m) => dir === m.mountPath || dir.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
      assert.ok(mount, `nothing is mounted at ${dir}`);
      assert.ok(!mount.readOnly);
      assert.ok(pod.volumes.find((v) => v.name === mount.name).emptyDir, `${mount.name} is an emptyDir`);
      // render.sh's other writable paths default to inside that directory, the logs to stdout and stderr.
      for (const variable of ['NGINX_PID_FILE', 'NGINX_TEMP_DIR', 'NGINX_ACCESS_LOG', 'NGINX_ERROR_LOG', 'LOG_DIR']) {
        assert.equal(environment[variable], undefined, variable);
      }
    });
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
