// The effectful side of a sync, injected into the app's workflow: decide
// whether the environment's cluster may be used (app settings), then run one
// sync at a time per environment (in-process queue, newer commits collapse
// to the newest that contains them; a Lease in the target cluster across
// replicas, under which an apply-mode sync of a commit older than the one
// last synced ends as superseded) in the environment's mode. A dry run (apply mode only) writes
// nothing, so it takes neither the queue nor the Lease. Never throws for
// cluster, Argo CD or Flux faults: they are part of the result.
import { hostname } from 'node:os';
import { createClusterClient, type ClusterClient } from '../cluster/index.js';
import type { EnvironmentConfig } from '../config/types.js';
import type { ManifestObject } from '../core/types.js';
import { clusterConnection, decideClusterDryRun, type AppSettings, type ClusterConnection, type ClusterSettings } from '../settings/index.js';
import { applySetParent } from './applyset-parent.js';
import { syncWithApply } from './apply/sync-with-apply.js';
import { findNewerRevision, type IsAncestor } from './find-newer-revision.js';
import { withEnvironmentLease } from './lease/environment-lease.js';
import { createSyncQueue, type QueueOutcome, type SyncQueue } from './lease/sync-queue.js';
import { rollbackWithArgoCd } from './modes/rollback-with-argocd.js';
import { syncWithArgoCd } from './modes/sync-with-argocd.js';
import { syncWithFlux } from './modes/sync-with-flux.js';
import type { ResolvedSync } from './resolve-sync-config.js';
import type { SyncResult } from './types.js';

export interface EnvironmentSyncRequest {
  /** "owner/name". */
  repository: string;
  environment: EnvironmentConfig;
  sync: ResolvedSync;
  sha: string;
  /** The environment's objects at `sha` (apply mode). */
  objects: readonly ManifestObject[];
  /** The app installation of the repository (recorded on the ApplySet parent). */
  installationId?: number;
  /** Preview only (apply mode): server-side dryRun=All for every object and prune, nothing written. */
  dryRun?: boolean;
  /** ChatOps /rollback to `sha`: apply mode re-applies it, even when it is older than what runs; argocd asks Argo CD's rollback (flux has none). */
  rollback?: boolean;
  /**
   * Keeps syncs in commit order (not for a rollback). Apply mode: asked under
   * the Lease whether `sha` is older than the commit the ApplySet parent
   * records (then superseded, nothing applied). Any mode: when a later
   * arrival replaced `sha` in the queue, whether that one contains it (if
   * not, `sha` queues again). Without it (the CLI), arrival order counts.
   */
  isAncestor?: IsAncestor;
}

export type SyncExecutor = (request: EnvironmentSyncRequest) => Promise<QueueOutcome<SyncResult>>;

export interface SyncExecutorDeps {
  createClient?: (connection: ClusterConnection & { defaultNamespace?: string }) => ClusterClient;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  queue?: SyncQueue;
  /** Lease timings (tests shorten them). */
  lease?: { durationSeconds?: number; waitMs?: number; pollMs?: number };
}

/** Whether commit `by` contains the request's commit; without the question (or for a rollback), the queue's order is trusted. */
async function containedIn(request: EnvironmentSyncRequest, by: string): Promise<boolean> {
  if (!request.isAncestor || request.rollback || by === request.sha) return true;
  return request.isAncestor(request.sha, by).catch(() => true); // GitHub cannot say: as before, the newer arrival wins
}

function immediate(request: EnvironmentSyncRequest, status: SyncResult['status'], reason: string): SyncResult {
  const { environment, sync } = request;
  return { environment: environment.name, cluster: environment.cluster ?? '', mode: sync.mode, status, reason, objects: [], unhealthy: [], durationMs: 0 };
}

