// Policies every rendered overlay must meet (the list), as tests:
// probes, requests and limits, non-root, read-only root filesystem, no
// capabilities, no privilege escalation, no inline secrets, pinned images,
// a drain that fits the grace period, an HPA and a PDB per Deployment, the
// service token key wherever the JWT key goes (and nowhere else: todo-proxy
// holds no Secret), task-service pointed at auth-service's revocation feed,
// and NetworkPolicies that let only the ingress controller reach todo-proxy,
// only todo-proxy reach the services (and task-service reach auth-service),
// only the services reach PostgreSQL, and each pod out to exactly what it
// calls.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  DB_CA_CONFIGMAP, DB_CA_DIR, LONG_RUNNING_KINDS, SYSTEM_CA_BUNDLE, allContainers, containerEnvironment, find, ofKind,
  podLabels, resolvePort, selects,
} from './lib/k8s.mjs';
import { describeObject, render } from './lib/kustomize.mjs';
import { renderedNginx, upstreamTimeouts } from './lib/nginx.mjs';
import { overlays } from './lib/paths.mjs';

// The Deployments: the two API services and the reverse proxy in front.
const API_SERVICES = ['auth-service', 'task-service'];
const PROXY = 'todo-proxy';
// The ingress controller, as the NetworkPolicies name it.
const INGRESS_CONTROLLER = 'ingress-nginx/ingress-nginx';

// Names whose value is a credential: only ever from a Secret (or a file).
const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|PRIVATE_KEY|DATABASE_URL|CREDENTIALS?)S?$/i;
// A URL with a password in it: user:password@host.
const URL_WITH_PASSWORD = /:\/\/[^/\s:@]+:[^/\s@]+@/;

const where = (workload, container) => `${describeObject(workload)} container ${container.name}`;

