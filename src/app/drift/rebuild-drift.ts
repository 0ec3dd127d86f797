// Drift watching after an app restart, rebuilt statelessly: every kubegate
// ApplySet parent in the configured clusters records the repository, the
// environment, the installation and the revision its last successful sync
// deployed (src/sync/parent-record.ts). For each one whose repository the
// cluster allows, the repository's config is read from its default branch and
// the environment is watched at that revision, exactly as after a sync
// (onSynced: apply mode, unless drift is turned off), with its check run on
// the default branch head when the repository says where that is. A parent
// that fails is logged and skipped; the rebuild runs in the background and
// never throws.
import { createClusterClient, type ClusterClient } from '../../cluster/index.js';
import type { RepoConfig } from '../../config/types.js';
import type { ManifestObject } from '../../core/types.js';
import { loadDesired } from '../../drift/load-desired.js';
import type { GitHubPort, RepoRef } from '../../github/github-port.js';
import { readRepoConfig, type LoadRepoConfig } from '../../github/read-repo-config.js';
import { takeSnapshot } from '../../github/take-snapshots.js';
import { clusterConnection, decideClusterDryRun, decideDriftWatch, type AppSettings, type ClusterConnection, type ClusterSettings } from '../../settings/index.js';
import { APPLYSET_ID_LABEL } from '../../sync/applyset-keys.js';
import { readParentRecords, type ParentRecord } from '../../sync/parent-record.js';
import { resolveSyncConfig } from '../../sync/resolve-sync-config.js';
import type { SyncDeps } from '../sync-default-branch.js';
import { driftNotWatchedReason } from './drift-watched.js';

export interface RebuildDriftDeps {
  settings: AppSettings;
  /** The repository as its installation sees it (app.auth(installationId)), with its default branch and, when known, that branch's head. */
  openRepository: (installationId: number, repo: RepoRef) => Promise<{ port: GitHubPort; defaultBranch: string; headSha?: string }>;
  loadRepoConfig: LoadRepoConfig;
  onSynced: NonNullable<SyncDeps['onSynced']>;
  /** Where the drift check runs go (the default branch head); without it they go on the recorded revision. */
  onHead?: SyncDeps['onHead'];
  /** The environment's objects at the revision (default: the tarball, rendered like the sync does). */
  readDesired?: (port: GitHubPort, config: RepoConfig, environment: string, revision: string) => Promise<readonly ManifestObject[]>;
  createClient?: (connection: ClusterConnection) => ClusterClient;
  log?: { info(message: string): void; warn(message: string): void };
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function defaultReadDesired(port: GitHubPort, config: RepoConfig, environment: string, revision: string): Promise<readonly ManifestObject[]> {
  return loadDesired(await takeSnapshot(port, revision), config, environment);
}

/** Watches one parent's environment again; the reason when it is skipped. */
async function restoreParent(deps: RebuildDriftDeps, cluster: ClusterSettings, record: ParentRecord): Promise<string | undefined> {
  const decision = decideClusterDryRun(deps.settings, { repository: record.repository, cluster: cluster.name, fromFork: false });
  if (!decision.run) return decision.reason;
  const watch = decideDriftWatch(deps.settings, { repository: record.repository, environment: record.environment, cluster });
  if (!watch.watch) return watch.reason;
  const [owner = '', repo = ''] = record.repository.split('/');
  const { port, defaultBranch, headSha } = await deps.openRepository(record.installationId, { owner, repo });
  const loaded = await readRepoConfig(port, defaultBranch, deps.loadRepoConfig);
  if (!loaded.ok) return `the config on ${defaultBranch} is not valid`;
  const env = loaded.config.environments.find((e) => e.name === record.environment);
  if (!env) return `the config on ${defaultBranch} has no environment "${record.environment}"`;
  if (env.cluster !== cluster.name) return `environment "${env.name}" now names cluster "${env.cluster ?? ''}"`;
  const sync = resolveSyncConfig(loaded.config, env);
  const notWatched = driftNotWatchedReason(env, sync);
  if (notWatched) return notWatched;
  const objects = await (deps.readDesired ?? defaultReadDesired)(port, loaded.config, env.name, record.revision);
  if (headSha) deps.onHead?.(port, headSha);
  deps.onSynced(port, record.revision, { env, objects, sync });
  return undefined;
}

/** The parents found and the environments watched again. */
export async function rebuildDrift(deps: RebuildDriftDeps): Promise<{ parents: number; watched: number }> {
  const createClient = deps.createClient ?? ((connection) => createClusterClient(connection));
  let parents = 0;
  let watched = 0;
  for (const cluster of deps.settings.clusters.values()) {
    let records: ParentRecord[];
    try {
      const client = createClient(clusterConnection(cluster));
      records = readParentRecords(await client.list({ apiVersion: 'v1', kind: 'Secret', allNamespaces: true, labelSelector: APPLYSET_ID_LABEL }));
    } catch (err: unknown) {
      deps.log?.warn(`kubegate drift: cluster "${cluster.name}": the ApplySet parents could not be listed: ${message(err)}`);
      continue;
    }
    for (const record of records) {
      parents++;
      const where = `${record.repository} environment "${record.environment}" (Secret ${record.namespace}/${record.name}, cluster "${cluster.name}")`;
      try {
        const skipped = await restoreParent(deps, cluster, record);
        if (skipped) deps.log?.info(`kubegate drift: not watching ${where}: ${skipped}`);
        else watched++;
      } catch (err: unknown) {
        deps.log?.warn(`kubegate drift: not watching ${where}: ${message(err)}`);
      }
    }
  }
  return { parents, watched };
}

/** rebuildDrift in the background: never blocks the start, never rejects. */
export function startDriftRebuild(deps: RebuildDriftDeps): void {
  void rebuildDrift(deps).then(
    ({ parents, watched }) => deps.log?.info(`kubegate drift: after the start, ${watched} of ${parents} synced environments are watched again`),
    (err: unknown) => deps.log?.warn(`kubegate drift: the rebuild after the start failed: ${message(err)}`),
  );
}
