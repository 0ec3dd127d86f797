// Who changed a drifted field: the newest managedFields entry, other than
// kubegate's, whose FieldsV1 reaches the field. A removed field belongs to
// nobody any more; it is credited to the newest other entry (the last change).
import type { ManagedFieldsEntry } from '../cluster/kube-object.js';
import { ownsPath } from './fields-v1.js';
import type { Segment } from './leaf-paths.js';

export interface Attribution {
  manager?: string;
  subresource?: string;
  time?: string;
}

function newestFirst(a: ManagedFieldsEntry, b: ManagedFieldsEntry): number {
  return (b.time ?? '').localeCompare(a.time ?? '');
}

export function attributeField(entries: readonly ManagedFieldsEntry[], fieldManager: string, path: readonly Segment[], live: unknown): Attribution {
  const others = entries.filter((e) => e.manager !== fieldManager).sort(newestFirst);
  const owner = others.find((e) => ownsPath(e.fieldsV1, path, live)) ?? others[0];
  if (!owner) return {};
  return {
    ...(owner.manager ? { manager: owner.manager } : {}),
    ...(owner.subresource ? { subresource: owner.subresource } : {}),
    ...(owner.time ? { time: owner.time } : {}),
  };
}
