// The identity of a member across the desired list and live objects: group,
// kind, namespace and name (not the version), as the diff keys objects.
import { objectKey, splitApiVersion } from '../diff/object-names.js';

export interface KeyedRef {
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
}

export function memberKey(ref: KeyedRef): string {
  const { group } = splitApiVersion(ref.apiVersion);
  return objectKey({ group, kind: ref.kind, name: ref.name ?? '', ...(ref.namespace ? { namespace: ref.namespace } : {}) });
}
