// Apply mode against the local control plane: creates objects, makes an
// ApplySet kubectl recognises, prunes members dropped from Git (and nothing
// else), applies nothing when one dry-run fails, reports immutable fields.
import { APPLYSET_GROUP_KINDS_ANNOTATION, APPLYSET_ID_LABEL, APPLYSET_PART_OF_LABEL, APPLYSET_TOOLING_ANNOTATION } from '../../../src/sync/index.js';
import { clusterClient, freshNamespace } from '../../setup/cluster-env.js';
import { actions, configMap, hasKubectl, kubectl, syncText } from './sync-helpers.js';

const testWithKubectl = hasKubectl ? test : test.skip;

function deployment(ns: string, app: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${ns}}
spec:
  replicas: 2
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec: {containers: [{name: web, image: nginx:1.27}]}
`;
}

describe('apply mode', () => {
  test('creates the objects with the membership label; a second sync changes nothing', async () => {
    const ns = await freshNamespace('sync-create');
    const text = `${configMap(ns, 'a')}---\n${deployment(ns, 'web')}`;
    const first = await syncText(text, { namespace: ns });
    expect(first).toMatchObject({ status: 'succeeded', reason: '2 created' });
    expect(actions(first)).toEqual(['ConfigMap a created', 'Deployment web created']);
    const live = await clusterClient().get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'a', namespace: ns });
    expect(live.metadata.labels?.[APPLYSET_PART_OF_LABEL]).toBe(first.applySet?.id);
    const parent = await clusterClient().get({ apiVersion: 'v1', kind: 'Secret', name: 'applyset-kubegate-staging', namespace: ns });
    expect(parent.metadata.labels?.[APPLYSET_ID_LABEL]).toBe(first.applySet?.id);
    expect(parent.metadata.annotations?.[APPLYSET_GROUP_KINDS_ANNOTATION]).toBe('ConfigMap,Deployment.apps');
    expect(parent.metadata.annotations?.[APPLYSET_TOOLING_ANNOTATION]).toMatch(/^kubegate\/v\d/);

    const second = await syncText(text, { namespace: ns });
    expect(second).toMatchObject({ status: 'succeeded', reason: '2 unchanged' });
  });

  test('prune removes a member dropped from Git and leaves a non-member alone', async () => {
    const ns = await freshNamespace('sync-prune');
    await clusterClient({ fieldManager: 'someone-else' }).apply({ object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'outsider', namespace: ns }, data: { k: 'v' } } });
    await syncText(`${configMap(ns, 'keep')}---\n${configMap(ns, 'drop')}`, { namespace: ns });
    const kept = await syncText(configMap(ns, 'keep'), { namespace: ns, prune: false });
    expect(actions(kept)).toEqual(['ConfigMap keep unchanged']);
    expect(await clusterClient().find({ apiVersion: 'v1', kind: 'ConfigMap', name: 'drop', namespace: ns })).not.toBeNull();

    const pruned = await syncText(configMap(ns, 'keep'), { namespace: ns, prune: true });
    expect(pruned.status).toBe('succeeded');
    expect(actions(pruned)).toEqual(['ConfigMap drop pruned', 'ConfigMap keep unchanged']);
    expect(await clusterClient().find({ apiVersion: 'v1', kind: 'ConfigMap', name: 'drop', namespace: ns })).toBeNull();
    expect(await clusterClient().find({ apiVersion: 'v1', kind: 'ConfigMap', name: 'outsider', namespace: ns })).not.toBeNull();
  });

  test('a dry-run failure applies nothing: every object is reported, the failing one with the field', async () => {
    const ns = await freshNamespace('sync-refuse');
    await syncText(deployment(ns, 'web'), { namespace: ns });
    const result = await syncText(`${configMap(ns, 'new')}---\n${deployment(ns, 'changed')}`, { namespace: ns });
    expect(result.status).toBe('refused');
    expect(result.reason).toMatch(/^nothing applied: 1 of 2 objects refused before the apply \(Deployment .*\/web: .*field is immutable/);
    expect(result.objects.find((o) => o.ref.kind === 'Deployment')).toMatchObject({ action: 'failed', field: 'spec.selector' });
    expect(result.objects.find((o) => o.ref.kind === 'ConfigMap')).toMatchObject({ action: 'skipped' });
    expect(await clusterClient().find({ apiVersion: 'v1', kind: 'ConfigMap', name: 'new', namespace: ns })).toBeNull();
  });

  test('recreate: an immutable change deletes and re-creates the object when the environment allows it', async () => {
    const ns = await freshNamespace('sync-recreate');
    await syncText(deployment(ns, 'web'), { namespace: ns });
    const before = await clusterClient().get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: ns });
    const result = await syncText(deployment(ns, 'changed'), { namespace: ns, recreate: true });
    expect(result).toMatchObject({ status: 'succeeded', reason: '1 recreated' });
    const after = await clusterClient().get({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: ns });
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
  });

  test('nothing is applied outside sync.namespaces', async () => {
    const ns = await freshNamespace('sync-allow');
    const other = await freshNamespace('sync-other');
    const result = await syncText(`${configMap(ns, 'in')}---\n${configMap(other, 'out')}`, { namespace: ns, allowedNamespaces: [ns] });
    expect(result.status).toBe('refused');
    expect(result.objects.find((o) => o.ref.name === 'out')).toMatchObject({ action: 'failed', message: expect.stringMatching(/not in this environment's sync.namespaces/) });
    expect(await clusterClient().find({ apiVersion: 'v1', kind: 'ConfigMap', name: 'in', namespace: ns })).toBeNull();
  });

  testWithKubectl('kubectl recognises the ApplySet: the same id for the same parent, members by label, and it refuses to take over the set', async () => {
    const ns = await freshNamespace('sync-kubectl');
    const result = await syncText(`${configMap(ns, 'a')}---\n${configMap(ns, 'b')}`, { namespace: ns });
    const members = kubectl(['get', 'configmaps', '-n', ns, '-l', `${APPLYSET_PART_OF_LABEL}=${result.applySet?.id ?? ''}`, '-o', 'name']);
    expect(members.stdout.trim().split('\n').sort()).toEqual(['configmap/a', 'configmap/b']);
    // kubectl computes the id of a parent it creates itself; for the same name and namespace it must be ours.
    const own = await freshNamespace('sync-kubectl-own');
    const file = `/tmp/kubegate-applyset-${own}.yaml`;
    (await import('node:fs')).writeFileSync(file, configMap(own, 'x'));
    const applied = kubectl(['apply', '--server-side', '--prune', '--applyset=secrets/applyset-kubegate-staging', '-n', own, '-f', file], { KUBECTL_APPLYSET: 'true' });
    expect(applied.stderr).toBe('');
    const kubectlParent = await clusterClient().get({ apiVersion: 'v1', kind: 'Secret', name: 'applyset-kubegate-staging', namespace: own });
    const { applySetParent } = await import('../../../src/sync/index.js');
    expect(kubectlParent.metadata.labels?.[APPLYSET_ID_LABEL]).toBe(applySetParent('staging', own).id);
    // kubectl prunes with our set only if it is its own tooling: it recognises ours and refuses.
    const takeOver = kubectl(['apply', '--server-side', '--prune', '--applyset=secrets/applyset-kubegate-staging', '-n', ns, '-f', file.replace(own, ns)], { KUBECTL_APPLYSET: 'true' });
    expect(`${takeOver.stdout}${takeOver.stderr}`).toMatch(/kubegate/);
  });
});
