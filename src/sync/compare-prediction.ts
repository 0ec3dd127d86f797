// What the sync changed against what the pull request's preview predicted:
// the preview's dry-run recomputed at the merge commit for the objects the
// merge changed (base..merge), against the objects the sync actually created,
// configured, recreated or pruned. Each mismatch is one sentence.
import { objectKey, objectLabel, splitApiVersion } from '../diff/object-names.js';
import type { SyncedObject } from './types.js';

export interface Prediction {
  /** objectKey of every object in the files / overlays the merge changed. */
  changed: ReadonlySet<string>;
  /** objectKey of every object the merge removed from Git. */
  removed: ReadonlySet<string>;
}

const CHANGED = new Set(['created', 'configured', 'recreated']);

/** Objects in Git without a namespace are keyed with "" when the environment names none. */
function has(keys: ReadonlySet<string>, ref: SyncedObject['ref']): boolean {
  return keys.has(objectKey(ref)) || (ref.namespace !== undefined && keys.has(objectKey({ ...ref, namespace: '' })));
}

/** The key of an object in Git, with the environment's namespace for namespaced objects that name none. */
export function predictionKey(object: { apiVersion: string; kind: string; name: string; namespace?: string }, namespace: string | undefined): string {
  return objectKey({ group: splitApiVersion(object.apiVersion).group, kind: object.kind, name: object.name, namespace: object.namespace ?? namespace ?? '' });
}

export function comparePrediction(objects: readonly SyncedObject[], prediction: Prediction): string[] {
  const mismatches: string[] = [];
  for (const o of objects) {
    const label = objectLabel(o.ref);
    const predictedChange = o.predicted === 'create' || o.predicted === 'update';
    if (CHANGED.has(o.action) && !has(prediction.changed, o.ref)) {
      mismatches.push(`${label} was ${o.action}, but the pull request did not change it: the cluster differed from Git (a change outside Git, or an earlier commit not synced)`);
    } else if (o.action === 'unchanged' && has(prediction.changed, o.ref) && predictedChange) {
      mismatches.push(`${label}: the preview predicted a change, but applying changed nothing`);
    } else if (o.action === 'pruned' && !has(prediction.removed, o.ref)) {
      mismatches.push(`${label} was pruned, but this merge did not remove it from Git (removed earlier, while prune was off or a sync failed)`);
    }
  }
  return mismatches;
}
