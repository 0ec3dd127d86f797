// The health wait. The local control plane runs no controllers, so a rollout
// never completes there by itself: the tests play the Deployment controller by
// writing the status subresource (a real API call), or turn the wait off with
// waitForRollout: false (the seam an environment without controllers uses).
import type { KubeObject } from '../../../src/cluster/index.js';
import { clusterClient, freshNamespace } from '../../setup/cluster-env.js';
import { syncText } from './sync-helpers.js';

const deployment = (ns: string): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: ${ns}}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: nginx:1.27}]}
`;

const claim = (ns: string): string => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: ${ns}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`;

/** Plays the Deployment controller once the object exists: the rollout of 2 replicas completes. */
async function completeRollout(ns: string): Promise<void> {
  const controller = clusterClient({ fieldManager: 'test-deployment-controller' });
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', namespace: ns };
  let live: KubeObject | null = null;
  while (!(live = await controller.find(ref))) await new Promise((r) => setTimeout(r, 50));
  const generation = Number(live.metadata['generation']);
  await controller.apply({
    subresource: 'status',
    object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: ns }, status: { observedGeneration: generation, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 } },
  });
}

describe('health after the apply', () => {
  test('waits for the rollout (the test writes the status a controller would) and succeeds', async () => {
    const ns = await freshNamespace('sync-health');
    const [result] = await Promise.all([syncText(deployment(ns), { namespace: ns, waitForRollout: true }), completeRollout(ns)]);
    expect(result).toMatchObject({ status: 'succeeded', reason: '1 created', unhealthy: [] });
  });

  test('reports what is not healthy when the time is up', async () => {
    const ns = await freshNamespace('sync-unhealthy');
    const result = await syncText(`${deployment(ns)}---\n${claim(ns)}`, { namespace: ns, waitForRollout: true, timeoutMs: 2_000 });
    expect(result.status).toBe('failed');
    expect(result.unhealthy.map((u) => `${u.ref.kind} ${u.reason}`).sort()).toEqual([
      'Deployment not healthy in time: waiting for the controller to observe generation 1 (observed: none)',
      'PersistentVolumeClaim not healthy in time: the claim is Pending, not Bound',
    ]);
    expect(result.reason).toMatch(/^2 created; 2 not healthy: /);
  });

  test('waitForRollout: false skips rollouts; a CRD is still waited for until Established, then its resources apply', async () => {
    const ns = await freshNamespace('sync-crd');
    const group = `${ns}.kubegate.test`;
    const text = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.${group}}
spec:
  group: ${group}
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget}
  versions:
    - name: v1
      served: true
      storage: true
      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
---
apiVersion: ${group}/v1
kind: Widget
metadata: {name: w1}
spec: {size: 3}
---
${deployment(ns)}`;
    const result = await syncText(text, { namespace: ns, waitForRollout: false });
    expect(result).toMatchObject({ status: 'succeeded', reason: '3 created' });
    const widget = await clusterClient().get({ apiVersion: `${group}/v1`, kind: 'Widget', name: 'w1', namespace: ns });
    expect(widget.spec).toEqual({ size: 3 });
    const parent = await clusterClient().get({ apiVersion: 'v1', kind: 'Secret', name: 'applyset-kubegate-staging', namespace: ns });
    expect(parent.metadata.annotations?.['applyset.kubernetes.io/contains-group-kinds']).toBe(`CustomResourceDefinition.apiextensions.k8s.io,Deployment.apps,Widget.${group}`);
  });
});
