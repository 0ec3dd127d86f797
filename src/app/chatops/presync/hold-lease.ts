// The Lease options under which an environment's pre-merge hold is read and
// written: the environment's cluster as the app settings allow it for the
// repository, and the hold's own holder identity.
import { hostname } from 'node:os';
import { createClusterClient } from '../../../cluster/index.js';
import type { EnvironmentConfig } from '../../../config/types.js';
import { clusterConnection, decideClusterDryRun, type AppSettings } from '../../../settings/index.js';
import type { LeaseOptions } from '../../../sync/lease/environment-lease.js';

export type HoldLease = { ok: true; options: LeaseOptions } | { ok: false; reason: string };

/** "<owner>/<repo>#<number>": the value of the hold annotation. */
export function holdName(repo: { owner: string; repo: string }, pullNumber: number): string {
  return `${repo.owner}/${repo.repo}#${pullNumber}`;
}

/** A link to the holding pull request, on the same GitHub host as `repoUrl`. */
export function holderLink(holder: string, repoUrl: string): string {
  const match = /^([^/#]+\/[^/#]+)#(\d+)$/.exec(holder);
  return match ? `[${holder}](${new URL(repoUrl).origin}/${match[1] ?? ''}/pull/${match[2] ?? ''})` : holder;
}

export function holdLease(settings: AppSettings, repository: string, env: EnvironmentConfig, pullNumber: number): HoldLease {
  if (env.cluster === undefined) return { ok: false, reason: `environment ${env.name} names no cluster to hold` };
  const decision = decideClusterDryRun(settings, { repository, cluster: env.cluster, fromFork: false });
  if (!decision.run) return { ok: false, reason: decision.reason };
  const client = createClusterClient(clusterConnection(decision.cluster));
  return {
    ok: true,
    options: { client, namespace: decision.cluster.leaseNamespace, environment: env.name, holder: `${hostname()}/${process.pid}/hold-${pullNumber}` },
  };
}
