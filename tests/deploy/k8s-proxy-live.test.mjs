// todo-proxy as its Kubernetes pods run it, under the real nginx: deploy/nginx
// with the file the Deployment mounts into its locations (real-ip.conf, from
// a ConfigMap). nginx accepts the file where it lands, and with it the
// address the ingress controller reports in X-Forwarded-For (its own peer,
// overwritten: ingress-nginx's default) is the client the services are told
// of, so auth-service's per-client limits count each client, not the
// controller. Only the pod CIDR (TRUSTED_PROXIES) is believed: an address
// outside it, private or not, is the client. Here the test itself stands in
// for the controller: its address (127.0.0.1) is added to the trusted range.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import { contains } from './lib/cidr.mjs';
import { containerEnvironment, find, nginxFilesMounted } from './lib/k8s.mjs';
import { render } from './lib/kustomize.mjs';
import { get, nginx, startProxy } from './lib/live.mjs';
import { renderNginxInto } from './lib/nginx.mjs';

describe('todo-proxy with its Kubernetes locations file, run by nginx', { skip: nginx ? false : 'nginx is not installed' }, () => {
  const objects = render('overlays/prod');
  const deployment = find(objects, 'Deployment', 'todo-proxy');
  const files = nginxFilesMounted(deployment.spec.template.spec.containers[0], deployment.spec.template.spec, objects);
  const extraLocations = Object.fromEntries(files.map((file) => [path.basename(file.path), file.text]));
  const seen = [];
  const upstream = http.createServer((request, response) => {
    seen.push({ forwardedFor: request.headers['x-forwarded-for'], realIp: request.headers['x-real-ip'] });
    response.setHeader('Content-Type', 'application/json');
    response.end('{}');
  });
  let live;

  before(async () => {
    // The file as the pods have it, and the test (127.0.0.1) as the controller.
    const standIn = Object.fromEntries(Object.entries(extraLocations).map(([name, text]) => [name, `${text}set_real_ip_from 127.0.0.1/32;\n`]));
    live = await startProxy(upstream, { extraLocations: standIn });
  });

  after(async () => {
    await live?.stop();
  });

  it('mounts one locations file, which nginx accepts there as it is (nginx -t)', () => {
    assert.deepEqual(files.map((file) => path.dirname(file.path)), ['locations']);
    const dir = mkdtempSync(path.join(tmpdir(), 'todo-k8s-proxy-t-'));
    try {
      const conf = renderNginxInto(dir, { ...live.environment, LOG_DIR: dir }, extraLocations);
      execFileSync(nginx, ['-p', conf, '-c', path.join(conf, 'nginx.conf'), '-e', path.join(dir, 'nginx.log'), '-t', '-q'], { stdio: 'pipe' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // A pod's address (the pod CIDR the prod overlay trusts) and a private
  // address outside it (a node's, a load balancer's).
  const podCidr = containerEnvironment(find(objects, 'Deployment', 'auth-service').spec.template.spec.containers[0], objects).get('TRUSTED_PROXIES');
  const [pod, outside] = ['10.244.1.7', '10.1.2.3'];

  it(`the prod overlay trusts the pod CIDR ${podCidr}: ${pod} in it, ${outside} not`, () => {
    assert.ok(contains(podCidr, pod) && !contains(podCidr, outside));
  });

  // [X-Forwarded-For the controller sends, the client the services are told of]
  for (const [forwardedFor, client] of [
    ['203.0.113.9', '203.0.113.9'],
    // A hop inside the pod CIDR is believed, and skipped.
    [`203.0.113.9, ${pod}`, '203.0.113.9'],
    // A private address outside it is not: it is the client (trusting every
    // private range would have skipped it, and believed whatever came before).
    [`198.51.100.7, ${outside}`, outside],
    // What stands before the first untrusted address is not believed.
    ['192.0.2.66, 203.0.113.9', '203.0.113.9'],
    // Nothing reported: the peer itself.
    [undefined, '127.0.0.1'],
  ]) {
    it(`X-Forwarded-For ${forwardedFor ?? '(none)'}: the services are told ${client}`, async () => {
      for (const requestPath of ['/auth/login', '/api/tasks']) {
        const response = await get(live.port, requestPath, forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});
        assert.equal(response.status, 200, requestPath);
        assert.deepEqual(seen.at(-1), { forwardedFor: client, realIp: client }, requestPath);
      }
    });
  }

  it('logs the client, not the controller', async () => {
    await get(live.port, '/openapi.json', { 'x-forwarded-for': '203.0.113.77' });
    const log = readFileSync(path.join(live.out, 'nginx.log'), 'utf8');
    assert.match(log, /^203\.0\.113\.77 .*"GET \/openapi\.json/m);
  });
});
