// flux mode against the local control plane: minimal GitRepository and
// Kustomization CRDs (installed by the test, with the status subresource), and
// the test plays Flux's controllers: it handles each reconcile request by
// writing status.lastHandledReconcileAt and the Ready condition.
import type { ClusterClient, KubeObject } from '../../../src/cluster/index.js';
import { GIT_REPOSITORY_API, KUSTOMIZATION_API, REQUESTED_AT_ANNOTATION, syncWithFlux } from '../../../src/sync/modes/sync-with-flux.js';
import { clusterClient, freshNamespace } from '../../setup/cluster-env.js';

function crd(group: string, kind: string, plural: string): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope: 'Namespaced',
      names: { plural, singular: kind.toLowerCase(), kind },
      versions: [{ name: 'v1', served: true, storage: true, subresources: { status: {} }, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } }],
    },
  };
}

async function installFluxCrds(client: ClusterClient): Promise<void> {
  for (const def of [crd('source.toolkit.fluxcd.io', 'GitRepository', 'gitrepositories'), crd('kustomize.toolkit.fluxcd.io', 'Kustomization', 'kustomizations')]) {
    await client.apply({ object: def });
    for (let i = 0; i < 100; i++) {
      const live = await client.get({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name: def.metadata.name ?? '' });
      const conditions = ((live.status ?? {}) as { conditions?: Array<{ type: string; status: string }> }).conditions ?? [];
      if (conditions.some((c) => c.type === 'Established' && c.status === 'True')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Flux's controllers, as far as this test needs them: handle every reconcile request. */
function playFlux(ns: string, ready: 'True' | 'False', revision: string): () => void {
  const controller = clusterClient({ fieldManager: 'test-flux-controller' });
  let stopped = false;
  const loop = async (): Promise<void> => {
    while (!stopped) {
      for (const [apiVersion, kind] of [[GIT_REPOSITORY_API, 'GitRepository'], [KUSTOMIZATION_API, 'Kustomization']] as const) {
        for (const item of await controller.list({ apiVersion, kind, namespace: ns })) {
          const requested = item.metadata.annotations?.[REQUESTED_AT_ANNOTATION];
          const handled = (item.status as { lastHandledReconcileAt?: string } | undefined)?.lastHandledReconcileAt;
          if (requested === undefined || requested === handled) continue;
          const status = {
            lastHandledReconcileAt: requested,
            conditions: [{ type: 'Ready', status: ready, reason: ready === 'True' ? 'Succeeded' : 'BuildFailed', message: ready === 'True' ? `Applied revision: ${revision}` : 'kustomize build failed', lastTransitionTime: new Date().toISOString() }],
            ...(kind === 'GitRepository' ? { artifact: { revision } } : { lastAppliedRevision: revision }),
          };
          await controller.patch({ ref: { apiVersion, kind, name: item.metadata.name ?? '', namespace: ns }, subresource: 'status', patch: { status } });
        }
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  void loop();
  return () => {
    stopped = true;
  };
}

async function fluxObjects(client: ClusterClient, ns: string): Promise<void> {
  await client.apply({ object: { apiVersion: GIT_REPOSITORY_API, kind: 'GitRepository', metadata: { name: 'gitops', namespace: ns }, spec: { url: 'https://example.invalid/gitops.git', ref: { branch: 'main' } } } });
  await client.apply({ object: { apiVersion: KUSTOMIZATION_API, kind: 'Kustomization', metadata: { name: 'apps', namespace: ns }, spec: { path: './apps', sourceRef: { kind: 'GitRepository', name: 'gitops' } } } });
}

describe('flux mode', () => {
  const sha = 'c4295bd74fb0f4fda03689c3df3f2803b658fd85';

  test('annotates the GitRepository, then the Kustomization, and waits until both handled the request and are Ready', async () => {
    const client = clusterClient();
    await installFluxCrds(client);
    const ns = await freshNamespace('sync-flux');
    await fluxObjects(client, ns);
    const stop = playFlux(ns, 'True', `main@sha1:${sha}`);
    try {
      const result = await syncWithFlux({ client, environment: 'staging', cluster: 'local', kustomization: 'apps', namespace: ns, timeoutMs: 20_000, pollMs: 50 });
      expect(result).toMatchObject({ status: 'succeeded', reason: `Flux reconciled Kustomization ${ns}/apps (revision main@sha1:${sha})` });
      expect(result.details).toEqual([`GitRepository ${ns}/gitops: revision main@sha1:${sha}`, `Kustomization ${ns}/apps: applied revision main@sha1:${sha}`]);
      const source = await client.get({ apiVersion: GIT_REPOSITORY_API, kind: 'GitRepository', name: 'gitops', namespace: ns });
      const kustomization = await client.get({ apiVersion: KUSTOMIZATION_API, kind: 'Kustomization', name: 'apps', namespace: ns });
      expect(source.metadata.annotations?.[REQUESTED_AT_ANNOTATION]).toBe(kustomization.metadata.annotations?.[REQUESTED_AT_ANNOTATION]);
    } finally {
      stop();
    }
  });

  test('a Kustomization that is not Ready fails the sync with its message; no controller means a timeout', async () => {
    const client = clusterClient();
    await installFluxCrds(client);
    const ns = await freshNamespace('sync-flux-fail');
    await fluxObjects(client, ns);
    const stop = playFlux(ns, 'False', `main@sha1:${sha}`);
    try {
      const failed = await syncWithFlux({ client, environment: 'staging', cluster: 'local', kustomization: 'apps', namespace: ns, timeoutMs: 20_000, pollMs: 50 });
      expect(failed).toMatchObject({ status: 'failed', reason: `GitRepository ${ns}/gitops is not Ready: BuildFailed: kustomize build failed` });
    } finally {
      stop();
    }
    const silent = await syncWithFlux({ client, environment: 'staging', cluster: 'local', kustomization: 'apps', namespace: ns, timeoutMs: 500, pollMs: 50 });
    expect(silent).toMatchObject({ status: 'failed', reason: `GitRepository ${ns}/gitops did not reconcile within 1 s: the controller has not handled the request` });
  });
});
