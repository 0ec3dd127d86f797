// Reads live objects in bulk: when an environment has many objects of one
// kind in one namespace, one paged LIST replaces a GET per object (half the
// requests of a large diff). Groups that cannot be listed (RBAC allows get
// but not list, say) are left to the per-object GET.
import type { ManifestObject } from '../core/types.js';
import type { JsonObject, ResolvedRef } from '../diff/types.js';
import { resolveRef, type DryRunObjectContext } from './dry-run-object.js';
import { mapBounded } from './map-bounded.js';

/** Groups smaller than this are read object by object. */
export const LIST_MIN_OBJECTS = 8;

/** The live object when its group is listed (null: not in the cluster); undefined: read it with a GET. */
export type LiveLookup = (object: ManifestObject, ref: ResolvedRef) => Promise<JsonObject | null | undefined>;

const groupKey = (object: ManifestObject, ref: ResolvedRef): string => `${object.apiVersion}|${object.kind}|${ref.namespace ?? ''}`;

async function listGroup(ctx: DryRunObjectContext, object: ManifestObject, ref: ResolvedRef): Promise<Map<string, JsonObject> | undefined> {
  try {
    const items = await ctx.client.list({
      apiVersion: object.apiVersion,
      kind: object.kind,
      ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    return new Map(items.map((item) => [item.metadata.name ?? '', item as JsonObject]));
  } catch {
    return undefined; // fall back to one GET per object
  }
}

/** Starts the LISTs (they run while the dry-runs start) and returns the lookup. */
export async function prefetchLive(ctx: DryRunObjectContext, objects: readonly ManifestObject[], limit: number): Promise<LiveLookup> {
  const refs = await mapBounded(objects, (o) => resolveRef(ctx, o).catch(() => undefined), { limit });
  const groups = new Map<string, { object: ManifestObject; ref: ResolvedRef; count: number }>();
  objects.forEach((object, i) => {
    const ref = refs[i];
    if (!ref) return;
    const key = groupKey(object, ref);
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { object, ref, count: 1 });
  });
  const listed = new Map<string, Promise<Map<string, JsonObject> | undefined>>();
  for (const [key, { object, ref, count }] of groups) {
    if (count >= LIST_MIN_OBJECTS) listed.set(key, listGroup(ctx, object, ref));
  }
  return async (object, ref) => {
    const group = await listed.get(groupKey(object, ref));
    return group === undefined ? undefined : (group.get(object.name) ?? null);
  };
}
