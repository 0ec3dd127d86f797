// An environment's `namespace` for the objects that name none, as applying
// them there would do (the body is left as written; cluster-scoped kinds
// ignore it, as the policy engine decides which kinds are namespaced).
import type { ManifestObject } from '../core/types.js';

export function withDefaultNamespace(objects: readonly ManifestObject[], namespace: string | undefined): readonly ManifestObject[] {
  if (namespace === undefined) return objects;
  return objects.map((o) => (o.namespace === undefined ? { ...o, namespace } : o));
}
