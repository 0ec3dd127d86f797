// The cluster adapter's ObjectRef of a resolved object.
import type { ObjectRef } from '../cluster/index.js';
import type { ResolvedRef } from '../diff/types.js';

export function toObjectRef(ref: ResolvedRef): ObjectRef {
  const apiVersion = ref.group === '' ? ref.version : `${ref.group}/${ref.version}`;
  return { apiVersion, kind: ref.kind, name: ref.name, ...(ref.namespace === undefined ? {} : { namespace: ref.namespace }) };
}
