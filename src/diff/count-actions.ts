// How many objects of each action, and the one-line summary of them.
import type { DiffAction, EnvironmentDiff } from './types.js';

export type ActionCounts = Record<DiffAction, number>;

export function countActions(diff: EnvironmentDiff): ActionCounts {
  const counts: ActionCounts = { create: 0, update: 0, unchanged: 0, delete: 0, removed: 0, error: 0 };
  for (const o of diff.objects) counts[o.action] += 1;
  return counts;
}

const PHRASES: ReadonlyArray<[DiffAction, string]> = [
  ['create', 'to create'],
  ['update', 'to update'],
  ['delete', 'to delete'],
  ['removed', 'removed from Git'],
  ['error', 'failed dry-run'],
  ['unchanged', 'unchanged'],
];

/** "2 to create, 1 to update, 1 to delete, 5 unchanged"; "no objects" when empty. */
export function describeCounts(counts: ActionCounts): string {
  const parts = PHRASES.filter(([action]) => counts[action] > 0).map(([action, phrase]) => `${counts[action]} ${phrase}`);
  return parts.length > 0 ? parts.join(', ') : 'no objects';
}
