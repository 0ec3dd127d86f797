// createDiffEnvironment: the per-environment entry point the pipeline gets
// injected, with app settings and an in-memory cluster.
import { createDiffEnvironment } from '../../../src/cluster/index.js';
import { parseAppSettings } from '../../../src/settings/index.js';
import { applySetParent } from '../../../src/sync/applyset-parent.js';
import { manifest } from './fixtures-objects.js';
import { fakeCluster } from './fake-cluster.js';

const settings = (extra: Record<string, unknown> = {}): ReturnType<typeof parseAppSettings> =>
  parseAppSettings({ clusters: { eu: { kubeconfig: '/k/eu', repositories: ['acme/*'] } }, ...extra }, 'test', '/');

const head = [manifest('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "2"}\n')];
const base = [manifest('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "1"}\n'), manifest('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: old}\n')];
const request = { environment: 'prod', cluster: 'eu', namespace: 'apps', head, base, repository: 'acme/gitops', fromFork: false };

describe('createDiffEnvironment', () => {
  test('an allowed environment: check and sections, one client per cluster, the namespace applied', async () => {
    const fake = fakeCluster();
    fake.live.set('ConfigMap/apps/c', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'apps' }, data: { a: '1' } });
    const created: unknown[] = [];
    const diffEnvironment = createDiffEnvironment(settings(), (connection) => {
      created.push(connection);
      return fake;
    });
    const result = await diffEnvironment(request);
    await diffEnvironment(request);
    expect(created).toEqual([{ kubeconfigPath: '/k/eu' }]);
    expect(result.check).toMatchObject({ name: 'kubegate/diff (prod)', conclusion: 'success', title: '1 to update, 1 removed from Git' });
    expect(result.sections[0]).toContain('| `ConfigMap apps/old` | removed from Git |');
    expect(result.sections[1]).toContain('-  a: "1"\n+  a: "2"');
  });

  test("objects removed from Git: deletions when the sync prunes them, the ApplySet's parent in the environment's namespace, else the context's", async () => {
    const member = (ns: string, id: string): Parameters<typeof fake.live.set>[1] =>
      ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'old', namespace: ns, labels: { 'applyset.kubernetes.io/part-of': id } } });
    const fake = fakeCluster();
    fake.live.set('ConfigMap/apps/old', member('apps', applySetParent('prod', 'apps').id));
    fake.live.set('ConfigMap/default/old', member('default', applySetParent('prod', 'default').id));
    const diffEnvironment = createDiffEnvironment(settings(), () => fake);
    const prune = { enabled: true, mode: 'apply' as const, prune: true };
    expect((await diffEnvironment({ ...request, sync: prune })).check.title).toBe('1 to create, 1 to delete');
    const { namespace: _, ...withoutNamespace } = request;
    expect((await diffEnvironment({ ...withoutNamespace, sync: prune })).check.title).toBe('1 to create, 1 to delete');
    const kept = await diffEnvironment({ ...request, sync: { ...prune, prune: false } });
    expect(kept.check.title).toBe('1 to create, 1 removed from Git');
    expect(kept.sections[0]).toContain('| `ConfigMap apps/old` | removed from Git |  |  | still in the cluster: sync.prune is off, so the sync after merge leaves it |');
  });

  test('a fork: no cluster call, a neutral check with the reason', async () => {
    const fake = fakeCluster();
    const result = await createDiffEnvironment(settings(), () => fake)({ ...request, fromFork: true });
    expect(result).toEqual({ check: expect.objectContaining({ conclusion: 'neutral', summary: expect.stringMatching(/comes from a fork/) }), sections: [] });
    expect(fake.calls).toEqual([]);
  });

  test('an unreachable cluster takes the settings conclusion; a client that cannot be made fails the check', async () => {
    const silent = fakeCluster({ silent: true });
    const neutral = createDiffEnvironment(settings({ unreachableConclusion: 'neutral', dryRun: { timeoutSeconds: 1 } }), () => silent);
    expect((await neutral(request)).check.conclusion).toBe('neutral');
    const broken = createDiffEnvironment(settings(), () => {
      throw new Error('kubeconfig /k/eu does not exist');
    });
    expect((await broken(request)).check).toMatchObject({ conclusion: 'failure', summary: 'Cluster "eu" cannot be used: kubeconfig /k/eu does not exist' });
  });
});
