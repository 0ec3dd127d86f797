// The live counterpart of each desired object (one GET each), for the CLI and
// the watcher's full re-list. Keys are memberKey of the live location, so a
// cluster-scoped kind is keyed without a namespace.
import { mapBounded, type ClusterClient, type KubeObject } from '../cluster/index.js';
import type { ManifestObject } from '../core/types.js';
import { memberKey } from './member-key.js';

export interface LiveMembers {
  /** memberKey -> live object (null: gone). */
  byKey: Map<string, KubeObject | null>;
  /** memberKey of each desired object where it lives. */
  keyOf: Map<ManifestObject, string>;
}

/** `namespace`: the environment's, for objects that name none (as the sync applies them). */
export async function readLive(client: ClusterClient, desired: readonly ManifestObject[], envNamespace?: string, signal?: AbortSignal): Promise<LiveMembers> {
  const byKey = new Map<string, KubeObject | null>();
  const keyOf = new Map<ManifestObject, string>();
  await mapBounded(desired, async (object) => {
    const resource = await client.resource(object.apiVersion, object.kind);
    const namespace = resource.namespaced ? object.namespace ?? envNamespace ?? client.defaultNamespace : undefined;
    const ref = { apiVersion: object.apiVersion, kind: object.kind, name: object.name, ...(namespace ? { namespace } : {}) };
    const key = memberKey(ref);
    keyOf.set(object, key);
    byKey.set(key, await client.find(ref, signal ? { signal } : {}));
  }, { limit: 16 });
  return { byKey, keyOf };
}

/** The lookup computeDrift takes. */
export function lookupLive(members: LiveMembers): (object: ManifestObject) => KubeObject | null {
  return (object) => members.byKey.get(members.keyOf.get(object) ?? '') ?? null;
}
