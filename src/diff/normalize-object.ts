// What the diff ignores: bookkeeping the server writes on every change
// (managedFields, resourceVersion, generation, uid, creationTimestamp), status
// (not applied from Git), kubectl's client-side-apply annotation and the
// ApplySet membership label the sync adds (not written in Git).
import { APPLYSET_PART_OF_LABEL } from '../sync/applyset-keys.js';
import type { JsonObject } from './types.js';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

const DROPPED_METADATA = new Set(['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp', 'selfLink']);

function asMap(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function withoutKeys(map: Record<string, unknown>, drop: (key: string) => boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).filter(([key]) => !drop(key)));
}

/**
 * A normalized copy of `object`. Copies only what it changes (the top level
 * and metadata); deeper values are shared with `object`, so treat both as
 * read-only.
 */
export function normalizeObject(object: JsonObject): JsonObject {
  const copy = withoutKeys(object, (key) => key === 'status');
  const metadata = asMap(copy.metadata);
  if (!metadata) return copy;
  const meta = withoutKeys(metadata, (key) => DROPPED_METADATA.has(key));
  const annotations = asMap(meta.annotations);
  if (annotations && LAST_APPLIED_ANNOTATION in annotations) meta.annotations = withoutKeys(annotations, (key) => key === LAST_APPLIED_ANNOTATION);
  const labels = asMap(meta.labels);
  if (labels && APPLYSET_PART_OF_LABEL in labels) meta.labels = withoutKeys(labels, (key) => key === APPLYSET_PART_OF_LABEL);
  for (const field of ['annotations', 'labels'] as const) {
    const map = asMap(meta[field]);
    if (map && Object.keys(map).length === 0) delete meta[field];
  }
  copy.metadata = meta;
  return copy;
}
