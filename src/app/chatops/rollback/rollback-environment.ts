// /rollback ENV [SHA], as steps: which revision -> go back at once (apply
// mode: re-apply it; argocd: Argo CD's rollback, unless its auto-sync is on;
// Flux follows Git, so for it the revert pull request is the rollback) -> the
// revert pull request -> one reply linking both.
import type { RepoConfig } from '../../../config/types.js';
import type { GitHubPort } from '../../../github/github-port.js';
import { resolveSyncConfig } from '../../../sync/resolve-sync-config.js';
import type { SyncDeps } from '../../sync-default-branch.js';
import { done, refused, type CommandResult } from '../command-result.js';
import { findRollbackTarget } from './find-rollback-target.js';
import { openRevertPullRequest } from './open-revert-pull-request.js';
import { reapplyRevision } from './reapply-revision.js';
import { rollbackArgoCd } from './rollback-argocd.js';

export interface RollbackRequest {
  environment?: string;
  sha?: string;
  defaultBranch: string;
  pullNumber: number;
  login: string;
  repoUrl: string;
}

export async function rollbackEnvironment(port: GitHubPort, config: RepoConfig, request: RollbackRequest, deps: SyncDeps): Promise<CommandResult> {
  // 1. The environment (named, or the only one that syncs) and the revision.
  const syncing = config.environments.filter((e) => resolveSyncConfig(config, e).enabled);
  const env = request.environment === undefined ? (syncing.length === 1 ? syncing[0] : undefined) : syncing.find((e) => e.name === request.environment);
  if (!env) return refused(`\`rollback\`: name one environment that syncs (${syncing.map((e) => e.name).join(', ') || 'none has a sync.mode'})`);
  const found = await findRollbackTarget(port, env.name, request.sha);
  if (!found.ok) return refused(`\`rollback ${env.name}\`: ${found.reason}`);
  const short = found.target.sha.slice(0, 7);
  // 2. The cluster goes back now (apply: re-applied; argocd: Argo CD's rollback), recorded as a Deployment of that revision.
  const mode = resolveSyncConfig(config, env).mode;
  const revision = { defaultBranch: request.defaultBranch, currentSha: found.current.sha, targetSha: found.target.sha };
  const lines: string[] = [];
  let ok = true;
  if (mode === 'apply') {
    const outcome = await reapplyRevision(port, config, env, revision, deps);
    ok = outcome === 'synced';
    lines.push(`${env.name} ${ok ? 're-applied at' : `could not be re-applied at (${outcome})`} \`${short}\` ([deployments](${request.repoUrl}/deployments))`);
  } else if (mode === 'argocd') {
    const rolledBack = await rollbackArgoCd(port, config, env, { ...revision, repoUrl: request.repoUrl }, deps);
    ok = rolledBack.ok;
    lines.push(rolledBack.text);
  } else {
    lines.push(`${env.name} uses sync.mode ${mode}: the revert pull request is the rollback`);
  }
  // 3. Git as the source of truth again.
  const revert = await openRevertPullRequest(port, env, { defaultBranch: request.defaultBranch, targetSha: found.target.sha, login: request.login, pullNumber: request.pullNumber });
  lines.push(revert.status === 'opened' ? `revert pull request [#${revert.number}](${revert.htmlUrl})` : `${request.defaultBranch} already has ${env.name}'s files of \`${short}\`: no revert pull request`);
  const text = `\`rollback ${env.name}\` to \`${short}\` (from \`${found.current.sha.slice(0, 7)}\`): ${lines.join('; ')}`;
  return ok ? done(text) : refused(text);
}
