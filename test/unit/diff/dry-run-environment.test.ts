// The orchestration of one environment's dry-run (src/cluster/dry-run-environment.ts)
// with an in-memory cluster: bounded concurrency, namespace defaulting, the
// time budget, and an unreachable cluster, all without a real server.
import { ClusterError, dryRunConcurrency, dryRunEnvironment } from '../../../src/cluster/index.js';
import { manifest } from './fixtures-objects.js';
import { fakeCluster } from './fake-cluster.js';

const configMaps = (n: number, ns = ''): ReturnType<typeof manifest>[] =>
  Array.from({ length: n }, (_, i) => manifest(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n${ns ? `  namespace: ${ns}\n` : ''}data: {i: "${i}"}\n`));

describe('dryRunEnvironment', () => {
  test('keeps at most `concurrency` objects in flight (two requests each) and keeps input order', async () => {
    const client = fakeCluster({ delayMs: 5, noList: true });
    const result = await dryRunEnvironment({ client, environment: 'dev', cluster: 'c', objects: configMaps(40), concurrency: 4 });
    expect(client.maxInFlight).toBe(8);
    expect(result.applied.map((o) => o.ref.name)).toEqual(Array.from({ length: 40 }, (_, i) => `c${i}`));
    expect(result.applied.every((o) => o.merged && o.live === null)).toBe(true);
  });

  test('without a concurrency: 8 in flight for an API server on this machine, 16 for a remote one', async () => {
    const local = fakeCluster({ delayMs: 5, noList: true, server: 'https://127.0.0.1:6443' });
    await dryRunEnvironment({ client: local, environment: 'dev', cluster: 'c', objects: configMaps(40) });
    expect(local.maxInFlight).toBe(16);
    const remote = fakeCluster({ delayMs: 5, noList: true });
    await dryRunEnvironment({ client: remote, environment: 'dev', cluster: 'c', objects: configMaps(40) });
    expect(remote.maxInFlight).toBe(32);
  });

  test('dryRunConcurrency: loopback names and addresses, and a given value kept within 1-64', () => {
    expect(['https://localhost:6443', 'https://127.0.0.2', 'https://[::1]:443'].map((s) => dryRunConcurrency(s))).toEqual([8, 8, 8]);
    expect(['https://10.0.0.1:6443', 'https://k8s.example.com', 'not a url'].map((s) => dryRunConcurrency(s))).toEqual([16, 16, 16]);
    expect([0, 3, 200].map((n) => dryRunConcurrency('https://localhost', n))).toEqual([1, 3, 64]);
  });

  test('namespaced objects without a namespace get the default; the body sent says so too', async () => {
    const client = fakeCluster();
    const ns = manifest('apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n');
    const result = await dryRunEnvironment({ client, environment: 'dev', cluster: 'c', objects: [...configMaps(1), ns], defaultNamespace: 'team' });
    expect(result.applied.map((o) => o.ref)).toEqual([
      { group: '', version: 'v1', kind: 'ConfigMap', name: 'c0', namespace: 'team', namespaced: true },
      { group: '', version: 'v1', kind: 'Namespace', name: 'team', namespaced: false },
    ]);
    expect(client.calls).toContain('apply ConfigMap/team/c0');
    expect(client.calls).toContain('apply Namespace//team');
  });

  test('refusals and unknown kinds are outcomes with the server words, not exceptions', async () => {
    const client = fakeCluster({ refuse: { c1: new ClusterError('PATCH ...: HTTP 403', { status: 403, reason: 'Forbidden', serverMessage: 'configmaps "c1" is forbidden' }) } });
    const widget = manifest('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n');
    const result = await dryRunEnvironment({ client, environment: 'dev', cluster: 'c', objects: [...configMaps(2), widget] });
    expect(result.applied.map((o) => o.error ?? 'ok')).toEqual([
      'ok',
      { reason: 'Forbidden', status: 403, message: 'configmaps "c1" is forbidden' },
      { reason: 'UnknownKind', message: 'the server has no resource for kind Widget in example.com/v1' },
    ]);
  });

  test('a cluster that never answers: unreachable after the probe timeout, no hang', async () => {
    const started = Date.now();
    const result = await dryRunEnvironment({ client: fakeCluster({ silent: true }), environment: 'dev', cluster: 'eu', objects: configMaps(3), probeTimeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result.unreachable?.message).toBe('cluster eu (https://fake:6443) could not be reached: no answer within 0.2 s');
    expect(result.applied).toEqual([]);
  });

  test('the time budget ends the run: unfinished objects say they were not checked', async () => {
    const started = Date.now();
    const result = await dryRunEnvironment({ client: fakeCluster({ delayMs: 150 }), environment: 'dev', cluster: 'eu', objects: configMaps(20), concurrency: 2, timeoutMs: 400 });
    expect(Date.now() - started).toBeLessThan(2_000);
    const checked = result.applied.filter((o) => !o.error).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThan(20);
    expect(result.applied.filter((o) => o.error).every((o) => o.error?.reason === 'Timeout' && /not checked/.test(o.error.message))).toBe(true);
    expect(result.unreachable).toBeUndefined();
  });

  test('objects removed from Git are read, not applied', async () => {
    const client = fakeCluster();
    const [gone] = configMaps(1, 'apps');
    client.live.set('ConfigMap/apps/c0', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c0', namespace: 'apps' } });
    const result = await dryRunEnvironment({ client, environment: 'dev', cluster: 'c', objects: [], removed: [gone!] });
    expect(result.removed[0]?.live).toMatchObject({ metadata: { name: 'c0' } });
    expect(client.calls).toEqual(['get ConfigMap/apps/c0']);
  });
});

describe('dryRunEnvironment live reads', () => {
  const live = (name: string): { apiVersion: string; kind: string; metadata: { name: string; namespace: string } } => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'apps' },
  });

  test('many objects of one kind in one namespace: one LIST instead of a GET each', async () => {
    const client = fakeCluster();
    client.live.set('ConfigMap/apps/c3', live('c3'));
    const result = await dryRunEnvironment({ client, environment: 'dev', cluster: 'c', objects: configMaps(10, 'apps') });
    expect(client.calls.filter((c) => c.startsWith('get'))).toEqual([]);
    expect(client.calls.filter((c) => c.startsWith('list'))).toEqual(['list ConfigMap/apps']);
    expect(result.applied.map((o) => (o.live ? o.ref.name : null)).filter(Boolean)).toEqual(['c3']);
  });

  test('few objects, or LIST refused: one GET per object', async () => {
    const few = fakeCluster();
    await dryRunEnvironment({ client: few, environment: 'dev', cluster: 'c', objects: configMaps(3, 'apps') });
    expect(few.calls.filter((c) => c.startsWith('get'))).toHaveLength(3);
    const refused = fakeCluster({ noList: true });
    refused.live.set('ConfigMap/apps/c3', live('c3'));
    const result = await dryRunEnvironment({ client: refused, environment: 'dev', cluster: 'c', objects: configMaps(10, 'apps') });
    expect(refused.calls.filter((c) => c.startsWith('get'))).toHaveLength(10);
    expect(result.applied[3]?.live).toMatchObject({ metadata: { name: 'c3' } });
  });
});
