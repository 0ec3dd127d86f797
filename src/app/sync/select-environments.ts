// Which environments a commit on the default branch syncs, in config order:
// those with a sync.mode that the commit changes, and those whose
// `sync.when: always` asks for every commit (the environment is brought back
// to Git on each merge, whatever the commit touched).
import type { EnvironmentConfig, RepoConfig } from '../../config/types.js';
import { resolveSyncConfig } from '../../sync/resolve-sync-config.js';

export function selectSyncEnvironments(config: RepoConfig, changed: readonly EnvironmentConfig[]): EnvironmentConfig[] {
  const touched = new Set(changed.map((env) => env.name));
  return config.environments.filter((env) => {
    const sync = resolveSyncConfig(config, env);
    return sync.enabled && (sync.when === 'always' || touched.has(env.name));
  });
}
