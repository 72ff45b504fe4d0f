// Who is believed about a client's address in Kubernetes (docs/deploy.md,
// "The client's address"). auth-service's limits count clients by address,
// so believing too many peers lets a client pick its address, and believing
// too few makes every client one:
//  - the services believe X-Forwarded-For from TRUSTED_PROXIES (todo-proxy's
//    pods) and todo-proxy from its set_real_ip_from (the ingress controller's
//    pods): one range, the cluster's pod CIDR, the same in both, in the base
//    and every overlay; components/trusted-proxies copies the one into the
//    other, also when an overlay sets its own;
//  - nothing trusts every address (0.0.0.0/0, ::/0) or every private range;
//  - the ingress-nginx examples keep the client the controller's peer
//    (externalTrafficPolicy: Local) or believe X-Forwarded-For only from a
//    named proxy range (proxy-real-ip-cidr), and send todo-proxy one address
//    (compute-full-forwarded-for off); installed where the NetworkPolicy
//    looks for the controller.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

import { parseCidr, tooWide } from './lib/cidr.mjs';
import { allContainers, containerEnvironment, find, ofKind } from './lib/k8s.mjs';
import { describeObject, render, renderPath } from './lib/kustomize.mjs';
import { k8sDir, overlays } from './lib/paths.mjs';

const REAL_IP_KEY = 'real-ip.conf';
const FIRST_LINE = /^set_real_ip_from (\S+) ;\n/;

const configMapNamed = (objects, name) =>
  ofKind(objects, 'ConfigMap').find((c) => c.metadata.name === name || c.metadata.name.startsWith(`${name}-`));

// nginx directives of a file: [name, ...args] without comments or the ';'.
const directives = (text) => text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean)
  .map((line) => line.replace(/\s*;$/, '').split(/\s+/));

// Every range the rendered objects trust, wherever it is written.
function trustedRanges(objects) {
  const found = [];
  for (const configMap of ofKind(objects, 'ConfigMap')) {
    for (const [key, value] of Object.entries(configMap.data ?? {})) {
      if (key === 'TRUSTED_PROXIES') found.push([describeObject(configMap), value.split(',')]);
      const nginxRanges = directives(value).filter(([name]) => name === 'set_real_ip_from').map(([, cidr]) => cidr);
      if (nginxRanges.length > 0) found.push([`${describeObject(configMap)} ${key}`, nginxRanges]);
    }
  }
  for (const { workload, container } of allContainers(objects)) {
    for (const variable of container.env ?? []) {
      if (variable.name === 'TRUSTED_PROXIES' && variable.value !== undefined) {
        found.push([`${describeObject(workload)} ${container.name}`, variable.value.split(',')]);
      }
    }
  }
  return found;
}

// What the services and todo-proxy believe, as rendered.
function believed(objects) {
  const services = ['auth-service', 'task-service'].map((name) =>
    containerEnvironment(find(objects, 'Deployment', name).spec.template.spec.containers[0], objects).get('TRUSTED_PROXIES'));
  const realIp = configMapNamed(objects, 'todo-proxy-nginx').data[REAL_IP_KEY];
  return { services, realIp };
}

for (const dir of ['base', ...overlays.map((name) => `overlays/${name}`)]) {
  describe(`deploy/k8s/${dir}: who is believed about the client's address`, () => {
    const objects = render(dir);
    const { services, realIp } = believed(objects);
    const [range] = services;

    it('the services believe one range, the pod CIDR (not a list of every private range)', () => {
      assert.equal(services[1], range, 'both services trust the same peers');
      assert.equal(range.split(',').length, 1, `TRUSTED_PROXIES=${range}: one range (nginx's set_real_ip_from takes one)`);
      const { family, prefix } = parseCidr(range);
      assert.ok(prefix >= (family === 'ipv4' ? 8 : 32), `${range} is wider than any cluster's pod CIDR`);
    });

    it('todo-proxy believes the controller from that same range, and from nothing else', () => {
      const match = FIRST_LINE.exec(realIp);
      assert.ok(match, `${REAL_IP_KEY} starts with "set_real_ip_from <range> ;" (what the component replaces)`);
      assert.deepEqual(directives(realIp).filter(([name]) => name === 'set_real_ip_from').map(([, cidr]) => cidr), [range]);
    });

    it('nothing trusts every address, or every private range at once', () => {
      const found = trustedRanges(objects);
      assert.ok(found.length >= 2, 'TRUSTED_PROXIES and real-ip.conf found');
      for (const [where, ranges] of found) {
        for (const cidr of ranges) parseCidr(cidr);
        assert.equal(tooWide(ranges), null, where);
      }
    });
  });
}

