// On pull_request closed (merged or not): the environments the pull request
// holds after a pre-merge /sync are released. Runs after the merge sync, so a
// merged pull request's environments go to the merge commit first.
import type { RepoConfig } from '../../../config/types.js';
import type { GitHubPort } from '../../../github/github-port.js';
import { readRepoConfig } from '../../../github/read-repo-config.js';
import { releaseHold } from '../../../sync/lease/environment-hold.js';
import { resolveSyncConfig } from '../../../sync/resolve-sync-config.js';
import type { AppDeps } from '../../app-deps.js';
import type { SyncLog } from '../../sync-default-branch.js';
import { holdLease, holdName } from './hold-lease.js';

export function allowsPreMerge(config: RepoConfig, env: RepoConfig['environments'][number]): boolean {
  return (env.sync?.allowPreMerge ?? config.sync?.allowPreMerge ?? false) && resolveSyncConfig(config, env).mode === 'apply';
}

export async function releaseHolds(port: GitHubPort, pullNumber: number, defaultBranch: string, deps: AppDeps, log: SyncLog): Promise<void> {
  // Holds live in clusters: without any in the app settings there is none to release.
  if (deps.settings.clusters.size === 0) return;
  const loaded = await readRepoConfig(port, defaultBranch, deps.loadRepoConfig);
  if (!loaded.ok) return;
  const name = holdName(port.repo, pullNumber);
  for (const env of loaded.config.environments.filter((e) => allowsPreMerge(loaded.config, e))) {
    const lease = holdLease(deps.settings, `${port.repo.owner}/${port.repo.repo}`, env, pullNumber);
    if (!lease.ok) continue;
    try {
      if (await releaseHold(lease.options, name)) log.info(`kubegate: ${name} closed: environment ${env.name} is no longer held`);
    } catch (error: unknown) {
      log.error({ err: error }, `kubegate: ${name} closed, but the hold on environment ${env.name} could not be released`);
    }
  }
}
