// Drift against the local control plane: a real sync, then changes made with
// kubectl and with another field manager; the report names the field, the
// value in Git and the live one, the manager and the time.
import { createHealBackoff } from '../../src/drift/heal/heal-backoff.js';
import { healDrift } from '../../src/drift/heal/heal-drift.js';
import { clusterClient, freshNamespace } from '../setup/cluster-env.js';
import { capture, deploymentText, driftOf } from './drift-helpers.js';
import { configMap, hasKubectl, kubectl, objects, syncText } from './sync/sync-helpers.js';

const testWithKubectl = hasKubectl ? test : test.skip;

function secret(ns: string, value: string): string {
  return `apiVersion: v1
kind: Secret
metadata: {name: creds, namespace: ${ns}}
stringData: {password: ${value}}
`;
}

describe('drift', () => {
  test('in sync right after the sync (canonicalized quantities and defaults are not drift)', async () => {
    const ns = await freshNamespace('drift-sync');
    const text = `${configMap(ns, 'a')}---\n${deploymentText(ns)}`;
    expect((await syncText(text, { namespace: ns })).status).toBe('succeeded');
    const report = await driftOf(text);
    expect(report).toMatchObject({ checked: 2, drifted: [] });
  });

  testWithKubectl('kubectl scale and kubectl patch are drift, attributed; reverting clears it', async () => {
    const ns = await freshNamespace('drift-kubectl');
    const text = `${configMap(ns, 'a')}---\n${deploymentText(ns)}`;
    await syncText(text, { namespace: ns });
    expect(kubectl(['scale', 'deployment/web', '-n', ns, '--replicas=5']).status).toBe(0);
    expect(kubectl(['patch', 'configmap/a', '-n', ns, '--type=merge', '-p', '{"data":{"key":"hand-edited"}}']).status).toBe(0);
    const report = await driftOf(text);
    capture('deployment-scaled', await clusterClient().get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: ns }));
    capture('configmap-patched', await clusterClient().get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a', namespace: ns }));
    const deployment = report.drifted.find((o) => o.ref.kind === 'Deployment');
    expect(deployment).toMatchObject({ state: 'changed', fields: [{ path: 'spec.replicas', before: 2, after: 5, manager: 'kubectl', subresource: 'scale' }] });
    expect(report.drifted.find((o) => o.ref.kind === 'ConfigMap')).toMatchObject({ fields: [{ path: 'data.key', before: 'v1', after: 'hand-edited', manager: 'kubectl-patch' }] });

    expect(kubectl(['scale', 'deployment/web', '-n', ns, '--replicas=2']).status).toBe(0);
    expect(kubectl(['patch', 'configmap/a', '-n', ns, '--type=merge', '-p', '{"data":{"key":"v1"}}']).status).toBe(0);
    expect((await driftOf(text)).drifted).toEqual([]);
  });

  testWithKubectl('an annotation kubectl adds is not drift (Git does not set it)', async () => {
    const ns = await freshNamespace('drift-annotate');
    const text = configMap(ns, 'a');
    await syncText(text, { namespace: ns });
    expect(kubectl(['annotate', 'configmap/a', '-n', ns, 'note=hi']).status).toBe(0);
    expect((await driftOf(text)).drifted).toEqual([]);
  });

  test('another field manager forcing a Secret value: masked, attributed', async () => {
    const ns = await freshNamespace('drift-secret');
    const text = secret(ns, 's3cret');
    await syncText(text, { namespace: ns });
    await clusterClient({ fieldManager: 'rogue-operator' }).apply({ object: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds', namespace: ns }, stringData: { password: 'other' } } });
    const report = await driftOf(text);
    expect(JSON.stringify(report)).not.toMatch(/s3cret|other|b3RoZXI/);
    expect(report.drifted).toMatchObject([{ ref: { kind: 'Secret', name: 'creds' }, fields: [{ manager: 'rogue-operator' }] }]);
    capture('secret-forced', await clusterClient().get({ apiVersion: 'v1', kind: 'Secret', name: 'creds', namespace: ns }));
  });

  test('a deleted member is drift', async () => {
    const ns = await freshNamespace('drift-delete');
    const text = `${configMap(ns, 'a')}---\n${configMap(ns, 'b')}`;
    await syncText(text, { namespace: ns });
    await clusterClient().delete({ ref: { apiVersion: 'v1', kind: 'ConfigMap', name: 'b', namespace: ns } });
    expect((await driftOf(text)).drifted).toMatchObject([{ ref: { kind: 'ConfigMap', name: 'b' }, state: 'deleted' }]);
  });

  testWithKubectl('self-heal restores an edited object and backs off when it drifts again at once', async () => {
    const ns = await freshNamespace('drift-heal');
    const text = `${configMap(ns, 'a')}---\n${deploymentText(ns)}`;
    const synced = await syncText(text, { namespace: ns });
    expect(kubectl(['patch', 'configmap/a', '-n', ns, '--type=merge', '-p', '{"data":{"key":"edited"}}']).status).toBe(0);
    await clusterClient().delete({ ref: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: ns } });
    let clock = 1_000_000;
    const backoff = createHealBackoff({ now: () => clock });
    const heal = (report: Awaited<ReturnType<typeof driftOf>>): ReturnType<typeof healDrift> =>
      healDrift({ client: clusterClient(), report, desired: objects(text), applySetId: synced.applySet?.id ?? '', namespace: ns, backoff });
    const first = await heal(await driftOf(text));
    expect(first.healed).toHaveLength(2);
    expect(first.failed).toEqual([]);
    expect((await driftOf(text)).drifted).toEqual([]);
    expect(kubectl(['get', 'deployment/web', '-n', ns, '-o', `jsonpath={.metadata.labels.applyset\\.kubernetes\\.io/part-of}`]).stdout).toBe(synced.applySet?.id);

    expect(kubectl(['patch', 'configmap/a', '-n', ns, '--type=merge', '-p', '{"data":{"key":"again"}}']).status).toBe(0);
    clock += 1_000;
    const second = await heal(await driftOf(text));
    expect(second.healed).toEqual([]);
    expect([...second.waiting.values()]).toEqual([29_000]);
    clock += 29_000;
    expect((await heal(await driftOf(text))).healed).toHaveLength(1);
    expect(kubectl(['patch', 'configmap/a', '-n', ns, '--type=merge', '-p', '{"data":{"key":"third"}}']).status).toBe(0);
    expect([...(await heal(await driftOf(text))).waiting.values()]).toEqual([60_000]);
  });
});