describe('the ranges check itself', () => {
  it('refuses catch-alls and every private range together, not one of them', () => {
    assert.match(tooWide(['0.0.0.0/0']), /every client/);
    assert.match(tooWide(['10.244.0.0/16', '::/0']), /every client/);
    assert.match(tooWide(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10']), /every private range/);
    assert.match(tooWide(['0.0.0.0/1', '128.0.0.0/1']), /every private range/);
    assert.equal(tooWide(['10.0.0.0/8']), null);
    assert.equal(tooWide(['10.244.0.0/16', '192.168.0.0/16']), null);
  });
});

describe('components/trusted-proxies: an overlay\'s own TRUSTED_PROXIES reaches real-ip.conf', () => {
  it('renders the overlay\'s range in both places, and rolls todo-proxy (a new ConfigMap name)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'todo-trusted-proxies-'));
    try {
      writeFileSync(path.join(dir, 'kustomization.yaml'), [
        // kustomize takes relative paths only.
        'resources:', `  - ${path.relative(dir, `${k8sDir}/overlays/prod`)}`,
        'configMapGenerator:', '  - name: todo-config', '    behavior: merge', '    literals:', '      - TRUSTED_PROXIES=10.42.0.0/16',
        'components:', `  - ${path.relative(dir, `${k8sDir}/components/trusted-proxies`)}`, ''].join('\n'));
      const objects = renderPath(dir);
      const { services, realIp } = believed(objects);
      assert.deepEqual(services, ['10.42.0.0/16', '10.42.0.0/16']);
      assert.equal(FIRST_LINE.exec(realIp)?.[1], '10.42.0.0/16');
      const mounted = find(objects, 'Deployment', 'todo-proxy').spec.template.spec.volumes
        .find((v) => v.configMap?.items?.some((item) => item.key === REAL_IP_KEY)).configMap.name;
      assert.equal(mounted, configMapNamed(objects, 'todo-proxy-nginx').metadata.name);
      assert.notEqual(mounted, configMapNamed(render('overlays/prod'), 'todo-proxy-nginx').metadata.name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// deploy/k8s/ingress-nginx: Helm values for the controller, installed
// separately. Each keeps the client's address for the controller to see
// (externalTrafficPolicy: Local) or believes forwarded headers only from a
// named range.
describe('deploy/k8s/ingress-nginx: the controller examples', () => {
  const dir = `${k8sDir}/ingress-nginx`;
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const policy = find(render('base'), 'NetworkPolicy', 'todo-proxy-from-ingress').spec.ingress[0].from[0];
  const namespace = policy.namespaceSelector.matchLabels['kubernetes.io/metadata.name'];

  it('has both: Local, and forwarded headers from a proxy (any other file is held to the same rules)', () => {
    for (const file of ['values-forwarded.yaml', 'values-local.yaml']) assert.ok(files.includes(file), file);
  });

  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const { controller } = parse(text);
      const config = controller.config ?? {};
      const local = controller.service?.externalTrafficPolicy === 'Local';

      it('sets externalTrafficPolicy: Local or proxy-real-ip-cidr', () => {
        assert.ok(local || config['proxy-real-ip-cidr'], 'the controller would see a node, or believe anyone');
      });

      it('believes forwarded headers only from a named range, never everyone', () => {
        for (const [key, value] of Object.entries(config)) assert.equal(typeof value, 'string', `${key}: ConfigMap values are strings`);
        const believesHeaders = ['use-forwarded-headers', 'enable-real-ip', 'use-proxy-protocol'].filter((key) => config[key] === 'true');
        if (believesHeaders.length === 0) return;
        const ranges = (config['proxy-real-ip-cidr'] ?? '').split(',').map((r) => r.trim()).filter(Boolean);
        assert.ok(ranges.length > 0, `${believesHeaders} without proxy-real-ip-cidr: the controller's default is 0.0.0.0/0`);
        for (const cidr of ranges) parseCidr(cidr);
        assert.equal(tooWide(ranges), null);
        // Behind kube-proxy's default (Cluster) the proxy's address becomes a node's.
        if (config['use-forwarded-headers'] === 'true') assert.ok(local, 'forwarded headers need Local');
      });

      it('sends todo-proxy one address, from a pod address (no chain, no host network)', () => {
        assert.notEqual(config['compute-full-forwarded-for'], 'true');
        assert.notEqual(controller.hostNetwork, true, 'a host-network controller connects from a node, outside TRUSTED_PROXIES');
      });

      it(`installs where the NetworkPolicy looks for the controller (namespace ${namespace}, the chart's name label)`, () => {
        assert.match(text, new RegExp(`--namespace ${namespace}\\b`));
        assert.equal(policy.podSelector.matchLabels['app.kubernetes.io/name'], 'ingress-nginx');
        assert.equal(controller.nameOverride, undefined);
        for (const constraint of controller.topologySpreadConstraints ?? []) {
          assert.equal(constraint.labelSelector.matchLabels['app.kubernetes.io/name'], 'ingress-nginx');
        }
      });
    });
  }
});
