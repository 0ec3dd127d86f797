// Drift of one member. The fields compared are the leaves of the desired
// object (what kubegate applies): fields only others set (an HPA's replicas
// when Git sets none, defaults, status) are never drift. A leaf drifted when
// its live value differs and kubegate no longer owns it: an update (kubectl
// edit/scale/patch) or a forced apply by another manager takes the field from
// kubegate, while a field kubegate still owns holds what kubegate applied
// (the server may have canonicalized it, "0.5" -> "500m"), so it is not drift.
import type { KubeObject, ManagedFieldsEntry } from '../cluster/kube-object.js';
import type { ObjectRef } from '../core/types.js';
import { jsonEqual } from '../diff/json-equal.js';
import { maskSecretPair } from '../diff/mask-secret-data.js';
import { normalizeObject } from '../diff/normalize-object.js';
import type { JsonObject } from '../diff/types.js';
import { attributeField } from './attribute-field.js';
import { ownsPath } from './fields-v1.js';
import { formatPath, leafPaths } from './leaf-paths.js';
import type { DriftedField, DriftedObject } from './types.js';

export interface ObjectDriftOptions {
  /** Defaults to "kubegate". */
  fieldManager?: string;
  /** Managers whose changes are expected (controllers): fields they own are not drift. */
  ignoreManagers?: readonly string[];
}

export const DEFAULT_IGNORED_MANAGERS: readonly string[] = ['kube-controller-manager'];

function ownedBy(entries: readonly ManagedFieldsEntry[], manager: string, path: Parameters<typeof ownsPath>[1], live: unknown): boolean {
  return entries.some((e) => e.manager === manager && ownsPath(e.fieldsV1, path, live));
}

/** The member's drift; null when it is in sync. `live` null: the member was deleted. */
export function computeObjectDrift(ref: ObjectRef, desired: JsonObject, live: KubeObject | null, options: ObjectDriftOptions = {}): DriftedObject | null {
  if (live === null) return { ref, state: 'deleted', fields: [] };
  const manager = options.fieldManager ?? 'kubegate';
  const ignored = new Set(options.ignoreManagers ?? DEFAULT_IGNORED_MANAGERS);
  const entries = live.metadata.managedFields ?? [];
  const masked = maskSecretPair(normalizeObject(live), normalizeObject(desired));
  const fields: DriftedField[] = [];
  for (const leaf of leafPaths(masked.merged, masked.live)) {
    if (leaf.path[0] === 'apiVersion' || leaf.path[0] === 'kind' || jsonEqual(leaf.desired, leaf.live)) continue;
    if (ownedBy(entries, manager, leaf.path, live)) continue;
    const who = attributeField(entries, manager, leaf.path, live);
    if (who.manager !== undefined && ignored.has(who.manager)) continue;
    fields.push({ path: formatPath(leaf.path), before: leaf.desired, after: leaf.live, ...who });
  }
  return fields.length > 0 ? { ref, state: 'changed', fields } : null;
}
