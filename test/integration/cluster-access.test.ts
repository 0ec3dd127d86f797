// kubegate's own kubeconfig loader and transport against the real API
// server: HTTP/2 negotiated by ALPN (and HTTP/1.1 when asked), several
// kubeconfig files merged as kubectl merges $KUBECONFIG, and a service
// account's bearer token (inline and as a tokenFile next to the kubeconfig).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { createClusterClient } from '../../src/cluster/index.js';
import { sendRequest } from '../../src/cluster/send-request.js';
import { clusterClient, freshNamespace, kubeConfig, kubeconfigPath } from '../setup/cluster-env.js';

interface Kubeconfig {
  clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
  users: Array<{ name: string; user: Record<string, unknown> }>;
  contexts: Array<{ name: string; context: Record<string, unknown> }>;
  'current-context': string;
}

const harness = (): Kubeconfig => yaml.load(readFileSync(kubeconfigPath(), 'utf8')) as Kubeconfig;
const dir = (): string => mkdtempSync(join(tmpdir(), 'kubegate-access-'));

function write(folder: string, name: string, config: unknown): string {
  const file = join(folder, name);
  writeFileSync(file, yaml.dump(config));
  return file;
}

/** Who the server says we are (SelfSubjectReview). */
async function whoAmI(client: ReturnType<typeof createClusterClient>): Promise<unknown> {
  const review = await client.create({ object: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview', metadata: { name: 'me' } } });
  return (review.status as { userInfo?: { username?: unknown } } | undefined)?.userInfo?.username;
}

describe('transport', () => {
  test('HTTP/2 is negotiated with the API server, and HTTP/1.1 gives the same answers', async () => {
    const access = kubeConfig();
    const over2 = await access.http2?.send({ url: new URL('/version', access.server), method: 'GET', headers: { accept: 'application/json' }, timeoutMs: 10_000 });
    expect(over2?.status).toBe(200);
    const ns = await freshNamespace('access');
    const object = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'same', namespace: ns }, data: { a: '1' } };
    const [h2, h1] = await Promise.all([clusterClient(), clusterClient({ http2: false })].map((c) => c.apply({ object, dryRun: true })));
    expect(h1?.data).toEqual(h2?.data);
    expect(await whoAmI(clusterClient({ http2: false }))).toBe(await whoAmI(clusterClient()));
  });

  test('many requests at once share the HTTP/2 connection and all get their own answer', async () => {
    const client = clusterClient();
    const names = Array.from({ length: 40 }, (_, i) => `cm-${i}`);
    const ns = await freshNamespace('access-many');
    const answers = await Promise.all(
      names.map((name) => client.apply({ object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { name } }, dryRun: true })),
    );
    expect(answers.map((a) => (a.data as { name: string }).name)).toEqual(names);
  });

  test('a non-2xx answer over HTTP/2 carries the server status', async () => {
    const response = await sendRequest(kubeConfig(), { method: 'GET', path: '/api/v1/namespaces/no-such-namespace-here' });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ kind: 'Status', reason: 'NotFound' });
  });
});

describe('several kubeconfig files (KUBECONFIG)', () => {
  test('the first file that defines a context wins; current-context from the first file that sets one', async () => {
    const folder = dir();
    const real = write(folder, 'real', harness());
    const context = harness()['current-context'];
    const decoy = write(folder, 'decoy', {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'decoy', cluster: { server: 'https://127.0.0.1:1', 'insecure-skip-tls-verify': true } }],
      contexts: [{ name: context, context: { cluster: 'decoy' } }],
      'current-context': context,
    });
    const client = createClusterClient({ kubeconfigPaths: [real, decoy] });
    expect((await client.version()).gitVersion).toMatch(/^v1\./);
    expect(createClusterClient({ kubeconfigPaths: [decoy, real] }).server).toBe('https://127.0.0.1:1');
  });
});

describe('bearer tokens', () => {
  test('a service account token, inline and in a tokenFile relative to the kubeconfig, over HTTP/2 and HTTP/1.1', async () => {
    const ns = await freshNamespace('access-token');
    const admin = clusterClient();
    await admin.apply({ object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'reader', namespace: ns } } });
    const request = { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { expirationSeconds: 600 } };
    const answer = await sendRequest(kubeConfig(), {
      method: 'POST',
      path: `/api/v1/namespaces/${ns}/serviceaccounts/reader/token`,
      contentType: 'application/json',
      body: JSON.stringify(request),
    });
    expect(answer.status).toBe(201);
    const token = (JSON.parse(answer.body) as { status: { token: string } }).status.token;
    const base = harness();
    const folder = dir();
    writeFileSync(join(folder, 'sa-token'), `${token}\n`);
    const withUser = (user: Record<string, unknown>): unknown => ({ ...base, users: [{ name: 'sa', user }], contexts: [{ name: 'sa', context: { cluster: base.clusters[0]!.name, user: 'sa' } }], 'current-context': 'sa' });
    const inline = write(folder, 'inline', withUser({ token }));
    const fromFile = write(folder, 'from-file', withUser({ tokenFile: 'sa-token' }));
    const expected = `system:serviceaccount:${ns}:reader`;
    for (const file of [inline, fromFile]) {
      expect(await whoAmI(createClusterClient({ kubeconfigPath: file }))).toBe(expected);
      expect(await whoAmI(createClusterClient({ kubeconfigPath: file, http2: false }))).toBe(expected);
    }
  });
});
