// The immediate half of /rollback for an argocd environment: Argo CD's own
// rollback to the target commit's entry in the Application's history,
// followed as a sync is. With auto-sync on, Argo CD follows Git and refuses a
// rollback: the revert pull request alone is the rollback, which the reply
// says. A revision Argo CD no longer remembers cannot be rolled back to.
// Only when Argo CD was asked is the outcome recorded, like an apply-mode
// rollback (a Deployment of the target revision with its kubegate/sync (ENV)
// check run), so a skipped one leaves no failed Deployment behind.
import type { EnvironmentConfig, RepoConfig } from '../../../config/types.js';
import type { GitHubPort } from '../../../github/github-port.js';
import { resolveSyncConfig } from '../../../sync/resolve-sync-config.js';
import type { SyncDeps } from '../../sync-default-branch.js';
import { reapplyRevision, type Revision } from './reapply-revision.js';

export interface RollbackLine {
  ok: boolean;
  text: string;
}

export async function rollbackArgoCd(port: GitHubPort, config: RepoConfig, env: EnvironmentConfig, revision: Revision & { repoUrl: string }, deps: SyncDeps): Promise<RollbackLine> {
  const short = revision.targetSha.slice(0, 7);
  // 1. Argo CD's rollback (or the reason it is not asked).
  const request = { repository: `${port.repo.owner}/${port.repo.repo}`, environment: env, sync: resolveSyncConfig(config, env), sha: revision.targetSha, objects: [], rollback: true };
  const outcome = await deps.syncExecutor()(request);
  const skipped = outcome.status === 'ran' && outcome.value.rollbackSkipped ? outcome.value : undefined;
  if (skipped?.rollbackSkipped === 'auto-sync') return { ok: true, text: `${skipped.reason}: the revert pull request is the rollback (Argo CD syncs ${env.name} once it is merged)` };
  if (skipped) return { ok: false, text: `${env.name} could not be rolled back by Argo CD now: ${skipped.reason}; the revert pull request is the rollback` };
  // 2. The records of what Argo CD did.
  const step = await reapplyRevision(port, config, env, { ...revision, description: `kubegate Argo CD rollback to ${short}` }, deps, async () => outcome);
  const ok = step === 'synced';
  return { ok, text: `${env.name} ${ok ? 'rolled back by Argo CD to' : `could not be rolled back by Argo CD to (${step})`} \`${short}\` ([deployments](${revision.repoUrl}/deployments))` };
}
