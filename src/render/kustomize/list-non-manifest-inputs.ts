// Files that kustomizations read but that are not whole manifests (patches,
// replacements, generator sources, transformer configs). Plain validation
// leaves them out: a strategic-merge patch is a partial object by design.
import type { Snapshot } from '../../core/types.js';
import { repoDirname } from '../repo-path.js';
import { collectOverlayInputs, type KustomizationCache } from './collect-overlay-inputs.js';
import { isKustomizationFile } from './kustomization-file.js';

export function listNonManifestInputs(snapshot: Snapshot, cache: KustomizationCache = new Map()): Set<string> {
  const out = new Set<string>();
  for (const path of snapshot.files.keys()) {
    if (!isKustomizationFile(path)) continue;
    const inputs = collectOverlayInputs(snapshot, repoDirname(path), cache);
    if (!inputs) continue;
    const manifests = new Set(inputs.resourceFiles);
    for (const f of inputs.files) if (!manifests.has(f) && !isKustomizationFile(f)) out.add(f);
  }
  return out;
}
