// One drift pass of an environment: read the live members (one GET each) and
// compare them with the deployed revision's objects.
import type { ClusterClient } from '../cluster/index.js';
import type { ManifestObject } from '../core/types.js';
import { computeDrift } from './compute-drift.js';
import type { ObjectDriftOptions } from './compute-object-drift.js';
import { lookupLive, readLive } from './read-live.js';
import type { DriftReport } from './types.js';

export interface EnvironmentDriftOptions extends ObjectDriftOptions {
  client: ClusterClient;
  environment: string;
  revision?: string;
  desired: readonly ManifestObject[];
  /** The environment's namespace (objects without one live there). */
  namespace?: string;
  signal?: AbortSignal;
}

export async function checkEnvironmentDrift(options: EnvironmentDriftOptions): Promise<DriftReport> {
  const live = await readLive(options.client, options.desired, options.namespace, options.signal);
  return computeDrift({
    environment: options.environment,
    ...(options.revision ? { revision: options.revision } : {}),
    desired: options.desired,
    live: lookupLive(live),
  }, options);
}
