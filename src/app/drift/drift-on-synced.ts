// The SyncDeps.onSynced of the app: every environment synced in apply mode
// (the ones kubegate's ApplySet holds) is watched for drift from then on,
// unless its config turns drift off (drift-watched.ts). `sha` is the revision
// the sync deployed: a merge or push, a /rollback or a pre-merge /sync.
import type { SyncDeps } from '../sync-default-branch.js';
import type { DriftService } from './drift-service.js';
import { driftNotWatchedReason } from './drift-watched.js';

export function driftOnSynced(service: () => DriftService): NonNullable<SyncDeps['onSynced']> {
  return (port, sha, step) => {
    if (driftNotWatchedReason(step.env, step.sync) !== undefined) return;
    service().track({ port, sha, environment: step.env, desired: step.objects });
  };
}

/** The SyncDeps.onHead of the app: the default branch moved; drift reports follow it. */
export function driftOnHead(service: () => DriftService): NonNullable<SyncDeps['onHead']> {
  return (port, head, before) => service().moveHead(port, head, before);
}
