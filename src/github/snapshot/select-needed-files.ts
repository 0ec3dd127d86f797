// Which files of tree-listed snapshots the pipeline reads, so that only those
// are fetched. First what is known without reading any file: the files that
// differ between base and head (on both sides: policies read the base too),
// kustomization files, symlinks (their target is in the blob), and
// CustomResourceDefinitions by name (the validator looks for CRDs anywhere in
// the repository, by content, which a tree listing does not have). Then, with
// the kustomizations read, every file an overlay renders from.
import type { Snapshot, SnapshotFile } from '../../core/types.js';
import { collectOverlayInputs, type KustomizationCache } from '../../render/kustomize/collect-overlay-inputs.js';
import { isKustomizationFile } from '../../render/kustomize/kustomization-file.js';
import { repoDirname, resolveRepoPath } from '../../render/repo-path.js';
import type { WantedFile } from './fill-content.js';

const CRD_FILE = /(crd|customresourcedefinition).*\.(ya?ml|json)$/i;

/** Before any content is read; `base` and `head` may be the same snapshot (nothing changed). */
export function firstNeeds(base: Snapshot, head: Snapshot): WantedFile {
  return (file, snapshot) =>
    isKustomizationFile(file.path) ||
    file.type === 'symlink' ||
    CRD_FILE.test(file.path) ||
    (snapshot === base ? head : base).files.get(file.path)?.hash !== file.hash;
}

/** With the kustomization files read: the inputs of every overlay of each snapshot, and the targets of symlinks among them. */
export function overlayNeeds(snapshots: readonly Snapshot[]): WantedFile {
  const inputs = new Map(snapshots.map((s) => [s, overlayInputs(s)]));
  return (file, snapshot) => inputs.get(snapshot)?.has(file.path) ?? false;
}

function overlayInputs(snapshot: Snapshot): Set<string> {
  const cache: KustomizationCache = new Map();
  const paths = new Set<string>();
  for (const path of snapshot.files.keys()) {
    if (!isKustomizationFile(path)) continue;
    for (const input of collectOverlayInputs(snapshot, repoDirname(path), cache)?.files ?? []) {
      paths.add(input);
      const target = symlinkTarget(snapshot.files.get(input));
      if (target !== undefined) paths.add(target);
    }
  }
  return paths;
}

function symlinkTarget(file: SnapshotFile | undefined): string | undefined {
  if (file?.type !== 'symlink' || file.linkTarget === undefined) return undefined;
  return resolveRepoPath(repoDirname(file.path), file.linkTarget);
}
