// Whether the app watches an environment for drift, as far as its own
// settings go (the repo config must not turn it off, drift.enabled): not
// on a cluster whose settings say drift: false, and, with a drift.environments
// list, only for the environments it matches ("owner/name:ENVIRONMENT";
// repository globs ignore case as in clusters.*.repositories, environment
// globs do not).
import picomatch from 'picomatch';
import type { AppSettings, ClusterSettings } from './types.js';

export interface DriftWatchRequest {
  /** "owner/name". */
  repository: string;
  environment: string;
  cluster: ClusterSettings;
}

export type DriftWatchDecision = { watch: true } | { watch: false; reason: string };

function matches(glob: string, request: DriftWatchRequest): boolean {
  const split = glob.lastIndexOf(':');
  const repository = glob.slice(0, split);
  const environment = glob.slice(split + 1);
  return picomatch.isMatch(request.repository, repository, { nocase: true, dot: true }) && picomatch.isMatch(request.environment, environment, { dot: true });
}

export function decideDriftWatch(settings: Pick<AppSettings, 'drift' | 'source'>, request: DriftWatchRequest): DriftWatchDecision {
  if (request.cluster.drift === false) return { watch: false, reason: `the app settings turn drift off for cluster "${request.cluster.name}" (clusters.${request.cluster.name}.drift: false)` };
  const allowed = settings.drift?.environments;
  if (allowed === undefined || allowed.some((glob) => matches(glob, request))) return { watch: true };
  const list = allowed.length > 0 ? allowed.join(', ') : 'none';
  return { watch: false, reason: `the app settings (${settings.source}) watch only these environments for drift: ${list} (drift.environments)` };
}
