// Objects present at base and gone at head, by identity (group, kind,
// namespace, name; a version change is the same object).
import type { ManifestObject } from '../core/types.js';
import { objectKey, splitApiVersion } from './object-names.js';

/** An object's identity in an environment: group, kind, namespace (the default when it names none) and name. */
export function identityKey(o: ManifestObject, defaultNamespace: string | undefined): string {
  return objectKey({ group: splitApiVersion(o.apiVersion).group, kind: o.kind, name: o.name, namespace: o.namespace ?? defaultNamespace });
}

export function findRemovedObjects(
  base: readonly ManifestObject[],
  head: readonly ManifestObject[],
  defaultNamespace?: string,
): ManifestObject[] {
  const atHead = new Set(head.map((o) => identityKey(o, defaultNamespace)));
  const seen = new Set<string>();
  return base.filter((o) => {
    const key = identityKey(o, defaultNamespace);
    if (atHead.has(key) || seen.has(key) || o.kind === '' || o.name === '') return false;
    seen.add(key);
    return true;
  });
}
