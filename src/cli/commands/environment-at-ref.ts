// The environment `kubegate drift` and `kubegate sync` act on: the repository
// config at REF names it, and the cluster it names comes from --kubeconfig
// (every cluster name) or the app settings (KUBEGATE_SETTINGS). The CLI runs
// with its user's own credentials, so the config at REF is the one that counts.
import { loadRepoConfigFromSnapshot } from '../../config/load-repo-config-from-snapshot.js';
import type { EnvironmentConfig, RepoConfig } from '../../config/types.js';
import type { Snapshot } from '../../core/types.js';
import type { AppSettings, ClusterSettings } from '../../settings/index.js';
import { readGitSnapshot } from '../../snapshot/read-git-snapshot.js';
import { type CliIo, UsageError } from '../io.js';
import { planSettings, type PlanClusterFlags } from './plan-diff-environment.js';

export interface EnvironmentFlags extends PlanClusterFlags {
  repo: string;
  ref: string;
  env: string;
}

export interface EnvironmentAtRef {
  snapshot: Snapshot;
  config: RepoConfig;
  env: EnvironmentConfig;
}

export async function readEnvironmentAtRef(flags: EnvironmentFlags): Promise<EnvironmentAtRef> {
  const snapshot = await readGitSnapshot({ repoDir: flags.repo, ref: flags.ref });
  const loaded = loadRepoConfigFromSnapshot(snapshot);
  if (!loaded.ok) throw new UsageError(`the repository config at ${flags.ref} is not valid; run \`kubegate plan\` for the details`);
  const env = loaded.config.environments.find((e) => e.name === flags.env);
  if (!env) throw new UsageError(`no environment "${flags.env}" in the repository config (known: ${loaded.config.environments.map((e) => e.name).join(', ') || 'none'})`);
  return { snapshot, config: loaded.config, env };
}

/** The settings and the cluster of the environment; `purpose` completes "has no cluster to …". */
export function environmentCluster(flags: PlanClusterFlags, target: EnvironmentAtRef, io: Pick<CliIo, 'env' | 'cwd'>, purpose: string): { settings: AppSettings; cluster: ClusterSettings } {
  const { env } = target;
  const settings = env.cluster ? planSettings(flags, { ok: true, config: target.config, source: 'file' }, io) : undefined;
  const cluster = env.cluster ? settings?.clusters.get(env.cluster) : undefined;
  if (!settings || !cluster) {
    const why = env.cluster ? `it names cluster "${env.cluster}", which neither --kubeconfig nor the app settings provide` : 'it names no cluster';
    throw new UsageError(`environment "${env.name}" has no cluster to ${purpose}: ${why}`);
  }
  return { settings, cluster };
}
