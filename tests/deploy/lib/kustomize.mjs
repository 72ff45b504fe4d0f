// Renders a kustomization with `kubectl kustomize`, as a user deploying it
// would (`kubectl apply -k`), and parses the result into plain objects.
//
// The kustomization files use today's kustomize syntax (resources naming
// directories, `patches` with targets), which needs the kustomize built into
// kubectl 1.27 or newer (kustomize v5). Debian 12's own kubernetes-client
// (1.20, kustomize v2) cannot render them and is refused with a clear
// message rather than with a puzzling parse error.
import { execFileSync, spawnSync } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

import { k8sDir } from './paths.mjs';

const kubectl = process.env.KUBECTL ?? 'kubectl';
const MIN_KUSTOMIZE_MAJOR = 5;

let checkedVersion = null;

// The kustomize version kubectl embeds, e.g. "v5.5.0"; throws when kubectl
// is missing or too old.
export function kustomizeVersion() {
  if (checkedVersion) return checkedVersion;
  let output;
  try {
    output = execFileSync(kubectl, ['version', '--client'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${kubectl} is not usable (${error.message.split('\n')[0]}); ` +
      'install kubectl 1.27 or newer (docs/deploy.md, "Tools")');
  }
  const match = /Kustomize Version:\s*v(\d+)\.(\d+)\.(\d+)/.exec(output);
  if (!match || Number(match[1]) < MIN_KUSTOMIZE_MAJOR) {
    throw new Error(`${kubectl} embeds kustomize ${match ? match[0] : '(unknown)'}; ` +
      `these manifests need kustomize v${MIN_KUSTOMIZE_MAJOR} (kubectl 1.27 or newer)`);
  }
  checkedVersion = `v${match[1]}.${match[2]}.${match[3]}`;
  return checkedVersion;
}

// Renders deploy/k8s/<relativeDir> and returns its objects. Anything kubectl
// prints on stderr (deprecation warnings included) fails the render: the
// manifests are to stay warning-free.
export function render(relativeDir) {
  return renderPath(`${k8sDir}/${relativeDir}`, `kubectl kustomize deploy/k8s/${relativeDir}`);
}

// The same for a kustomization anywhere (a test's own, in a temp directory).
export function renderPath(dir, command = `kubectl kustomize ${dir}`) {
  kustomizeVersion();
  const result = spawnSync(kubectl, ['kustomize', dir], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.trim()}`);
  if (result.stderr.trim() !== '') throw new Error(`${command} warned: ${result.stderr.trim()}`);
  return parseObjects(result.stdout, command);
}

export function parseObjects(text, source) {
  const objects = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`${source}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value !== null) objects.push(value);
  }
  return objects;
}

// "Deployment/auth-service", for messages.
export const describeObject = (object) => `${object.kind}/${object.metadata?.name}`;

// Every container of a workload (Deployment, StatefulSet, Job, ...), with
// its kind ('containers' or 'initContainers') and the pod spec it is in.
export function podSpecOf(object) {
  if (object.kind === 'Pod') return object.spec;
  if (object.kind === 'CronJob') return object.spec?.jobTemplate?.spec?.template?.spec;
  return object.spec?.template?.spec;
}

export function containersOf(object) {
  const pod = podSpecOf(object);
  if (!pod) return [];
  return [
    ...(pod.initContainers ?? []).map((container) => ({ container, pod, init: true })),
    ...(pod.containers ?? []).map((container) => ({ container, pod, init: false })),
  ];
}
