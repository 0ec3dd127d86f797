// Whether a pull request's environment gets a cluster dry-run, and if not,
// why. Small named rules in order; the first that says no gives the reason.
import picomatch from 'picomatch';
import type { Conclusion } from '../core/types.js';
import type { AppSettings, ClusterSettings } from './types.js';

export interface DryRunRequest {
  /** "owner/name" of the repository the pull request targets. */
  repository: string;
  /** The environment's cluster name from the repo config (absent: none named). */
  cluster?: string;
  /** The pull request's head is in another repository (a fork). */
  fromFork: boolean;
}

export type DryRunDecision =
  | { run: true; cluster: ClusterSettings }
  | { run: false; reason: string; conclusion: Conclusion };

type Rule = (settings: AppSettings, request: DryRunRequest, cluster: ClusterSettings | undefined) => Extract<DryRunDecision, { run: false }> | undefined;

const namesACluster: Rule = (_settings, request) =>
  request.cluster === undefined
    ? { run: false, conclusion: 'neutral', reason: 'The environment names no cluster (`cluster:` in .github/kubegate.yml), so there is nothing to dry-run against.' }
    : undefined;

const clusterIsConfigured: Rule = (settings, request, cluster) =>
  cluster === undefined
    ? {
        run: false,
        conclusion: 'failure',
        reason: `Cluster "${request.cluster}" is not defined in the kubegate app settings (${settings.source}); known clusters: ${[...settings.clusters.keys()].join(', ') || 'none'}. Ask the app's operator to add it, or fix the name in .github/kubegate.yml.`,
      }
    : undefined;

const repositoryIsAllowed: Rule = (_settings, request, cluster) => {
  if (!cluster) return undefined;
  const allowed = cluster.repositories.some((glob) => picomatch.isMatch(request.repository, glob, { nocase: true, dot: true }));
  return allowed
    ? undefined
    : {
        run: false,
        conclusion: 'failure',
        reason: `Repository ${request.repository} may not use cluster "${cluster.name}": the app settings allow ${cluster.repositories.join(', ')}.`,
      };
};

const forkIsAllowed: Rule = (settings, request) =>
  request.fromFork && !settings.allowForks
    ? {
        run: false,
        conclusion: 'neutral',
        reason: 'This pull request comes from a fork: kubegate does not send its manifests to a cluster (the app settings have allowForks: false). A maintainer can push the branch to this repository to get the cluster diff.',
      }
    : undefined;

const RULES: readonly Rule[] = [namesACluster, clusterIsConfigured, repositoryIsAllowed, forkIsAllowed];

export function decideClusterDryRun(settings: AppSettings, request: DryRunRequest): DryRunDecision {
  const cluster = request.cluster === undefined ? undefined : settings.clusters.get(request.cluster);
  for (const rule of RULES) {
    const no = rule(settings, request, cluster);
    if (no) return no;
  }
  return { run: true, cluster: cluster as ClusterSettings };
}
