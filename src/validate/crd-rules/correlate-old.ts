// The old value of a node, for transition rules (oldSelf): the same property
// or map key of the old object, and for list items only in lists of type map,
// the old item with the same keys (other list items have no old value, as at
// the API server).
import { isRecord } from './rule-value.js';

export function oldProperty(old: unknown, key: string): unknown {
  return isRecord(old) && Object.hasOwn(old, key) ? old[key] : undefined;
}

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
}

export function oldListItem(old: unknown, item: unknown, mapKeys: readonly string[] | undefined): unknown {
  if (!mapKeys || !Array.isArray(old) || !isRecord(item)) return undefined;
  return old.find((candidate) => isRecord(candidate) && sameKeys(candidate, item, mapKeys));
}
