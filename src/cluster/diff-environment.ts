// The whole cluster diff of one environment, for the pipeline (injected as a
// DiffEnvironment, so the core stays free of cluster imports): decide whether
// the dry-run may run (app settings: cluster known, repository allowed, fork),
// dry-run against the cluster, then build the check and comment sections
// (objects removed from Git are deletions when the environment's sync prunes them).
// One client per cluster is kept, so connections and discovery are reused.
import { buildDiffCheck, buildEnvironmentDiff, decideRemovalPolicy, findRemovedObjects, renderDiffMarkdown, skippedDiffCheck } from '../diff/index.js';
import type { DiffEnvironment, EnvironmentDiffResult } from '../diff/types.js';
import { clusterConnection, decideClusterDryRun, type AppSettings, type ClusterConnection } from '../settings/index.js';
import { createClusterClient, type ClusterClient } from './cluster-client.js';
import { dryRunEnvironment } from './dry-run-environment.js';

export type CreateClient = (options: ClusterConnection) => ClusterClient;

function failed(environment: string, reason: string): EnvironmentDiffResult {
  const check = skippedDiffCheck(environment, reason, 'failure');
  return { check: { ...check, title: 'cluster dry-run failed' }, sections: [] };
}

export function createDiffEnvironment(settings: AppSettings, createClient: CreateClient = createClusterClient): DiffEnvironment {
  const clients = new Map<string, ClusterClient>();
  const clientFor = (name: string, connection: ClusterConnection): ClusterClient => {
    let client = clients.get(name);
    if (!client) {
      client = createClient(connection);
      clients.set(name, client);
    }
    return client;
  };
  return async (request) => {
    const decision = decideClusterDryRun(settings, { repository: request.repository, fromFork: request.fromFork, ...(request.cluster ? { cluster: request.cluster } : {}) });
    if (!decision.run) return { check: skippedDiffCheck(request.environment, decision.reason, decision.conclusion), sections: [] };
    let client: ClusterClient;
    try {
      client = clientFor(decision.cluster.name, clusterConnection(decision.cluster));
    } catch (err: unknown) {
      return failed(request.environment, `Cluster "${decision.cluster.name}" cannot be used: ${err instanceof Error ? err.message : String(err)}`);
    }
    const dryRun = await dryRunEnvironment({
      client,
      environment: request.environment,
      cluster: decision.cluster.name,
      objects: request.head,
      removed: findRemovedObjects(request.base, request.head, request.namespace),
      ...(request.namespace ? { defaultNamespace: request.namespace } : {}),
      concurrency: settings.dryRun.concurrency,
      timeoutMs: settings.dryRun.timeoutSeconds * 1000,
    });
    // The ApplySet's parent lives where the sync puts it: the environment's namespace, else the context's.
    const applySet = { environment: request.environment, namespace: request.namespace ?? client.defaultNamespace };
    const diff = buildEnvironmentDiff(dryRun, request.sync ? { removal: decideRemovalPolicy(request.sync, applySet) } : {});
    return { check: buildDiffCheck(diff, { unreachableConclusion: settings.unreachableConclusion }), sections: renderDiffMarkdown(diff) };
  };
}
