// Drift and attribution on live objects captured from the local control plane
// (fixtures/drift/, written by test/integration/drift-detect.test.ts with
// KUBEGATE_CAPTURE_DRIFT=1).
import { readFileSync } from 'node:fs';
import type { KubeObject } from '../../../src/cluster/index.js';
import { computeObjectDrift } from '../../../src/drift/compute-object-drift.js';
import { ownsPath } from '../../../src/drift/fields-v1.js';
import { renderDriftMarkdown } from '../../../src/drift/render-drift-markdown.js';

function sample(name: string): KubeObject {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/drift/${name}.json`, import.meta.url), 'utf8')) as KubeObject;
}

const ref = (live: KubeObject): { apiVersion: string; kind: string; name: string } => ({ apiVersion: live.apiVersion, kind: live.kind, name: live.metadata.name ?? '' });

function deployment(replicas: number | undefined): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '0.5' } } }] } },
    },
  };
}

describe('computeObjectDrift', () => {
  const scaled = sample('deployment-scaled');

  test('kubectl scale: replicas drifted, owned by kubectl through the scale subresource', () => {
    const drift = computeObjectDrift(ref(scaled), deployment(2), scaled);
    expect(drift).toEqual({ ref: ref(scaled), state: 'changed', fields: [{ path: 'spec.replicas', before: 2, after: 5, manager: 'kubectl', subresource: 'scale' }] });
  });

  test('a quantity the server canonicalized ("0.5" -> "500m") is still kubegate\'s: not drift', () => {
    const container = (scaled.spec as { template: { spec: { containers: Array<{ resources: { requests: { cpu: string } } }> } } }).template.spec.containers[0];
    expect(container?.resources.requests.cpu).toBe('500m');
    expect(ownsPath(scaled.metadata.managedFields?.[0]?.fieldsV1, ['spec', 'template', 'spec', 'containers', 0, 'resources', 'requests', 'cpu'], scaled)).toBe(true);
  });

  test('replicas Git does not set are not drift (an HPA or a human may own them)', () => {
    expect(computeObjectDrift(ref(scaled), deployment(undefined), scaled)).toBeNull();
  });

  test('a controller listed as ignored is not drift', () => {
    expect(computeObjectDrift(ref(scaled), deployment(2), scaled, { ignoreManagers: ['kubectl'] })).toBeNull();
  });

  test('kubectl patch of a ConfigMap value: before, after, manager and time', () => {
    const live = sample('configmap-patched');
    const drift = computeObjectDrift(ref(live), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { key: 'v1' } }, live);
    expect(drift?.fields).toEqual([{ path: 'data.key', before: 'v1', after: 'hand-edited', manager: 'kubectl-patch', time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown }]);
  });

  test('a Secret forced by another manager: the change shows, the values never do', () => {
    const live = sample('secret-forced');
    const drift = computeObjectDrift(ref(live), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, stringData: { password: 's3cret' } }, live);
    const text = JSON.stringify(drift) + renderDriftMarkdown({ environment: 'e', checked: 1, drifted: drift ? [drift] : [] });
    expect(drift?.fields[0]).toMatchObject({ manager: 'rogue-operator' });
    expect(text).not.toMatch(/s3cret|other|b3RoZXI|czNjcmV0/);
  });

  test('a deleted member is drift', () => {
    expect(computeObjectDrift({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a' }, { data: {} }, null)).toEqual({ ref: { apiVersion: 'v1', kind: 'ConfigMap', name: 'a' }, state: 'deleted', fields: [] });
  });
});

describe('renderDriftMarkdown', () => {
  test('lists each object with its fields, Git -> live, who and when', () => {
    const text = renderDriftMarkdown({
      environment: 'prod',
      revision: '0123456789abcdef',
      checked: 3,
      drifted: [
        { ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' }, state: 'changed', fields: [{ path: 'spec.replicas', before: 2, after: 5, manager: 'kubectl', subresource: 'scale', time: '2026-11-22T04:15:09Z' }] },
        { ref: { apiVersion: 'v1', kind: 'ConfigMap', name: 'a', namespace: 'shop' }, state: 'deleted', fields: [] },
      ],
    });
    expect(text).toBe(`Environment **prod** at 0123456789ab: 2 of 3 objects drifted.

- **Deployment shop/web** (Git → live):
  - \`spec.replicas\`: \`2\` → \`5\` — by kubectl (scale) at 2026-11-22T04:15:09Z
- **ConfigMap shop/a**: deleted from the cluster`);
  });
});
