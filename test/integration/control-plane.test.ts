// The cluster adapter against the real kube-apiserver + etcd of the harness.
import { ClusterError, isNotFound, type KubeObject } from '../../src/cluster/index.js';
import { KUBERNETES_VERSION } from '../cluster/versions.mjs';
import { clusterClient, freshNamespace, kubeConfig } from '../setup/cluster-env.js';

function deployment(namespace: string, replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace, labels: { app: 'web' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
      },
    },
  };
}

const ref = (namespace: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace });

describe('local control plane', () => {
  test('reports the pinned Kubernetes version', async () => {
    const version = await clusterClient().version();
    expect(version.gitVersion).toBe(KUBERNETES_VERSION);
  });

  test('kubeConfig() loads the harness kubeconfig', () => {
    expect(kubeConfig().server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('server-side apply', () => {
  test('dryRun=All returns the defaulted object and persists nothing', async () => {
    const namespace = await freshNamespace('apply-dry-run');
    const client = clusterClient();
    const preview = await client.apply({ object: deployment(namespace, 2), dryRun: true });
    expect(preview.metadata.namespace).toBe(namespace);
    expect(preview.spec).toMatchObject({ replicas: 2, revisionHistoryLimit: 10, strategy: { type: 'RollingUpdate' } });
    await expect(client.get(ref(namespace))).rejects.toMatchObject({ name: 'ClusterError', status: 404, reason: 'NotFound' });
    await expect(client.find(ref(namespace))).resolves.toBeNull();
  });

  test('apply persists, records field manager "kubegate", and a later dry run changes nothing', async () => {
    const namespace = await freshNamespace('apply');
    const client = clusterClient();
    await client.apply({ object: deployment(namespace, 2) });
    const live = await client.get(ref(namespace));
    const managers = (live.metadata.managedFields ?? []).map((f) => `${f.manager}/${f.operation}`);
    expect(managers).toContain('kubegate/Apply');
    const preview = await client.apply({ object: deployment(namespace, 5), dryRun: true });
    expect(preview.spec).toMatchObject({ replicas: 5 });
    expect((await client.get(ref(namespace))).spec).toMatchObject({ replicas: 2 });
  });

  test('an invalid object fails with the server Status as a ClusterError', async () => {
    const namespace = await freshNamespace('apply-invalid');
    const broken = deployment(namespace, 1);
    delete (broken.spec as Record<string, unknown>).selector;
    const failure = await clusterClient().apply({ object: broken, dryRun: true }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ClusterError);
    expect(failure).toMatchObject({ status: 422, reason: 'Invalid', request: expect.stringMatching(/^PATCH \/apis\/apps\/v1\/namespaces\//) });
    expect((failure as ClusterError).serverMessage).toMatch(/spec\.selector: Required value/);
  });

  test('an unknown kind fails before any write', async () => {
    const object = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', namespace: 'default' } };
    await expect(clusterClient().apply({ object })).rejects.toMatchObject({ reason: 'UnknownKind' });
  });

  test('delete removes the object and is idempotent', async () => {
    const namespace = await freshNamespace('delete');
    const client = clusterClient();
    await client.apply({ object: deployment(namespace, 1) });
    await expect(client.delete({ ref: ref(namespace) })).resolves.toBe('deleted');
    const missing = await client.get(ref(namespace)).catch((err: unknown) => err);
    expect(isNotFound(missing)).toBe(true);
    await expect(client.delete({ ref: ref(namespace) })).resolves.toBe('not-found');
  });
});

describe('OpenAPI v3', () => {
  test('the index lists group-versions and a document holds the Deployment schema', async () => {
    const client = clusterClient();
    const index = await client.openApiIndex();
    expect(Object.keys(index.paths)).toEqual(expect.arrayContaining(['api/v1', 'apis/apps/v1']));
    const doc = await client.openApiDocument(index.paths['apis/apps/v1']!.serverRelativeURL);
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    expect(schemas['io.k8s.api.apps.v1.Deployment']).toMatchObject({
      'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
    });
  });
});