for (const overlay of overlays) {
  describe(`overlay ${overlay}: every container`, () => {
    const objects = render(`overlays/${overlay}`);
    const containers = [...allContainers(objects)];

    it('has containers to check', () => {
      assert.ok(containers.length >= 4);
    });

    it('has startup, readiness and liveness probes (long-running workloads)', () => {
      for (const { workload, container, init } of containers) {
        if (!LONG_RUNNING_KINDS.includes(workload.kind) || init) continue;
        for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
          assert.ok(container[probe], `${where(workload, container)} has no ${probe}`);
        }
      }
    });

    it('has cpu and memory requests and limits', () => {
      for (const { workload, container } of containers) {
        for (const kind of ['requests', 'limits']) {
          for (const resource of ['cpu', 'memory']) {
            assert.ok(container.resources?.[kind]?.[resource], `${where(workload, container)} has no ${kind}.${resource}`);
          }
        }
      }
    });

    it('runs as non-root, read-only, with no capabilities and no privilege escalation', () => {
      for (const { workload, container, pod } of containers) {
        const context = container.securityContext ?? {};
        const podContext = pod.securityContext ?? {};
        const at = where(workload, container);
        assert.equal(context.runAsNonRoot ?? podContext.runAsNonRoot, true, `${at}: runAsNonRoot`);
        const uid = context.runAsUser ?? podContext.runAsUser;
        assert.ok(uid === undefined || uid > 0, `${at}: runAsUser ${uid}`);
        assert.equal(context.readOnlyRootFilesystem, true, `${at}: readOnlyRootFilesystem`);
        assert.equal(context.allowPrivilegeEscalation, false, `${at}: allowPrivilegeEscalation`);
        assert.notEqual(context.privileged, true, `${at}: privileged`);
        assert.deepEqual(context.capabilities?.drop, ['ALL'], `${at}: capabilities.drop`);
        assert.equal(context.capabilities?.add, undefined, `${at}: capabilities.add`);
        const seccomp = context.seccompProfile?.type ?? podContext.seccompProfile?.type;
        assert.ok(['RuntimeDefault', 'Localhost'].includes(seccomp), `${at}: seccompProfile ${seccomp}`);
        assert.notEqual(pod.hostNetwork, true, `${at}: hostNetwork`);
        assert.notEqual(pod.hostPID, true, `${at}: hostPID`);
      }
    });

    it('uses a pinned image (a tag other than latest, or a digest)', () => {
      for (const { workload, container } of containers) {
        const image = container.image ?? '';
        const digest = /@sha256:[0-9a-f]{64}$/.test(image);
        const tag = /:([\w][\w.-]{0,127})$/.exec(image.replace(/^[^/]*:\d+\//, ''))?.[1];
        assert.ok(digest || (tag && tag !== 'latest'), `${where(workload, container)}: image ${image} is not pinned`);
      }
    });

    it('takes every credential from a Secret, never inline', () => {
      for (const { workload, container } of containers) {
        for (const variable of container.env ?? []) {
          const at = `${where(workload, container)} env ${variable.name}`;
          if (SECRET_NAME.test(variable.name)) {
            assert.ok(variable.valueFrom?.secretKeyRef, `${at} must come from a Secret (valueFrom.secretKeyRef)`);
          }
          if (typeof variable.value === 'string') {
            assert.doesNotMatch(variable.value, URL_WITH_PASSWORD, `${at} holds a URL with a password`);
          }
        }
      }
    });

    it('commits no Secret and no credential in a ConfigMap', () => {
      assert.deepEqual(ofKind(objects, 'Secret').map(describeObject), []);
      for (const configMap of ofKind(objects, 'ConfigMap')) {
        for (const [key, value] of Object.entries(configMap.data ?? {})) {
          assert.doesNotMatch(key, SECRET_NAME, `${describeObject(configMap)} key ${key}`);
          assert.doesNotMatch(value, URL_WITH_PASSWORD, `${describeObject(configMap)} key ${key}`);
        }
      }
    });

    it('mounts no service account token and no host path', () => {
      for (const { workload, pod } of containers) {
        assert.equal(pod.automountServiceAccountToken, false, describeObject(workload));
        assert.ok(!(pod.volumes ?? []).some((volume) => volume.hostPath), describeObject(workload));
      }
    });
  });

  describe(`overlay ${overlay}: the services and the proxy`, () => {
    const objects = render(`overlays/${overlay}`);
    const deployments = ofKind(objects, 'Deployment');
    // How long the proxy may wait on an upstream: its SIGQUIT drain.
    const proxyTimeouts = upstreamTimeouts(renderedNginx({}));

    it('are a Deployment each, with 2 replicas', () => {
      assert.deepEqual(deployments.map((d) => d.metadata.name).sort(), [...API_SERVICES, PROXY]);
      for (const deployment of deployments) assert.equal(deployment.spec.replicas, 2, describeObject(deployment));
    });

    for (const deployment of deployments) {
      const name = deployment.metadata.name;
      const pod = deployment.spec.template.spec;
      const container = pod.containers.find((c) => c.name === name);

      if (API_SERVICES.includes(name)) it(`${name}: readiness on /readyz, liveness and startup on /healthz, at the serving port`, () => {
        assert.ok(container, `${name} has no container named ${name}`);
        assert.equal(container.readinessProbe.httpGet.path, '/readyz');
        assert.equal(container.livenessProbe.httpGet.path, '/healthz');
        assert.equal(container.startupProbe.httpGet.path, '/healthz');
        const http = resolvePort(container, 'http');
        for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
          assert.equal(resolvePort(container, container[probe].httpGet.port), http, `${probe} port`);
        }
      });

      // The services drain for SHUTDOWN_GRACE_SECONDS; nginx (SIGQUIT) waits
      // for its requests in flight, at most connect + read timeout upstream.
      it(`${name}: the grace period covers the preStop pause and the drain`, () => {
        assert.ok(container, `${name} has no container named ${name}`);
        const env = containerEnvironment(container, objects);
        const drain = name === PROXY ? proxyTimeouts.connect + proxyTimeouts.read : Number(env.get('SHUTDOWN_GRACE_SECONDS') ?? 20);
        assert.ok(drain > 0, `${name}: drain ${drain}`);
        const command = container.lifecycle?.preStop?.exec?.command ?? [];
        assert.equal(command[0], 'sleep', 'preStop is a pause (sleep N)');
        const pause = Number(command[1]);
        assert.ok(pause >= 1 && pause <= 15, `preStop sleeps ${pause}s`);
        // 5 s for the process to exit after the drain.
        assert.ok(pod.terminationGracePeriodSeconds >= pause + drain + 5,
          `terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds} < ${pause} + ${drain} + 5`);
      });

      it(`${name}: has an HPA (minimum = replicas) and a PDB that leaves room to evict`, () => {
        const hpa = ofKind(objects, 'HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === name);
        assert.ok(hpa, `no HorizontalPodAutoscaler targets ${name}`);
        assert.equal(hpa.spec.scaleTargetRef.kind, 'Deployment');
        assert.equal(hpa.spec.minReplicas, deployment.spec.replicas);
        assert.ok(hpa.spec.maxReplicas > hpa.spec.minReplicas);
        const pdb = ofKind(objects, 'PodDisruptionBudget').find((p) => selects(p.spec.selector, podLabels(deployment)));
        assert.ok(pdb, `no PodDisruptionBudget selects ${name}'s pods`);
        assert.ok(pdb.spec.minAvailable >= 1 && pdb.spec.minAvailable < deployment.spec.replicas);
      });

      it(`${name}: a Service selects its pods on the serving port`, () => {
        const service = find(objects, 'Service', name);
        assert.ok(selects({ matchLabels: service.spec.selector }, podLabels(deployment)));
        assert.equal(resolvePort(container, service.spec.ports[0].targetPort), resolvePort(container, 'http'));
      });
    }

    it('todo-proxy holds no Secret and no database setting (only the services do)', () => {
      const proxy = find(objects, 'Deployment', PROXY);
      for (const { container, pod } of allContainers([proxy])) {
        const env = containerEnvironment(container, objects);
        for (const [variable, value] of env) {
          assert.ok(typeof value === 'string', `${variable} comes from ${JSON.stringify(value)}`);
          assert.doesNotMatch(variable, /JWT|DATABASE|^PG/, variable);
        }
        assert.deepEqual((container.envFrom ?? []).filter((source) => source.secretRef), []);
        assert.deepEqual((pod.volumes ?? []).filter((volume) => volume.secret || volume.projected), []);
      }
    });

    it('have a migration Job running --migrate-only with each service image', () => {
      const jobs = ofKind(objects, 'Job');
      for (const deployment of deployments.filter((d) => API_SERVICES.includes(d.metadata.name))) {
        const image = deployment.spec.template.spec.containers[0].image;
        const migrating = jobs.flatMap((job) => job.spec.template.spec.containers)
          .filter((c) => c.image === image && (c.args ?? []).includes('--migrate-only'));
        assert.equal(migrating.length, 1, `one Job container migrates with ${image}`);
      }
    });
  });

  describe(`overlay ${overlay}: the service token key and the revocation feed`, () => {
    const objects = render(`overlays/${overlay}`);
    const withJwt = [...allContainers(objects)].filter(({ container }) => containerEnvironment(container, objects).has('JWT_SECRET_FILE'));

    // The Secret and key mounted at the file an env variable names.
    function secretBehind(container, pod, file) {
      const mount = (container.volumeMounts ?? []).find((m) => file.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
      const volume = mount && (pod.volumes ?? []).find((v) => v.name === mount.name);
      if (!volume?.secret) return null;
      const relative = file.slice(mount.mountPath.replace(/\/$/, '').length + 1);
      const item = (volume.secret.items ?? []).find((i) => i.path === relative);
      return { secret: volume.secret.secretName, key: item ? item.key : relative };
    }

    it('every container with the JWT key: both services and both migration containers', () => {
      assert.deepEqual(withJwt.map(({ workload, container }) => `${describeObject(workload)} ${container.name}`).sort(), [
        'Deployment/auth-service auth-service', 'Deployment/task-service task-service',
        'Job/todo-migrate auth-migrate', 'Job/todo-migrate task-migrate',
      ]);
    });

    it('gets SERVICE_JWT_SECRET_FILE too, a file of the Secret todo-service-jwt, not todo-jwt', () => {
      for (const { workload, container, pod } of withJwt) {
        const at = where(workload, container);
        const env = containerEnvironment(container, objects);
        assert.deepEqual(secretBehind(container, pod, env.get('JWT_SECRET_FILE')), { secret: 'todo-jwt', key: 'secret' }, at);
        const file = env.get('SERVICE_JWT_SECRET_FILE');
        assert.equal(typeof file, 'string', `${at}: SERVICE_JWT_SECRET_FILE`);
        assert.deepEqual(secretBehind(container, pod, file), { secret: 'todo-service-jwt', key: 'secret' }, at);
        assert.equal(env.get('SERVICE_JWT_SECRET'), undefined, `${at}: the key as a file only`);
      }
    });

    it('task-service follows the feed at the auth-service Service and port, inside the cluster', () => {
      const task = find(objects, 'Deployment', 'task-service').spec.template.spec.containers[0];
      const url = new URL(containerEnvironment(task, objects).get('AUTH_INTERNAL_URL'));
      const service = find(objects, 'Service', 'auth-service');
      assert.equal(url.protocol, 'http:');
      assert.ok(['auth-service', 'auth-service.todo', 'auth-service.todo.svc', 'auth-service.todo.svc.cluster.local'].includes(url.hostname), url.hostname);
      assert.equal(Number(url.port), service.spec.ports.find((p) => p.name === 'http').port);
      assert.ok(selects({ matchLabels: service.spec.selector }, podLabels(find(objects, 'Deployment', 'auth-service'))));
      assert.equal(url.pathname, '/');
    });

  });

  describe(`overlay ${overlay}: network policies`, () => {
    const objects = render(`overlays/${overlay}`);
    const policies = ofKind(objects, 'NetworkPolicy');
    const pods = [...ofKind(objects, 'Deployment'), ...ofKind(objects, 'StatefulSet'), ...ofKind(objects, 'Job')];
    const policiesFor = (workload, type) =>
      policies.filter((p) => selects(p.spec.podSelector, podLabels(workload)) && (p.spec.policyTypes ?? ['Ingress']).includes(type));

    it('deny all ingress and egress by default', () => {
      assert.ok(policies.some((p) => Object.keys(p.spec.podSelector).length === 0 &&
        p.spec.policyTypes.includes('Ingress') && p.spec.policyTypes.includes('Egress') &&
        !p.spec.ingress && !p.spec.egress), 'a policy selecting every pod with no rules');
    });

    // A peer in this namespace (no namespaceSelector): the workloads it admits.
    const admittedBy = (peer) => (peer.namespaceSelector || peer.ipBlock ? null :
      pods.filter((w) => selects(peer.podSelector, podLabels(w))).map(describeObject).sort());
    // Who a peer of an ingress rule stands for: workloads of this namespace,
    // or the ingress controller (its namespace and pods, both required).
    const peerNames = (peer) => {
      if (peer.ipBlock) return [`ipBlock ${peer.ipBlock.cidr}`];
      if (!peer.namespaceSelector) return admittedBy(peer);
      const namespace = peer.namespaceSelector.matchLabels?.['kubernetes.io/metadata.name'] ?? '?';
      const name = peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] ?? 'any pod';
      return [`${namespace}/${name}`];
    };
    const containerOf = (name) => find(objects, 'Deployment', name).spec.template.spec.containers[0];

    // Who may connect to each Deployment: "<peer> -> <its container port>".
    const expectedIngress = {
      [PROXY]: [`${INGRESS_CONTROLLER} -> ${resolvePort(containerOf(PROXY), 'http')}`],
      'auth-service': [`Deployment/task-service -> ${resolvePort(containerOf('auth-service'), 'http')}`,
        `Deployment/todo-proxy -> ${resolvePort(containerOf('auth-service'), 'http')}`],
      'task-service': [`Deployment/todo-proxy -> ${resolvePort(containerOf('task-service'), 'http')}`],
    };

    it('let the ingress controller reach todo-proxy alone, and only todo-proxy (and task-service, to auth-service) reach the services, on their port', () => {
      for (const deployment of ofKind(objects, 'Deployment')) {
        const name = deployment.metadata.name;
        const container = containerOf(name);
        const rules = policiesFor(deployment, 'Ingress').flatMap((p) => p.spec.ingress ?? []);
        assert.ok(rules.length > 0, `${name} is reachable by nobody`);
        const admitted = new Set();
        for (const rule of rules) {
          assert.ok(rule.from?.length > 0, `${name}: a rule with no 'from' admits everyone`);
          assert.ok(rule.ports?.length > 0, `${name}: a rule with no 'ports' admits every port`);
          for (const peer of rule.from) {
            if (peer.namespaceSelector) {
              // Both selectors, exactly: not every pod of the namespace, not every namespace.
              assert.deepEqual(peer.namespaceSelector, { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }, name);
              assert.deepEqual(peer.podSelector, { matchLabels: { 'app.kubernetes.io/name': 'ingress-nginx' } }, name);
            }
            for (const who of peerNames(peer)) {
              for (const port of rule.ports) {
                assert.equal(port.protocol ?? 'TCP', 'TCP', name);
                admitted.add(`${who} -> ${resolvePort(container, port.port)}`);
              }
            }
          }
        }
        assert.deepEqual([...admitted].sort(), expectedIngress[name], `${name}: who is admitted`);
      }
    });

    it('let task-service reach auth-service’s port, both ways (the revocation feed)', () => {
      const auth = find(objects, 'Deployment', 'auth-service');
      const task = find(objects, 'Deployment', 'task-service');
      const authContainer = auth.spec.template.spec.containers[0];
      const authPort = resolvePort(authContainer, 'http');
      const admitsTask = policiesFor(auth, 'Ingress').flatMap((p) => p.spec.ingress ?? []).some((rule) =>
        rule.from.some((peer) => admittedBy(peer)?.includes('Deployment/task-service')) &&
        rule.ports.some((p) => (p.protocol ?? 'TCP') === 'TCP' && resolvePort(authContainer, p.port) === authPort));
      assert.ok(admitsTask, 'no ingress rule of auth-service admits task-service on its port');
      const letsOut = policiesFor(task, 'Egress').flatMap((p) => p.spec.egress ?? []).some((rule) =>
        (rule.to ?? []).some((peer) => admittedBy(peer)?.includes('Deployment/auth-service')) &&
        rule.ports.some((p) => (p.protocol ?? 'TCP') === 'TCP' && resolvePort(authContainer, p.port) === authPort));
      assert.ok(letsOut, `no egress rule lets task-service out to auth-service's pods on ${authPort}`);
    });

    it('let only the services and the migration reach PostgreSQL', () => {
      const postgres = ofKind(objects, 'StatefulSet').filter((s) => s.metadata.name === 'postgres');
      assert.equal(postgres.length, overlay === 'dev' ? 1 : 0);
      for (const database of postgres) {
        const rules = policiesFor(database, 'Ingress').flatMap((p) => p.spec.ingress ?? []);
        assert.ok(rules.length > 0);
        for (const rule of rules) {
          for (const peer of rule.from) {
            assert.equal(peer.namespaceSelector, undefined, 'from this namespace only');
            const admitted = pods.filter((w) => selects(peer.podSelector, podLabels(w))).map(describeObject).sort();
            assert.deepEqual(admitted, ['Deployment/auth-service', 'Deployment/task-service', 'Job/todo-migrate']);
          }
        }
      }
    });

    // Where each pod may connect: "<peer>/<protocol>/<port>", * for a rule
    // that names no peer (any address: the database may be outside the
    // cluster, and so may DNS).
    it('let each pod out to exactly what it calls: the database and DNS, the services, DNS', () => {
      const port = (name) => resolvePort(containerOf(name), 'http');
      const dns = ['*/TCP/53', '*/UDP/53'];
      // prod: transaction-mode poolers on 6543 too (Supabase; docs/operations.md).
      const database = [...dns, '*/TCP/5432', ...(overlay === 'prod' ? ['*/TCP/6543'] : [])];
      const expected = {
        'Deployment/auth-service': database,
        'Deployment/task-service': [...database, `Deployment/auth-service/TCP/${port('auth-service')}`],
        'Job/todo-migrate': database,
        [`Deployment/${PROXY}`]: [...dns, `Deployment/auth-service/TCP/${port('auth-service')}`,
          `Deployment/task-service/TCP/${port('task-service')}`],
      };
      const checked = [];
      for (const workload of pods.filter((w) => w.metadata.name !== 'postgres')) {
        const at = describeObject(workload);
        const allowed = new Set();
        for (const rule of policiesFor(workload, 'Egress').flatMap((p) => p.spec.egress ?? [])) {
          const peers = rule.to?.length > 0 ? rule.to.map((peer) => {
            const admitted = admittedBy(peer);
            assert.ok(admitted?.length === 1, `${at}: an egress peer that is not one workload of this namespace`);
            return admitted[0];
          }) : ['*'];
          for (const peer of peers) {
            for (const p of rule.ports ?? [{ port: 'any port' }]) {
              // A named port is the destination's; a number is checked against it.
              const number = peer === '*' ? p.port : resolvePort(containerOf(peer.split('/')[1]), p.port);
              allowed.add(`${peer}/${p.protocol ?? 'TCP'}/${number}`);
            }
          }
        }
        assert.deepEqual([...allowed].sort(), [...(expected[at] ?? ['(not expected)'])].sort(), at);
        checked.push(at);
      }
      assert.deepEqual(checked.sort(), Object.keys(expected).sort());
    });
  });
}

describe('overlay prod', () => {
  const objects = render('overlays/prod');
  // Every container that connects to the database (the services and both
  // migration containers).
  const databaseClients = [...allContainers(objects)]
    .filter(({ container }) => (container.env ?? []).some((variable) => variable.name === 'DATABASE_URL'));

  it('verifies the external database (verify-full, a CA file in the image, channel binding) and runs no PostgreSQL of its own', () => {
    assert.deepEqual(ofKind(objects, 'StatefulSet'), []);
    for (const deployment of ofKind(objects, 'Deployment').filter((d) => API_SERVICES.includes(d.metadata.name))) {
      const env = containerEnvironment(deployment.spec.template.spec.containers[0], objects);
      assert.deepEqual(env.get('DATABASE_URL'), { secret: 'todo-database', key: `${deployment.metadata.name.split('-')[0]}-database-url` });
    }
    assert.equal(databaseClients.length, 4);
    for (const { workload, container } of databaseClients) {
      // libpq's defaults for a URL that names neither: never less than verify-full.
      const env = containerEnvironment(container, objects);
      assert.equal(env.get('PGSSLMODE'), 'verify-full', where(workload, container));
      assert.equal(env.get('PGSSLROOTCERT'), SYSTEM_CA_BUNDLE, where(workload, container));
      // ... and the login bound to that connection (SCRAM-SHA-256-PLUS).
      assert.equal(env.get('PGCHANNELBINDING'), 'require', where(workload, container));
    }
  });

  it(`mounts the database's own CA (ConfigMap ${DB_CA_CONFIGMAP}, optional) read-only at ${DB_CA_DIR} wherever DATABASE_URL goes`, () => {
    for (const { workload, container, pod } of databaseClients) {
      const mount = (container.volumeMounts ?? []).find((m) => m.mountPath === DB_CA_DIR);
      assert.ok(mount, `${where(workload, container)} does not mount ${DB_CA_DIR}`);
      assert.equal(mount.readOnly, true, where(workload, container));
      assert.equal(mount.subPath, undefined, `${where(workload, container)}: a subPath mount would miss a rotated CA`);
      const volume = pod.volumes.find((v) => v.name === mount.name);
      assert.deepEqual(volume.configMap, { name: DB_CA_CONFIGMAP, optional: true }, where(workload, container));
    }
  });

  it('serves the Ingress over TLS and names images in a registry', () => {
    const ingress = find(objects, 'Ingress', 'todo');
    assert.ok(ingress.spec.tls?.length > 0);
    assert.deepEqual(ingress.spec.tls[0].hosts, ingress.spec.rules.map((rule) => rule.host));
    for (const { container } of allContainers(objects)) assert.match(container.image, /^[^/]+\.[^/]+\//);
  });
});

describe('overlay dev', () => {
  const objects = render('overlays/dev');

  it('runs PostgreSQL as a StatefulSet with a persistent volume and a Service', () => {
    const postgres = find(objects, 'StatefulSet', 'postgres');
    assert.equal(postgres.spec.volumeClaimTemplates.length, 1);
    const mounted = postgres.spec.template.spec.containers[0].volumeMounts.map((m) => m.name);
    assert.ok(mounted.includes(postgres.spec.volumeClaimTemplates[0].metadata.name));
    assert.equal(find(objects, 'Service', postgres.spec.serviceName).spec.ports[0].port, 5432);
  });
});
