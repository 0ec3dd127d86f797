// The drift watcher against the local control plane: one report per burst,
// drift appearing after kubectl scale and a delete, disappearing after the
// revert; a stale resourceVersion (410 Gone) leads to a re-list and the watch
// goes on. Every watcher is closed in the test that starts it.
import type { ClusterClient } from '../../src/cluster/index.js';
import type { DriftReport } from '../../src/drift/types.js';
import { startDriftWatcher, type DriftWatcher } from '../../src/drift/watch/create-drift-watcher.js';
import { clusterClient, eventually, freshNamespace } from '../setup/cluster-env.js';
import { deploymentText } from './drift-helpers.js';
import { configMap, hasKubectl, kubectl, objects, syncText } from './sync/sync-helpers.js';

const testWithKubectl = hasKubectl ? test : test.skip;
const watchers: DriftWatcher[] = [];
afterAll(async () => {
  await Promise.all(watchers.map((w) => w.close()));
});

async function watch(text: string, ns: string, client: ClusterClient = clusterClient()): Promise<{ next: (match: (r: DriftReport) => boolean) => Promise<DriftReport>; watcher: DriftWatcher }> {
  const synced = await syncText(text, { namespace: ns });
  const reports: DriftReport[] = [];
  const waiting: Array<{ match: (r: DriftReport) => boolean; resolve: (r: DriftReport) => void }> = [];
  const watcher = await startDriftWatcher({
    client,
    environment: 'staging',
    desired: objects(text),
    applySetId: synced.applySet?.id ?? '',
    namespace: ns,
    debounceMs: 100,
    onReport: (report) => {
      reports.push(report);
      for (const w of waiting.splice(0)) {
        if (w.match(report)) w.resolve(report);
        else waiting.push(w);
      }
    },
  });
  watchers.push(watcher);
  const next = (match: (r: DriftReport) => boolean): Promise<DriftReport> => {
    const found = reports.slice(-1).find(match);
    return found ? Promise.resolve(found) : new Promise((resolve) => waiting.push({ match, resolve }));
  };
  return { next, watcher };
}

const inSync = (r: DriftReport): boolean => r.drifted.length === 0;

describe('drift watcher', () => {
  testWithKubectl('drift appears after kubectl scale and a delete, and disappears after the revert', async () => {
    const ns = await freshNamespace('drift-watch');
    const text = `${configMap(ns, 'a')}---\n${deploymentText(ns)}`;
    const { next, watcher } = await watch(text, ns);
    await next(inSync);
    expect(kubectl(['scale', 'deployment/web', '-n', ns, '--replicas=4']).status).toBe(0);
    const scaled = await next((r) => r.drifted.length === 1);
    expect(scaled.drifted[0]).toMatchObject({ ref: { kind: 'Deployment' }, fields: [{ path: 'spec.replicas', before: 2, after: 4, manager: 'kubectl' }] });
    await clusterClient().delete({ ref: { apiVersion: 'v1', kind: 'ConfigMap', name: 'a', namespace: ns } });
    const deleted = await next((r) => r.drifted.some((o) => o.state === 'deleted'));
    expect(deleted.drifted.map((o) => `${o.ref.kind} ${o.state}`).sort()).toEqual(['ConfigMap deleted', 'Deployment changed']);
    await syncText(text, { namespace: ns });
    await next(inSync);
    await watcher.close();
  });

  test('a stale resourceVersion (410 Gone) leads to a re-list and the watch goes on', async () => {
    const ns = await freshNamespace('drift-gone');
    const text = configMap(ns, 'a');
    const real = clusterClient();
    let lists = 0;
    let gone = 0;
    const client: ClusterClient = {
      ...real,
      listVersioned: async (options) => {
        lists += 1;
        const list = await real.listVersioned(options);
        return lists === 1 ? { ...list, resourceVersion: '1' } : list;
      },
      watch: async (options) => {
        const end = await real.watch(options);
        if (end === 'gone') gone += 1;
        return end;
      },
    };
    const { next, watcher } = await watch(text, ns, client);
    await next(inSync);
    // The first report comes from the first list; the expired watch and the
    // re-list follow on the control plane's time.
    await eventually('the watch from resourceVersion 1 ends with 410 Gone and a re-list follows', () => gone >= 1 && lists >= 2);
    await clusterClient({ fieldManager: 'someone-else' }).apply({ object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: ns }, data: { key: 'changed' } } });
    expect((await next((r) => r.drifted.length === 1)).drifted[0]?.fields[0]).toMatchObject({ path: 'data.key', after: 'changed', manager: 'someone-else' });
    await watcher.close();
  });
});
