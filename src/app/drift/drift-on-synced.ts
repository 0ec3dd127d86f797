// The SyncDeps.onSynced of the app: environments synced in apply mode (the
// ones kubegate's ApplySet holds) that have a `drift` section in the repo
// config are watched for drift from then on.
import type { SyncDeps } from '../sync-default-branch.js';
import type { DriftService } from './drift-service.js';

export function driftOnSynced(service: () => DriftService): NonNullable<SyncDeps['onSynced']> {
  return (port, sha, step) => {
    if (step.sync.mode !== 'apply' || !step.env.drift) return;
    service().track({ port, sha, environment: step.env, desired: step.objects });
  };
}
