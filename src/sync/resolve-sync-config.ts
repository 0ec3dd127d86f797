// An environment's effective sync settings: its own `sync` fields, else the
// top-level `sync`, else the defaults. Sync is opt-in: an environment
// without a `sync.mode` (its own or the top level's) is left alone.
import type { EnvironmentConfig, RepoConfig, SyncConfig, SyncMode, SyncWhen } from '../config/types.js';

export interface ResolvedSync {
  /** A `sync.mode` is set (for the environment or at the top level): without one, merges are not synced or recorded. */
  enabled: boolean;
  mode: SyncMode;
  /** changed: pushes that change the environment's files; always: every push to the default branch. */
  when: SyncWhen;
  prune: boolean;
  recreate: boolean;
  waitForRollout: boolean;
  timeoutSeconds: number;
  namespaces?: string[];
  argocd?: NonNullable<SyncConfig['argocd']>;
  flux?: NonNullable<SyncConfig['flux']>;
}

export const DEFAULT_SYNC_TIMEOUT_SECONDS = 300;

export function resolveSyncConfig(config: Pick<RepoConfig, 'sync'>, env: Pick<EnvironmentConfig, 'sync'>): ResolvedSync {
  const pick = <K extends keyof SyncConfig>(key: K): SyncConfig[K] => env.sync?.[key] ?? config.sync?.[key];
  const namespaces = pick('namespaces');
  const argocd = pick('argocd');
  const flux = pick('flux');
  return {
    enabled: pick('mode') !== undefined,
    mode: pick('mode') ?? 'none',
    when: pick('when') ?? 'changed',
    prune: pick('prune') ?? false,
    recreate: pick('recreate') ?? false,
    waitForRollout: pick('waitForRollout') ?? true,
    timeoutSeconds: pick('timeoutSeconds') ?? DEFAULT_SYNC_TIMEOUT_SECONDS,
    ...(namespaces ? { namespaces } : {}),
    ...(argocd ? { argocd } : {}),
    ...(flux ? { flux } : {}),
  };
}
