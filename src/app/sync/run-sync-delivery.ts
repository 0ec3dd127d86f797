// One push or merge delivery: skip a duplicate delivery, resolve the commit,
// then run the sync pass, one pass at a time per commit (a merge sends both
// pull_request.closed and push for the same commit; the second pass finds the
// deployments done and stops).
import type { GitHubPort } from '../../github/github-port.js';
import type { DeliveryLog } from '../delivery-log.js';
import type { KeyedQueue } from '../keyed-queue.js';
import { oncePerDelivery } from '../once-per-delivery.js';
import { syncDefaultBranch, type SyncDeps, type SyncLog } from '../sync-default-branch.js';
import type { ResolvedSync } from './sync-payloads.js';

export interface SyncDeliveryDeps extends SyncDeps {
  deliveries: DeliveryLog;
  queue: KeyedQueue;
}

export async function runSyncDelivery(delivery: { id: string; log: SyncLog }, port: GitHubPort, deps: SyncDeliveryDeps, resolved: ResolvedSync): Promise<void> {
  const { id, log } = delivery;
  if (!resolved.ok) {
    log.info(`kubegate: nothing to sync: ${resolved.reason}`);
    return;
  }
  await oncePerDelivery(deps.deliveries, id, log, async () => {
    const { target } = resolved;
    const key = `${target.repo.owner}/${target.repo.repo}@${target.sha}:sync`;
    const outcome = await deps.queue.run(key, () => syncDefaultBranch(port, target, deps, log));
    if (outcome.status === 'skipped') log.info(`kubegate: ${key}: ${outcome.reason}`);
    else if (outcome.status === 'done') log.info({ environments: outcome.environments }, `kubegate: ${key}: synced`);
    return outcome.status !== 'failed';
  });
}
