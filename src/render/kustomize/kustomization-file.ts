import type { Snapshot } from '../../core/types.js';

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** The kustomization file of a directory in the snapshot, if it has one. */
export function findKustomizationFile(snapshot: Snapshot, dir: string): string | undefined {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const path = dir === '' ? name : `${dir}/${name}`;
    if (snapshot.files.has(path)) return path;
  }
  return undefined;
}

export function isKustomizationFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(base);
}
