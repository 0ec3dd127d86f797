// What the diff ignores: bookkeeping the server writes on every change
// (managedFields, resourceVersion, generation, uid, creationTimestamp), status
// (not applied from Git) and kubectl's client-side-apply annotation.
import type { JsonObject } from './types.js';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

const DROPPED_METADATA = ['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp', 'selfLink'] as const;

function asMap(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A normalized deep copy of `object`. */
export function normalizeObject(object: JsonObject): JsonObject {
  const copy = structuredClone(object);
  delete copy.status;
  const metadata = asMap(copy.metadata);
  if (!metadata) return copy;
  for (const field of DROPPED_METADATA) delete metadata[field];
  const annotations = asMap(metadata.annotations);
  if (annotations) delete annotations[LAST_APPLIED_ANNOTATION];
  for (const field of ['annotations', 'labels'] as const) {
    const map = asMap(metadata[field]);
    if (map && Object.keys(map).length === 0) delete metadata[field];
  }
  return copy;
}
