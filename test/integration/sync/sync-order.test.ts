// Syncs of one environment in commit order across replicas. Each replica has
// its own in-process queue, so only the Lease and the revision the ApplySet
// parent records keep an older commit from being applied after a newer one;
// within a replica, a late event of an older commit does not push a newer
// one out of the queue.
// GitHub's answer (is this commit an ancestor of the recorded one?) is a fake
// over a linear history; the cluster is the local control plane.
import type { EnvironmentConfig } from '../../../src/config/types.js';
import { createClusterClient } from '../../../src/cluster/index.js';
import { parseAppSettings, type AppSettings } from '../../../src/settings/index.js';
import { createSyncExecutor, type EnvironmentSyncRequest, type SyncExecutor } from '../../../src/sync/create-sync-executor.js';
import type { IsAncestor } from '../../../src/sync/find-newer-revision.js';
import { resolveSyncConfig } from '../../../src/sync/resolve-sync-config.js';
import { clusterClient, eventually, freshNamespace, kubeconfigPath } from '../../setup/cluster-env.js';
import { configMap, objects } from './sync-helpers.js';

const REPOSITORY = 'acme/gitops';
const [C1, C2, C3] = ['1', '2', '3'].map((d) => d.repeat(40)) as [string, string, string];
const HISTORY = [C1, C2, C3];

interface Replicas {
  ns: string;
  settings: AppSettings;
  a: SyncExecutor;
  b: SyncExecutor;
  /** The questions asked, "ancestor..descendant" (first 7 characters). */
  asked: string[];
  isAncestor: IsAncestor;
  request(sha: string, data: string, extra?: Partial<EnvironmentSyncRequest>): EnvironmentSyncRequest;
  data(): Promise<unknown>;
  revision(): Promise<string | undefined>;
}

async function replicas(prefix: string): Promise<Replicas> {
  const ns = await freshNamespace(prefix);
  const settings = parseAppSettings({ clusters: { local: { kubeconfig: kubeconfigPath(), repositories: [REPOSITORY], leaseNamespace: ns } } }, 'test settings', process.cwd());
  const environment: EnvironmentConfig = { name: 'staging', cluster: 'local', paths: [], render: 'plain', namespace: ns };
  const sync = resolveSyncConfig({}, { sync: { mode: 'apply', waitForRollout: false } });
  const asked: string[] = [];
  const isAncestor: IsAncestor = async (ancestor, descendant) => {
    asked.push(`${ancestor.slice(0, 7)}..${descendant.slice(0, 7)}`);
    return HISTORY.indexOf(ancestor) <= HISTORY.indexOf(descendant);
  };
  const client = clusterClient();
  return {
    ns,
    settings,
    // Two replicas: each its own executor, so its own in-process queue; they share only the cluster.
    a: createSyncExecutor(settings, { lease: { pollMs: 50 } }),
    b: createSyncExecutor(settings, { lease: { pollMs: 50 } }),
    asked,
    isAncestor,
    request: (sha, data, extra = {}) => ({ repository: REPOSITORY, environment, sync, sha, objects: objects(configMap(ns, 'settings', data)), isAncestor, ...extra }),
    data: async () => (await client.get({ apiVersion: 'v1', kind: 'ConfigMap', name: 'settings', namespace: ns }))['data'],
    revision: async () => (await client.get({ apiVersion: 'v1', kind: 'Secret', name: 'applyset-kubegate-staging', namespace: ns })).metadata.annotations?.['kubegate.dev/revision'],
  };
}

/** A replica whose first ConfigMap apply (not a dry run) waits for `pause`: the test acts while it holds the Lease. */
function replicaPausingAtFirstApply(settings: AppSettings, pause: () => Promise<void>): SyncExecutor {
  let paused = false;
  return createSyncExecutor(settings, {
    lease: { pollMs: 50 },
    createClient: (connection) => {
      const client = createClusterClient(connection);
      return {
        ...client,
        apply: async (options) => {
          if (!options.dryRun && options.object.kind === 'ConfigMap' && !paused) {
            paused = true;
            await pause();
          }
          return client.apply(options);
        },
      };
    },
  });
}

