// The app's drift detection: after each successful sync of an environment
// (a merge or push, a /rollback, a pre-merge /sync), (re)start watching it
// against the synced commit (the deployed revision).
// Environments the app settings leave out (a cluster with drift: false, or
// not matched by drift.environments) are not watched.
// Per environment, only the replica holding the Lease "kubegate-sync-drift-<env>"
// watches and reports; the others wait for it. Reports go to the check run
// `kubegate/drift (ENV)` on the default branch head: when the head moves
// (moveHead, on every push), the last report is published on the new head
// without listing the cluster again. With drift.selfHeal the drifted objects
// are re-applied (backing off, never during or after a newer sync) and the
// heal recorded as a Deployment.
// After an app restart, rebuild-drift.ts tracks again what the clusters'
// ApplySet parents record as synced.
import { hostname } from 'node:os';
import { createClusterClient, type ClusterClient } from '../../cluster/index.js';
import type { EnvironmentConfig } from '../../config/types.js';
import type { ManifestObject } from '../../core/types.js';
import { createHealBackoff } from '../../drift/heal/heal-backoff.js';
import { healDrift } from '../../drift/heal/heal-drift.js';
import type { DriftReport } from '../../drift/types.js';
import { startDriftWatcher } from '../../drift/watch/create-drift-watcher.js';
import { abortableSleep } from '../../drift/watch/watch-loop.js';
import type { GitHubPort } from '../../github/github-port.js';
import { clusterConnection, decideDriftWatch, type AppSettings, type ClusterSettings } from '../../settings/index.js';
import { applySetParent } from '../../sync/applyset-parent.js';
import { withEnvironmentLease } from '../../sync/lease/environment-lease.js';
import { createDefaultBranchHeads } from './default-branch-heads.js';
import { createDriftFeed, type DriftFeed } from './drift-feed.js';
import { healWhileCurrent } from './heal-while-current.js';
import { recordHeal } from './record-heal.js';

export interface DriftTarget {
  port: GitHubPort;
  /** The deployed revision: the commit `desired` was rendered from. */
  sha: string;
  environment: EnvironmentConfig;
  desired: readonly ManifestObject[];
}

export interface DriftService {
  track(target: DriftTarget): void;
  /**
   * The repository's default branch is at `head` now (`before`: the commit it
   * replaced, when known): every watched environment of it publishes its last
   * report on `head`. A head heard of before never moves it back.
   */
  moveHead(port: GitHubPort, head: string, before?: string): void;
  close(): Promise<void>;
}

export interface DriftServiceDeps {
  createClient?: (connection: ReturnType<typeof clusterConnection> & { defaultNamespace?: string }) => ClusterClient;
  log?: { warn(message: string): void };
  debounceMs?: number;
}

interface Tracked {
  /** The deployed revision watched, and the environment's config it was watched with. */
  sha: string;
  environment: EnvironmentConfig;
  stop: AbortController;
  done: Promise<void>;
  /** The watch gave up (an error was logged): tracking the same revision again restarts it. */
  ended: boolean;
  feed: DriftFeed;
}

/** The Lease wait of a standby replica, ended by close(). */
async function stoppable(ms: number, signal: AbortSignal): Promise<void> {
  await abortableSleep(ms, signal);
  if (signal.aborted) throw new Error('the drift service stopped');
}

const repositoryOf = (port: GitHubPort): string => `${port.repo.owner}/${port.repo.repo}`;
const sameConfig = (a: EnvironmentConfig, b: EnvironmentConfig): boolean => JSON.stringify(a) === JSON.stringify(b);

export function createDriftService(settings: AppSettings, deps: DriftServiceDeps = {}): DriftService {
  const running = new Map<string, Tracked>();
  const heads = createDefaultBranchHeads();
  const createClient = deps.createClient ?? ((connection) => createClusterClient(connection));
  const warn = (message: string): void => deps.log?.warn(`kubegate drift: ${message}`);
  const warnError = (env: string) => (err: unknown): void => warn(`${env}: ${err instanceof Error ? err.message : String(err)}`);

  async function watchHolding(target: DriftTarget, cluster: ClusterSettings, client: ClusterClient, feed: DriftFeed, signal: AbortSignal): Promise<void> {
    const env = target.environment;
    const namespace = env.namespace ?? client.defaultNamespace;
    const backoff = createHealBackoff();
    const desired = target.desired;
    const parent = applySetParent(env.name, namespace);
    const guard = { client, leaseNamespace: cluster.leaseNamespace, environment: env.name, revision: target.sha, parent: parent.ref };
    const onReport = async (report: DriftReport): Promise<void> => {
      await feed.report(report);
      if (!env.drift?.selfHeal || report.drifted.length === 0) return;
      const heal = await healWhileCurrent(guard, () => healDrift({ client, report, desired, applySetId: parent.id, namespace, backoff, signal }));
      if (heal.healed) await recordHeal(feed.port(), target.sha, env.name, heal.value, feed.runUrl());
    };
    const watcher = await startDriftWatcher({
      client, environment: env.name, revision: target.sha, desired, applySetId: parent.id, namespace, onReport,
      onError: warnError(env.name),
      ...(deps.debounceMs ? { debounceMs: deps.debounceMs } : {}),
    });
    await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
    await watcher.close();
  }

  return {
    track(target) {
      const env = target.environment;
      const cluster = env.cluster ? settings.clusters.get(env.cluster) : undefined;
      const repository = repositoryOf(target.port);
      if (!cluster || !decideDriftWatch(settings, { repository, environment: env.name, cluster }).watch) return;
      const key = `${repository}/${env.name}`;
      const previous = running.get(key);
      // The second event of a merge (or a redelivery) finds the revision watched already.
      if (previous && !previous.ended && previous.sha === target.sha && sameConfig(previous.environment, env)) return;
      previous?.stop.abort();
      const stop = new AbortController();
      // The head: the newest one heard of, else the previous watcher's, else the deployed commit itself.
      const feed = createDriftFeed({ port: target.port, head: heads.current(repository) ?? previous?.feed.head() ?? target.sha, onDrift: env.drift?.conclusion ?? 'failure' });
      const client = createClient({ ...clusterConnection(cluster), ...(env.namespace ? { defaultNamespace: env.namespace } : {}) });
      const holder = `${hostname()}/${process.pid}/drift`;
      const lease = { client, namespace: cluster.leaseNamespace, environment: `drift-${env.name}`, holder, waitMs: Number.MAX_SAFE_INTEGER, pollMs: 10_000, sleep: (ms: number) => stoppable(ms, stop.signal) };
      // The previous watcher releases the Lease first, so this one takes it at once instead of polling.
      const tracked: Tracked = { sha: target.sha, environment: env, stop, done: Promise.resolve(), ended: false, feed };
      tracked.done = (previous?.done ?? Promise.resolve())
        .then(() => withEnvironmentLease(lease, (lost) => watchHolding(target, cluster, client, feed, AbortSignal.any([lost, stop.signal]))))
        .catch(warnError(env.name))
        .finally(() => {
          tracked.ended = true;
        });
      running.set(key, tracked);
    },
    moveHead(port, head, before) {
      const repository = repositoryOf(port);
      if (!heads.advance(repository, head, before)) return;
      for (const [key, tracked] of running) {
        if (key.startsWith(`${repository}/`)) tracked.feed.moveHead(port, head).catch(warnError(key.slice(repository.length + 1)));
      }
    },
    async close() {
      for (const r of running.values()) r.stop.abort();
      await Promise.all([...running.values()].map((r) => r.done));
      running.clear();
    },
  };
}
