// /sync [ENV]: on a merged pull request (open ones: presync/pre-merge-sync.ts), the sync pass of its merge commit
// again (the same pass as on merge: approval gate, Lease per environment,
// Deployments). Environments already deployed at that commit are left alone.
import type { GitHubPort } from '../../github/github-port.js';
import type { CommitPullRequest } from '../../github/sync-port.js';
import type { AppDeps } from '../app-deps.js';
import { syncDefaultBranch, type SyncLog } from '../sync-default-branch.js';
import { done, refused, type CommandResult } from './command-result.js';

export interface SyncRequest {
  defaultBranch: string;
  environment?: string;
  repoUrl: string;
}

export async function retrySync(port: GitHubPort, pr: CommitPullRequest, request: SyncRequest, deps: AppDeps, log: SyncLog): Promise<CommandResult> {
  if (!pr.merged || pr.mergeCommitSha === null) {
    return refused(`\`sync\`: #${pr.number} was closed without merging; there is nothing to sync`);
  }
  if (pr.baseRef !== request.defaultBranch) return refused(`\`sync\`: #${pr.number} was merged into ${pr.baseRef}, not the default branch ${request.defaultBranch}`);
  const sha = pr.mergeCommitSha;
  const target = { repo: port.repo, defaultBranch: request.defaultBranch, sha, trigger: 'merge' as const };
  const key = `${port.repo.owner}/${port.repo.repo}@${sha}:sync`;
  const outcome = await deps.queue.run(key, () => syncDefaultBranch(port, target, deps, log));
  if (outcome.status === 'failed') return refused(`\`sync\`: the sync of ${sha.slice(0, 7)} could not finish (the kubegate/sync check runs say why)`);
  if (outcome.status === 'skipped') return refused(`\`sync\`: nothing to sync: ${outcome.reason}`);
  const envs = Object.entries(outcome.environments).filter(([name]) => request.environment === undefined || name === request.environment);
  if (envs.length === 0) return refused(`\`sync\`: merge commit ${sha.slice(0, 7)} changes no environment named ${request.environment ?? ''} that syncs`);
  const failed = envs.some(([, state]) => state === 'failed' || state === 'not-approved');
  const text = `\`sync\`: merge commit ${sha.slice(0, 7)}: ${envs.map(([name, state]) => `${name} ${state}`).join(', ')} ([deployments](${request.repoUrl}/deployments))`;
  return failed ? refused(text) : done(text);
}