export function createSyncExecutor(settings: AppSettings, deps: SyncExecutorDeps = {}): SyncExecutor {
  const createClient = deps.createClient ?? ((connection) => createClusterClient(connection));
  const queue = deps.queue ?? createSyncQueue();
  const env = deps.env ?? process.env;
  const clients = new Map<string, ClusterClient>();
  const clientFor = (cluster: ClusterSettings): ClusterClient => {
    let client = clients.get(cluster.name);
    if (!client) clients.set(cluster.name, (client = createClient(clusterConnection(cluster))));
    return client;
  };

  const dispatch = async (request: EnvironmentSyncRequest, cluster: ClusterSettings, signal?: AbortSignal): Promise<SyncResult> => {
    const { environment, sync } = request;
    const common = { environment: environment.name, cluster: cluster.name, timeoutMs: sync.timeoutSeconds * 1000, ...(signal ? { signal } : {}) };
    if (sync.mode === 'apply') {
      return syncWithApply({
        ...common,
        client: clientFor(cluster),
        objects: request.objects,
        prune: sync.prune,
        recreate: sync.recreate,
        waitForRollout: sync.waitForRollout,
        ...(environment.namespace ? { namespace: environment.namespace } : {}),
        record: { repository: request.repository, revision: request.sha, ...(request.installationId !== undefined ? { installationId: request.installationId } : {}) },
        ...(sync.namespaces ? { allowedNamespaces: sync.namespaces } : {}),
        ...(request.dryRun ? { dryRun: true } : {}),
      });
    }
    if (sync.mode === 'flux') {
      if (request.rollback) return immediate(request, 'refused', 'Flux has no rollback call: the revert pull request is the rollback');
      if (!sync.flux) return immediate(request, 'refused', 'sync.mode is flux, but sync.flux.kustomization is not set');
      return syncWithFlux({ ...common, client: clientFor(cluster), ...sync.flux });
    }
    const argocd = cluster.argocd;
    if (!sync.argocd) return immediate(request, 'refused', 'sync.mode is argocd, but sync.argocd.application is not set');
    if (!argocd) return immediate(request, 'refused', `sync.mode is argocd, but cluster "${cluster.name}" has no argocd (url, tokenEnv) in the kubegate app settings`);
    const token = env[argocd.tokenEnv];
    if (!token) return immediate(request, 'refused', `the Argo CD token variable ${argocd.tokenEnv} (app settings, cluster "${cluster.name}") is not set`);
    const target = {
      ...common,
      url: argocd.url,
      token,
      application: sync.argocd.application,
      ...(sync.argocd.namespace ? { appNamespace: sync.argocd.namespace } : {}),
      revision: request.sha,
      prune: sync.prune,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    };
    return request.rollback ? rollbackWithArgoCd(target) : syncWithArgoCd(target);
  };

  /** The newer commit the environment already runs, when this apply-mode sync is of an older one. */
  const newerRevision = (request: EnvironmentSyncRequest, cluster: ClusterSettings, signal: AbortSignal): Promise<string | undefined> => {
    const { environment, isAncestor } = request;
    if (request.sync.mode !== 'apply' || request.rollback || !isAncestor) return Promise.resolve(undefined);
    const client = clientFor(cluster);
    const parent = applySetParent(environment.name, environment.namespace ?? client.defaultNamespace);
    return findNewerRevision({ client, parent, repository: request.repository, sha: request.sha, isAncestor, signal });
  };

  const withLease = async (request: EnvironmentSyncRequest, cluster: ClusterSettings): Promise<QueueOutcome<SyncResult>> => {
    if (request.sync.mode === 'argocd') return { status: 'ran', value: await dispatch(request, cluster) }; // Argo CD runs one operation per Application itself
    try {
      return await withEnvironmentLease(
        {
          client: clientFor(cluster),
          namespace: cluster.leaseNamespace,
          environment: request.environment.name,
          holder: `${hostname()}/${process.pid}/${request.sha.slice(0, 12)}`,
          ...deps.lease,
        },
        async (signal): Promise<QueueOutcome<SyncResult>> => {
          const newer = await newerRevision(request, cluster, signal);
          if (newer !== undefined) return { status: 'superseded', by: newer, deployed: true };
          return { status: 'ran', value: await dispatch(request, cluster, signal) };
        },
      );
    } catch (err: unknown) {
      return { status: 'ran', value: immediate(request, 'failed', `the sync did not run: ${err instanceof Error ? err.message : String(err)}`) };
    }
  };

  return async (request) => {
    const { environment, sync } = request;
    if (sync.mode === 'none') return { status: 'ran', value: immediate(request, 'recorded', 'sync.mode is none: kubegate records the deployment and changes nothing') };
    if (environment.cluster === undefined) return { status: 'ran', value: immediate(request, 'refused', 'the environment names no cluster (`cluster:` in .github/kubegate.yml)') };
    const decision = decideClusterDryRun(settings, { repository: request.repository, cluster: environment.cluster, fromFork: false });
    if (!decision.run) return { status: 'ran', value: immediate(request, 'refused', decision.reason) };
    if (request.dryRun) {
      const value = sync.mode === 'apply' ? await dispatch(request, decision.cluster) : immediate(request, 'refused', `a dry run previews sync.mode apply only, not ${sync.mode}`);
      return { status: 'ran', value };
    }
    const submit = (): Promise<QueueOutcome<QueueOutcome<SyncResult>>> => queue.submit(`${decision.cluster.name}/${environment.name}`, request.sha, () => withLease(request, decision.cluster));
    let queued = await submit();
    // The queue trusts arrival order: a late event of an older commit may have replaced this one. Unless it contains this one, wait again.
    while (queued.status === 'superseded' && !(await containedIn(request, queued.by))) queued = await submit();
    return queued.status === 'ran' ? queued.value : queued;
  };
}
