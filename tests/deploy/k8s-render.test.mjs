// Every overlay renders with `kubectl kustomize`, without a warning, and
// every object it renders is valid against the Kubernetes API schemas (with
// no unknown field). The Secrets that create-secrets.sh makes cover every
// Secret the manifests reference.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';

import { allContainers } from './lib/k8s.mjs';
import { describeObject, kustomizeVersion, parseObjects, render } from './lib/kustomize.mjs';
import { k8sDir, overlays } from './lib/paths.mjs';
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

// The Secrets create-secrets.sh would create, without a cluster.
const secretsEnvironment = {
  ...process.env,
  KUBECONFIG: '/nonexistent',
  AUTH_DATABASE_URL: 'postgresql://todo_auth:pw@ep-example.eu-central-1.aws.neon.tech/todo_auth?sslmode=require',
  TASK_DATABASE_URL: 'postgresql://todo_tasks:pw@ep-example.eu-central-1.aws.neon.tech/todo_tasks?sslmode=require',
};
delete secretsEnvironment.JWT_SECRET;
delete secretsEnvironment.SERVICE_JWT_SECRET;

function secretsFor(overlay) {
  const output = execFileSync(`${k8sDir}/create-secrets.sh`, [overlay, '--dry-run'], { env: secretsEnvironment, encoding: 'utf8' });
  return parseObjects(output, `create-secrets.sh ${overlay} --dry-run`);
}

for (const overlay of overlays) {
  describe(`deploy/k8s/create-secrets.sh ${overlay}`, () => {
    const secrets = secretsFor(overlay);
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
        assert.throws(() => execFileSync(`${k8sDir}/create-secrets.sh`, [overlay, '--dry-run'], {
          env: { ...secretsEnvironment, ...extra }, stdio: 'pipe',
        }), (error) => message.test(error.stderr.toString()));
      }
    });

    if (overlay === 'prod') {
      it('refuses a production database URL without sslmode=require', () => {
        assert.throws(() => execFileSync(`${k8sDir}/create-secrets.sh`, ['prod', '--dry-run'], {
          env: { ...process.env, AUTH_DATABASE_URL: 'postgresql://u:p@db.example.com/a', TASK_DATABASE_URL: 'postgresql://u:p@db.example.com/t?sslmode=require' },
          stdio: 'pipe',
        }), /sslmode=require/);
      });
    }
  });
}
