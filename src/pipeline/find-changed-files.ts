import type { Snapshot } from '../core/types.js';

export interface ChangedFiles {
  /** Added or modified in head (hash differs from base), sorted. */
  changed: string[];
  /** Present in base, absent in head. */
  deleted: string[];
}

export function findChangedFiles(base: Snapshot, head: Snapshot): ChangedFiles {
  const changed = [...head.files.values()].filter((f) => base.files.get(f.path)?.hash !== f.hash).map((f) => f.path);
  const deleted = [...base.files.keys()].filter((p) => !head.files.has(p));
  return { changed: changed.sort(), deleted: deleted.sort() };
}