describe('sync order across replicas', () => {
  test('an older commit after a newer one is superseded without applying anything; a newer commit and a rollback are applied', async () => {
    const r = await replicas('sync-order');
    // Replica a syncs C2.
    await expect(r.a(r.request(C2, 'v2'))).resolves.toMatchObject({ status: 'ran', value: { status: 'succeeded' } });
    expect(await r.revision()).toBe(C2);
    // Replica b got C1 late (its webhook, or its wait for the Lease): C1 is an ancestor of C2.
    await expect(r.b(r.request(C1, 'v1'))).resolves.toEqual({ status: 'superseded', by: C2, deployed: true });
    expect(r.asked).toEqual(['1111111..2222222']);
    expect(await r.data()).toEqual({ key: 'v2' });
    expect(await r.revision()).toBe(C2);
    // A newer commit goes on (and the superseded sync released the Lease).
    await expect(r.b(r.request(C3, 'v3'))).resolves.toMatchObject({ status: 'ran', value: { status: 'succeeded' } });
    expect(r.asked).toEqual(['1111111..2222222', '3333333..2222222']);
    expect(await r.data()).toEqual({ key: 'v3' });
    // A rollback goes back on purpose: GitHub is not asked, the older commit is applied.
    await expect(r.a(r.request(C1, 'v1', { rollback: true }))).resolves.toMatchObject({ status: 'ran', value: { status: 'succeeded' } });
    expect(r.asked).toHaveLength(2);
    expect(await r.data()).toEqual({ key: 'v1' });
    expect(await r.revision()).toBe(C1);
    // Without the question (the CLI), syncs are not ordered.
    await expect(r.b(r.request(C2, 'v2', { isAncestor: undefined }))).resolves.toMatchObject({ status: 'ran', value: { status: 'succeeded' } });
  });

  test('an older commit waiting for the Lease while a newer one is applied is superseded once it gets the Lease', async () => {
    const r = await replicas('sync-order-wait');
    await expect(r.a(r.request(C1, 'v1'))).resolves.toMatchObject({ status: 'ran' });
    // Replica a applies C3; while it holds the Lease, replica b starts C2 and waits for the Lease.
    let waiting: Promise<unknown> | undefined;
    const a = replicaPausingAtFirstApply(r.settings, async () => {
      waiting = r.b(r.request(C2, 'v2'));
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await expect(a(r.request(C3, 'v3'))).resolves.toMatchObject({ status: 'ran', value: { status: 'succeeded' } });
    await expect(waiting).resolves.toEqual({ status: 'superseded', by: C3, deployed: true });
    expect(r.asked).toEqual(['3333333..1111111', '2222222..3333333']);
    expect(await r.data()).toEqual({ key: 'v3' });
    expect(await r.revision()).toBe(C3);
  });

  test('in one replica, a late event of an older commit does not replace a newer one waiting in the queue', async () => {
    const r = await replicas('sync-order-queue');
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let held = false;
    // C1's apply waits at the gate, so C3 and then C2 (its event late) queue behind it.
    const replica = replicaPausingAtFirstApply(r.settings, async () => {
      held = true;
      await gate;
    });
    const first = replica(r.request(C1, 'v1'));
    await eventually('C1 is being applied', () => held);
    const newer = replica(r.request(C3, 'v3'));
    const late = replica(r.request(C2, 'v2'));
    // C2 replaced C3 in the queue; C3 is not in C2, so C3 queues again and replaces C2, which C3 contains.
    await expect(late).resolves.toEqual({ status: 'superseded', by: C3 });
    open();
    await expect(first).resolves.toMatchObject({ status: 'ran', value: { status: 'succeeded' } });
    await expect(newer).resolves.toMatchObject({ status: 'ran', value: { status: 'succeeded' } });
    expect(r.asked).toEqual(['3333333..2222222', '2222222..3333333', '3333333..1111111']);
    expect(await r.data()).toEqual({ key: 'v3' });
    expect(await r.revision()).toBe(C3);
  });

  test('when GitHub cannot answer, the sync fails saying so, and nothing is applied', async () => {
    const r = await replicas('sync-order-error');
    await expect(r.a(r.request(C2, 'v2'))).resolves.toMatchObject({ status: 'ran' });
    const failing: IsAncestor = async () => {
      throw new Error('GitHub API: could not compare: HTTP 502');
    };
    const outcome = await r.b(r.request(C3, 'v3', { isAncestor: failing }));
    expect(outcome).toMatchObject({
      status: 'ran',
      value: { status: 'failed', reason: `the sync did not run: could not tell whether 3333333 is older than 2222222, the commit last synced there (${r.ns}/applyset-kubegate-staging): GitHub API: could not compare: HTTP 502` },
    });
    expect(await r.data()).toEqual({ key: 'v2' });
  });

  test('a revision another repository recorded is not compared', async () => {
    const r = await replicas('sync-order-repo');
    await expect(r.a(r.request(C2, 'v2', { repository: 'acme/other' }))).resolves.toMatchObject({ status: 'ran' });
    await expect(r.b(r.request(C1, 'v1'))).resolves.toMatchObject({ status: 'ran', value: { status: 'succeeded' } });
    expect(r.asked).toEqual([]);
  });
});
