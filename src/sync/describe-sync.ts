// Counts and one-line reasons of a sync, shared by the deployment status and
// the check run.
import { objectLabel } from '../diff/object-names.js';
import type { SyncAction, SyncedObject, UnhealthyObject } from './types.js';

const PHRASES: ReadonlyArray<[SyncAction, string]> = [
  ['created', 'created'],
  ['configured', 'configured'],
  ['recreated', 'recreated'],
  ['pruned', 'pruned'],
  ['unchanged', 'unchanged'],
  ['failed', 'failed'],
  ['skipped', 'not applied'],
];

export function countSynced(objects: readonly SyncedObject[]): Record<SyncAction, number> {
  const counts: Record<SyncAction, number> = { created: 0, configured: 0, unchanged: 0, recreated: 0, pruned: 0, failed: 0, skipped: 0 };
  for (const o of objects) counts[o.action] += 1;
  return counts;
}

/** "2 created, 1 configured, 5 unchanged"; "no objects" when empty. */
export function describeSynced(objects: readonly SyncedObject[]): string {
  const counts = countSynced(objects);
  const parts = PHRASES.filter(([action]) => counts[action] > 0).map(([action, phrase]) => `${counts[action]} ${phrase}`);
  return parts.length > 0 ? parts.join(', ') : 'no objects';
}

export function describeFailure(o: SyncedObject): string {
  return `${objectLabel(o.ref)}: ${o.message ?? 'failed'}`;
}

export function describeUnhealthy(list: readonly UnhealthyObject[]): string {
  return list.map((u) => `${objectLabel(u.ref)}: ${u.reason}`).join('; ');
}
