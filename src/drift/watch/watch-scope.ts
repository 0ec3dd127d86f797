// What the watcher watches: one list+watch per member kind and namespace (the
// ApplySet's contains-group-kinds x namespaces, taken from the deployed
// revision's objects), each filtered by the membership label. Also the
// memberKey of each desired object where it lives.
import type { ClusterClient } from '../../cluster/index.js';
import type { ManifestObject } from '../../core/types.js';
import { memberKey } from '../member-key.js';

export interface WatchScope {
  apiVersion: string;
  kind: string;
  /** Absent for cluster-scoped kinds. */
  namespace?: string;
}

export interface WatchPlan {
  scopes: WatchScope[];
  keyOf: Map<ManifestObject, string>;
}

export async function planWatch(client: ClusterClient, desired: readonly ManifestObject[], envNamespace?: string): Promise<WatchPlan> {
  const scopes = new Map<string, WatchScope>();
  const keyOf = new Map<ManifestObject, string>();
  for (const object of desired) {
    const resource = await client.resource(object.apiVersion, object.kind);
    const namespace = resource.namespaced ? object.namespace ?? envNamespace ?? client.defaultNamespace : undefined;
    const scope = { apiVersion: object.apiVersion, kind: object.kind, ...(namespace ? { namespace } : {}) };
    scopes.set(memberKey({ ...scope, name: '' }), scope);
    keyOf.set(object, memberKey({ ...scope, name: object.name }));
  }
  return { scopes: [...scopes.values()], keyOf };
}
