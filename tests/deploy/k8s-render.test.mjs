// Every overlay renders with `kubectl kustomize`, without a warning, and
// every object it renders is valid against the Kubernetes API schemas (with
// no unknown field). The Secrets that create-secrets.sh makes cover every
// Secret the manifests reference, and in prod it takes only database URLs
// that verify the server (sslmode=verify-full, a CA file the pods have).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { DB_CA_CONFIGMAP, DB_CA_DIR, SYSTEM_CA_BUNDLE, allContainers } from './lib/k8s.mjs';
import { describeObject, kustomizeVersion, parseObjects, render } from './lib/kustomize.mjs';
import { k8sDir, overlays, repoRoot } from './lib/paths.mjs';
import { unknownFields, validateSchema } from './lib/schema.mjs';

it('kubectl embeds kustomize v5 or newer', (t) => {
  t.diagnostic(`kustomize ${kustomizeVersion()}`);
});

describe('the schema checks themselves', () => {
  const deployment = (container) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'x' },
    spec: {
      selector: { matchLabels: { a: 'b' } },
      template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i:1', ...container }] } },
    },
  });

  it('accept a valid object', async () => {
    await validateSchema(deployment({ ports: [{ containerPort: 80 }] }));
    assert.deepEqual(unknownFields(deployment({ resources: { limits: { cpu: '1' } } })), []);
  });

  it('reject a wrong type', async () => {
    await assert.rejects(validateSchema(deployment({ ports: [{ containerPort: 'eighty' }] })), /integer/);
  });

  it('reject a misspelt field, however deep', () => {
    assert.deepEqual(unknownFields(deployment({ readinessProbes: {}, securityContext: { runAsNonroot: true } })), [
      'Deployment.spec.template.spec.containers[0].readinessProbes: unknown field',
      'Deployment.spec.template.spec.containers[0].securityContext.runAsNonroot: unknown field',
    ]);
  });

  it('reject a kind the API does not have', async () => {
    await assert.rejects(validateSchema({ apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x' } }), /unknown apiVersion/);
  });
});

for (const overlay of ['base', ...overlays.map((name) => `overlays/${name}`)]) {
  describe(`kubectl kustomize deploy/k8s/${overlay}`, () => {
    const objects = render(overlay);

    it('renders objects', () => {
      assert.ok(objects.length > 10, `only ${objects.length} objects`);
    });

    for (const object of objects) {
      it(`${describeObject(object)} is valid against the Kubernetes API schema`, async () => {
        await validateSchema(object);
        assert.deepEqual(unknownFields(object), []);
      });
    }

    it('puts every namespaced object into the todo namespace', () => {
      for (const object of objects) {
        if (object.kind === 'Namespace') continue;
        assert.equal(object.metadata.namespace, 'todo', describeObject(object));
      }
    });
  });
}

// The Secrets create-secrets.sh would create, without a cluster: Neon, with
// the system bundle (Let's Encrypt) and channel binding, direct and through
// its pooler.
const verified = `sslmode=verify-full&sslrootcert=${SYSTEM_CA_BUNDLE}&channel_binding=require`;
const secretsEnvironment = {
  ...process.env,
  KUBECONFIG: '/nonexistent',
  AUTH_DATABASE_URL: `postgresql://todo_auth:pw@ep-example.eu-central-1.aws.neon.tech/todo_auth?${verified}`,
  TASK_DATABASE_URL: `postgresql://todo_tasks:pw@ep-example-pooler.eu-central-1.aws.neon.tech/todo_tasks?${verified}`,
};
for (const name of ['JWT_SECRET', 'SERVICE_JWT_SECRET', 'DB_CA_FILE', 'ALLOW_SSLMODE_VERIFY_CA', 'ALLOW_NO_CHANNEL_BINDING', 'PGCHANNELBINDING']) {
  delete secretsEnvironment[name];
}

// createSecrets <overlay> [<extra environment>]: the objects it prints with --dry-run.
function createSecrets(overlay, extra = {}) {
  const output = execFileSync(`${k8sDir}/create-secrets.sh`, [overlay, '--dry-run'], {
    env: { ...secretsEnvironment, ...extra }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseObjects(output, `create-secrets.sh ${overlay} --dry-run`);
}

// Its refusal (stderr) for these URLs; fails when it accepts them.
function refusal(extra) {
  try {
    createSecrets('prod', extra);
  } catch (error) {
    return error.stderr.toString();
  }
  throw new Error(`create-secrets.sh prod accepted ${JSON.stringify(extra)}`);
}

for (const overlay of overlays) {
  describe(`deploy/k8s/create-secrets.sh ${overlay}`, () => {
    const secrets = createSecrets(overlay);
    const objects = render(`overlays/${overlay}`);
    const keysOf = (name) => Object.keys(secrets.find((s) => s.metadata.name === name)?.data ?? {});

    it('makes valid Secrets in the todo namespace', async () => {
      assert.ok(secrets.length >= 2);
      for (const secret of secrets) {
        await validateSchema(secret);
        assert.equal(secret.metadata.namespace, 'todo');
      }
    });

    it('makes every Secret and key the manifests need (optional ones aside)', () => {
      const needed = [];
      for (const { workload, container, pod } of allContainers(objects)) {
        for (const variable of container.env ?? []) {
          const ref = variable.valueFrom?.secretKeyRef;
          if (ref && !ref.optional) needed.push([ref.name, ref.key, `${describeObject(workload)} ${container.name} ${variable.name}`]);
        }
        for (const volume of pod.volumes ?? []) {
          if (!volume.secret || volume.secret.optional) continue;
          for (const item of volume.secret.items ?? []) needed.push([volume.secret.secretName, item.key, `${describeObject(workload)} volume ${volume.name}`]);
        }
      }
      assert.ok(needed.length > 0);
      for (const [name, key, user] of needed) {
        assert.ok(keysOf(name).includes(key), `${user} needs key ${key} of Secret ${name}, which create-secrets.sh does not make`);
      }
    });

    it('generates the service token key: at least 32 bytes, not the JWT key', () => {
      const value = (name) => Buffer.from(secrets.find((s) => s.metadata.name === name).data.secret, 'base64').toString();
      assert.ok(value('todo-service-jwt').length >= 32);
      assert.notEqual(value('todo-service-jwt'), value('todo-jwt'));
    });

    it('refuses a SERVICE_JWT_SECRET that is JWT_SECRET, or shorter than 32 bytes', () => {
      const key = 'k'.repeat(40);
      for (const [extra, message] of [[{ JWT_SECRET: key, SERVICE_JWT_SECRET: key }, /must differ from JWT_SECRET/],
        [{ SERVICE_JWT_SECRET: 'short' }, /at least 32 bytes/]]) {
        assert.throws(() => createSecrets(overlay, extra), (error) => message.test(error.stderr.toString()));
      }
    });
  });
}

// Production URLs must verify the server: sslmode=verify-full, with an
// sslrootcert the pods have, and bind the login to the connection
// (channel_binding=require) unless told the server cannot (docs/operations.md,
// "Managed PostgreSQL").
describe('deploy/k8s/create-secrets.sh prod: the database URLs', () => {
  const objects = render('overlays/prod');
  const url = (query) => `postgresql://todo_auth:pw@db.example.com/todo_auth?${query}`;
  const auth = (query) => ({ AUTH_DATABASE_URL: url(query) });

  it('accepts verify-full with the system bundle, and makes no todo-db-ca for it', () => {
    const made = createSecrets('prod');
    assert.deepEqual(made.map((o) => `${o.kind}/${o.metadata.name}`).sort(),
      ['Secret/todo-database', 'Secret/todo-jwt', 'Secret/todo-service-jwt']);
  });

  for (const [query, why] of [
    ['', /names no sslmode.*verify-full/],
    ['sslmode=require', /does not check the server's certificate/],
    ['sslmode=prefer', /does not check the server's certificate/],
    ['sslmode=disable', /must be reached over TLS/],
    ['sslmode=verify-ca&sslrootcert=/etc/ssl/certs/ca-certificates.crt', /not that it names the host.*ALLOW_SSLMODE_VERIFY_CA=1/],
    ['sslmode=verify-full', /names no sslrootcert.*root\.crt/],
    ['sslmode=verify-full&sslrootcert=system', /PostgreSQL 16.*libpq 15/],
    ['sslmode=verify-full&sslrootcert=/home/me/ca.pem', /not a file in the pods/],
  ]) {
    it(`refuses ${query || 'a URL without sslmode'}, and says why`, () => {
      assert.match(refusal(auth(query)), why);
    });
  }

  it('accepts verify-ca only when told to (ALLOW_SSLMODE_VERIFY_CA=1), with a warning', () => {
    const extra = { ...auth(`sslmode=verify-ca&sslrootcert=${SYSTEM_CA_BUNDLE}&channel_binding=require`), ALLOW_SSLMODE_VERIFY_CA: '1' };
    const result = spawnSync(`${k8sDir}/create-secrets.sh`, ['prod', '--dry-run'], {
      env: { ...secretsEnvironment, ...extra }, encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /warning: AUTH_DATABASE_URL: sslmode=verify-ca/);
  });

  it('accepts plain text only to a proxy in the pod itself (localhost: the Cloud SQL Auth Proxy), without channel binding', () => {
    createSecrets('prod', { AUTH_DATABASE_URL: 'postgresql://todo_auth:pw@127.0.0.1:5432/todo_auth?sslmode=disable&channel_binding=disable' });
    createSecrets('prod', { AUTH_DATABASE_URL: 'host=localhost port=5432 dbname=todo_auth user=todo_auth sslmode=disable channel_binding=disable' });
    assert.match(refusal({ AUTH_DATABASE_URL: 'postgresql://todo_auth:pw@10.0.0.5/todo_auth?sslmode=disable&channel_binding=disable' }),
      /must be reached over TLS/);
    // No TLS to bind to, and the overlay's PGCHANNELBINDING=require would refuse to connect.
    assert.match(refusal({ AUTH_DATABASE_URL: 'postgresql://todo_auth:pw@127.0.0.1:5432/todo_auth?sslmode=disable' }),
      /without TLS.*add channel_binding=disable/);
  });

  describe('channel binding: channel_binding=require unless the server cannot', () => {
    const base = `sslmode=verify-full&sslrootcert=${SYSTEM_CA_BUNDLE}`;
    const run = (extra) => spawnSync(`${k8sDir}/create-secrets.sh`, ['prod', '--dry-run'], {
      env: { ...secretsEnvironment, ...extra }, encoding: 'utf8',
    });

    it('refuses a URL without it, and says which servers cannot bind', () => {
      assert.match(refusal(auth(base)), /names no channel_binding: add channel_binding=require.*ALLOW_NO_CHANNEL_BINDING=1.*PgBouncer.*Supavisor/);
    });

    for (const value of ['prefer', 'disable']) {
      it(`refuses channel_binding=${value} unless ALLOW_NO_CHANNEL_BINDING=1, then warns`, () => {
        assert.match(refusal(auth(`${base}&channel_binding=${value}`)), new RegExp(`channel_binding=${value}: use channel_binding=require.*ALLOW_NO_CHANNEL_BINDING=1`));
        const result = run({ ...auth(`${base}&channel_binding=${value}`), ALLOW_NO_CHANNEL_BINDING: '1' });
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stderr, new RegExp(`warning: AUTH_DATABASE_URL: channel_binding=${value}`));
      });
    }

    it('wants channel_binding=disable written out with ALLOW_NO_CHANNEL_BINDING=1 (the overlay asks for require)', () => {
      assert.match(refusal({ ...auth(base), ALLOW_NO_CHANNEL_BINDING: '1' }), /write channel_binding=disable.*PGCHANNELBINDING=require/);
    });

    it('refuses a value libpq does not know', () => {
      assert.match(refusal(auth(`${base}&channel_binding=required`)), /libpq knows require, prefer and disable/);
    });

    it('keeps the URL as given in the Secret', () => {
      const secret = createSecrets('prod').find((o) => o.metadata.name === 'todo-database');
      const stored = Buffer.from(secret.data['auth-database-url'], 'base64').toString();
      assert.equal(stored, secretsEnvironment.AUTH_DATABASE_URL);
      assert.match(stored, /[?&]channel_binding=require(&|$)/);
    });
  });

  describe(`the provider's own CA: sslrootcert=${DB_CA_DIR}/ca.crt`, () => {
    const ownCa = auth(`sslmode=verify-full&sslrootcert=${encodeURIComponent(`${DB_CA_DIR}/ca.crt`)}&channel_binding=require`);

    it('needs DB_CA_FILE, a PEM certificate', () => {
      assert.match(refusal(ownCa), /set DB_CA_FILE/);
      assert.match(refusal({ ...ownCa, DB_CA_FILE: `${repoRoot}README.md` }), /no PEM certificate/);
    });

    it(`makes the ConfigMap ${DB_CA_CONFIGMAP} (key ca.crt) from it, which every database client mounts at ${DB_CA_DIR}`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'todo-db-ca-'));
      try {
        execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
          '-days', '1', '-subj', '/CN=test database CA', '-keyout', `${dir}/ca.key`, '-out', `${dir}/ca.crt`], { stdio: 'pipe' });
        const made = createSecrets('prod', { ...ownCa, DB_CA_FILE: `${dir}/ca.crt` });
        const configMap = made.find((o) => o.kind === 'ConfigMap');
        await validateSchema(configMap);
        assert.equal(configMap.metadata.name, DB_CA_CONFIGMAP);
        assert.equal(configMap.metadata.namespace, 'todo');
        assert.deepEqual(Object.keys(configMap.data), ['ca.crt']);
        assert.equal(configMap.data['ca.crt'], readFileSync(`${dir}/ca.crt`, 'utf8'));
        assert.ok(!made.some((o) => o.kind === 'Secret' && JSON.stringify(o).includes('BEGIN CERTIFICATE')));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // Where the manifests put that ConfigMap's files.
      const mounts = [...allContainers(objects)].flatMap(({ container, pod }) => (container.volumeMounts ?? [])
        .filter((m) => pod.volumes.find((v) => v.name === m.name)?.configMap?.name === DB_CA_CONFIGMAP)
        .map((m) => m.mountPath));
      assert.ok(mounts.length > 0);
      assert.deepEqual([...new Set(mounts)], [DB_CA_DIR]);
    });
  });

  it('warns about a port the NetworkPolicy does not let the pods reach, not about 5432 or 6543', () => {
    const stderr = (u) => spawnSync(`${k8sDir}/create-secrets.sh`, ['prod', '--dry-run'], {
      env: { ...secretsEnvironment, AUTH_DATABASE_URL: u }, encoding: 'utf8',
    }).stderr;
    assert.match(stderr(`postgresql://u:pw@db.example.com:5433/a?${verified}`), /port 5433.*database-clients-egress/);
    assert.doesNotMatch(stderr(`postgresql://u:pw@aws-0-eu-central-1.pooler.supabase.com:6543/a?${verified}`), /warning/);
  });
});
