// The app's drift detection: after each successful sync of an environment,
// (re)start watching it against the synced commit (the deployed revision).
// Environments the app settings leave out (a cluster with drift: false, or
// not matched by drift.environments) are not watched.
// Per environment, only the replica holding the Lease "kubegate-sync-drift-<env>"
// watches and reports; the others wait for it. Reports go to the check run
// `kubegate/drift (ENV)` on the synced commit; with drift.selfHeal the drifted
// objects are re-applied (backing off) and the heal recorded as a Deployment.
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
import type { GitHubPort } from '../../github/github-port.js';
import { clusterConnection, decideDriftWatch, type AppSettings } from '../../settings/index.js';
import { applySetParent } from '../../sync/applyset-parent.js';
import { withEnvironmentLease } from '../../sync/lease/environment-lease.js';
import { abortableSleep } from '../../drift/watch/watch-loop.js';
import { createDriftCheckPublisher } from './drift-check-publisher.js';
import { recordHeal } from './record-heal.js';

export interface DriftTarget {
  port: GitHubPort;
  /** The synced commit: the deployed revision, and the default branch head the check run goes on. */
  sha: string;
  environment: EnvironmentConfig;
  desired: readonly ManifestObject[];
}

export interface DriftService {
  track(target: DriftTarget): void;
  close(): Promise<void>;
}

export interface DriftServiceDeps {
  createClient?: (connection: ReturnType<typeof clusterConnection> & { defaultNamespace?: string }) => ClusterClient;
  log?: { warn(message: string): void };
  debounceMs?: number;
}

/** The Lease wait of a standby replica, ended by close(). */
async function stoppable(ms: number, signal: AbortSignal): Promise<void> {
  await abortableSleep(ms, signal);
  if (signal.aborted) throw new Error('the drift service stopped');
}

export function createDriftService(settings: AppSettings, deps: DriftServiceDeps = {}): DriftService {
  const running = new Map<string, { stop: AbortController; done: Promise<void> }>();
  const createClient = deps.createClient ?? ((connection) => createClusterClient(connection));
  const warn = (message: string): void => deps.log?.warn(`kubegate drift: ${message}`);

  async function watchHolding(target: DriftTarget, client: ClusterClient, signal: AbortSignal): Promise<void> {
    const env = target.environment;
    const namespace = env.namespace ?? client.defaultNamespace;
    const publisher = createDriftCheckPublisher(target.port, env.drift?.conclusion ?? 'failure');
    const backoff = createHealBackoff();
    const desired = target.desired;
    const applySetId = applySetParent(env.name, namespace).id;
    const onReport = async (report: DriftReport): Promise<void> => {
      await publisher.publish(report, target.sha);
      if (!env.drift?.selfHeal || report.drifted.length === 0) return;
      const healed = await healDrift({ client, report, desired, applySetId, namespace, backoff, signal });
      await recordHeal(target.port, target.sha, env.name, healed);
    };
    const watcher = await startDriftWatcher({
      client, environment: env.name, revision: target.sha, desired, applySetId, namespace, onReport,
      onError: (err) => warn(`${env.name}: ${err instanceof Error ? err.message : String(err)}`),
      ...(deps.debounceMs ? { debounceMs: deps.debounceMs } : {}),
    });
    await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
    await watcher.close();
  }

  return {
    track(target) {
      const env = target.environment;
      const cluster = env.cluster ? settings.clusters.get(env.cluster) : undefined;
      const repository = `${target.port.repo.owner}/${target.port.repo.repo}`;
      if (!cluster || !decideDriftWatch(settings, { repository, environment: env.name, cluster }).watch) return;
      const key = `${repository}/${env.name}`;
      running.get(key)?.stop.abort();
      const stop = new AbortController();
      const client = createClient({ ...clusterConnection(cluster), ...(env.namespace ? { defaultNamespace: env.namespace } : {}) });
      const holder = `${hostname()}/${process.pid}/drift`;
      const done = withEnvironmentLease(
        { client, namespace: cluster.leaseNamespace, environment: `drift-${env.name}`, holder, waitMs: Number.MAX_SAFE_INTEGER, pollMs: 10_000, sleep: (ms) => stoppable(ms, stop.signal) },
        (lost) => watchHolding(target, client, AbortSignal.any([lost, stop.signal])),
      ).catch((err: unknown) => warn(`${env.name}: ${err instanceof Error ? err.message : String(err)}`));
      running.set(key, { stop, done });
    },
    async close() {
      for (const r of running.values()) r.stop.abort();
      await Promise.all([...running.values()].map((r) => r.done));
      running.clear();
    },
  };
}
