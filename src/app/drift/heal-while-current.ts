// Self-heal writes to the environment, so it takes the environment's sync
// Lease ("kubegate-sync-<env>", without waiting) and heals only while the
// revision it watches is still the deployed one. A sync running now (on any
// replica: a merge, a /rollback, a pre-merge /sync) holds the Lease, and a
// finished one moved the ApplySet parent's kubegate.dev/revision: either way
// this watcher's desired state is stale, and healing would undo the sync
// (re-create what it pruned). The watcher restarted by that sync heals instead.
import { hostname } from 'node:os';
import type { ClusterClient, ObjectRef } from '../../cluster/index.js';
import { liveRevision } from '../../sync/parent-record.js';
import { LeaseError } from '../../sync/lease/lease-error.js';
import { withEnvironmentLease } from '../../sync/lease/environment-lease.js';

export interface HealGuard {
  client: ClusterClient;
  leaseNamespace: string;
  environment: string;
  /** The revision the watcher compares with. */
  revision: string;
  /** The environment's ApplySet parent (its revision annotation). */
  parent: ObjectRef;
}

export type GuardedHeal<T> = { healed: true; value: T } | { healed: false; reason: string };

export async function healWhileCurrent<T>(guard: HealGuard, heal: () => Promise<T>): Promise<GuardedHeal<T>> {
  const lease = { client: guard.client, namespace: guard.leaseNamespace, environment: guard.environment, holder: `${hostname()}/${process.pid}/self-heal`, waitMs: 0 };
  try {
    return await withEnvironmentLease(lease, async (): Promise<GuardedHeal<T>> => {
      const deployed = liveRevision(await guard.client.find(guard.parent));
      // A parent without a record (synced before records existed) cannot say; the watcher's revision stands.
      if (deployed !== undefined && deployed !== guard.revision) return { healed: false, reason: `${guard.environment} was synced to ${deployed.slice(0, 7)} since` };
      return { healed: true, value: await heal() };
    });
  } catch (err: unknown) {
    if (err instanceof LeaseError) return { healed: false, reason: `a sync of ${guard.environment} is running` };
    throw err;
  }
}
