// Small helpers over rendered Kubernetes objects.
import { containersOf, podSpecOf } from './kustomize.mjs';

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob'];
export const LONG_RUNNING_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];

export const ofKind = (objects, kind) => objects.filter((object) => object.kind === kind);
export const workloads = (objects) => objects.filter((object) => WORKLOAD_KINDS.includes(object.kind));

export function find(objects, kind, name) {
  const found = objects.find((object) => object.kind === kind && object.metadata?.name === name);
  if (!found) throw new Error(`no ${kind}/${name} in the rendered manifests`);
  return found;
}

// A label selector ({ matchLabels, matchExpressions }) against labels.
export function selects(selector, labels = {}) {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const { key, operator, values = [] } of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, key);
    if (operator === 'In' && !(has && values.includes(labels[key]))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key])) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

export const podLabels = (workload) =>
  workload.kind === 'CronJob'
    ? workload.spec.jobTemplate.spec.template.metadata?.labels ?? {}
    : workload.spec.template.metadata?.labels ?? {};

// The environment a container starts with, as far as the manifests decide
// it: ConfigMap entries (envFrom) overlaid by `env`. Values from Secrets are
// { secret: name, key }; literal values and ConfigMap keys (configMapKeyRef)
// are strings.
export function containerEnvironment(container, objects) {
  const env = new Map();
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const configMap = find(objects, 'ConfigMap', source.configMapRef.name);
      for (const [key, value] of Object.entries(configMap.data ?? {})) env.set(`${source.prefix ?? ''}${key}`, value);
    }
  }
  for (const variable of container.env ?? []) {
    const configMapKey = variable.valueFrom?.configMapKeyRef;
    if (configMapKey) {
      const value = find(objects, 'ConfigMap', configMapKey.name).data?.[configMapKey.key];
      if (value === undefined && !configMapKey.optional) {
        throw new Error(`${variable.name}: ConfigMap ${configMapKey.name} has no key ${configMapKey.key}`);
      }
      if (value !== undefined) env.set(variable.name, value);
    } else if (variable.valueFrom?.secretKeyRef) {
      env.set(variable.name, { secret: variable.valueFrom.secretKeyRef.name, key: variable.valueFrom.secretKeyRef.key });
    } else if (variable.valueFrom) {
      env.set(variable.name, { from: variable.valueFrom });
    } else {
      env.set(variable.name, variable.value ?? '');
    }
  }
  return env;
}

// The container port a probe or Service targets (a name or a number).
export function resolvePort(container, port) {
  if (typeof port === 'number') return port;
  const named = (container.ports ?? []).find((p) => p.name === port);
  return named?.containerPort ?? null;
}

// Every (workload, container) pair, with the pod spec around it.
export function* allContainers(objects) {
  for (const workload of workloads(objects)) {
    for (const entry of containersOf(workload)) yield { workload, ...entry };
  }
}

export { containersOf, podSpecOf };

// Where prod's sslrootcert may point (deploy/k8s/create-secrets.sh): the
// service images' system bundle (the ca-certificates package), or the
// provider's own CA, mounted from the ConfigMap todo-db-ca.
export const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';
export const DB_CA_DIR = '/etc/todo/db-ca';
export const DB_CA_CONFIGMAP = 'todo-db-ca';

// The proxy image holds deploy/nginx at this directory (proxy.Dockerfile).
export const PROXY_NGINX_DIR = '/etc/todo/nginx';

// Files a container mounts from ConfigMaps into the image's deploy/nginx:
// [{ mount, path: relative to deploy/nginx, text }].
export function nginxFilesMounted(container, pod, objects) {
  const files = [];
  for (const mount of container.volumeMounts ?? []) {
    if (!mount.mountPath.startsWith(`${PROXY_NGINX_DIR}/`)) continue;
    const volume = (pod.volumes ?? []).find((v) => v.name === mount.name);
    if (!volume?.configMap) throw new Error(`${mount.mountPath}: not from a ConfigMap`);
    const configMap = find(objects, 'ConfigMap', volume.configMap.name);
    const item = (volume.configMap.items ?? []).find((i) => i.path === mount.subPath);
    const key = item ? item.key : mount.subPath;
    files.push({ mount, path: mount.mountPath.slice(PROXY_NGINX_DIR.length + 1), text: configMap.data?.[key] });
  }
  return files;
}
