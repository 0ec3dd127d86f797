// Whether the repo config has an environment watched for drift: every
// environment synced in apply mode (its objects are kubegate's ApplySet
// members), unless it says `drift: {enabled: false}`. Argo CD and Flux
// detect drift themselves, so their environments are never watched. The app
// settings may narrow this further (src/settings/decide-drift-watch.ts).
import type { EnvironmentConfig } from '../../config/types.js';
import type { ResolvedSync } from '../../sync/resolve-sync-config.js';

/** Why the environment is not watched; undefined when it is. */
export function driftNotWatchedReason(env: Pick<EnvironmentConfig, 'drift'>, sync: Pick<ResolvedSync, 'mode' | 'enabled'>): string | undefined {
  if (!sync.enabled) return 'the environment has no sync.mode';
  if (sync.mode !== 'apply') return `the environment is synced by ${sync.mode === 'argocd' ? 'Argo CD' : sync.mode === 'flux' ? 'Flux' : 'nobody (sync.mode none)'}, not in apply mode`;
  if (env.drift?.enabled === false) return 'the environment turns drift detection off (drift.enabled: false)';
  return undefined;
}
