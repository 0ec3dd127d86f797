// An environment's drift: every desired object of the deployed revision
// against its live counterpart (none: the member was deleted).
import type { KubeObject } from '../cluster/kube-object.js';
import type { ManifestObject } from '../core/types.js';
import { computeObjectDrift, type ObjectDriftOptions } from './compute-object-drift.js';
import type { DriftReport } from './types.js';

export interface DriftInputs {
  environment: string;
  revision?: string;
  /** The deployed revision's objects. */
  desired: readonly ManifestObject[];
  /** The live counterpart of a desired object; null when it is gone. */
  live: (object: ManifestObject) => KubeObject | null;
}

export function computeDrift(inputs: DriftInputs, options: ObjectDriftOptions = {}): DriftReport {
  const drifted = inputs.desired.flatMap((object) => {
    const live = inputs.live(object);
    const namespace = live?.metadata.namespace ?? object.namespace;
    const ref = { apiVersion: object.apiVersion, kind: object.kind, name: object.name, ...(namespace ? { namespace } : {}) };
    const drift = computeObjectDrift(ref, object.body, live, options);
    return drift ? [drift] : [];
  });
  return { environment: inputs.environment, ...(inputs.revision ? { revision: inputs.revision } : {}), checked: inputs.desired.length, drifted };
}
