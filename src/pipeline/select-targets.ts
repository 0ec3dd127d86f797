// Which files and overlays of each environment the change touches: changed
// plain manifests matching the environment's globs, and every Kustomize
// overlay that reads a changed file (directly or through its bases/components).
import picomatch from 'picomatch';
import type { EnvironmentConfig, RepoConfig } from '../config/types.js';
import type { Snapshot } from '../core/types.js';
import { collectOverlayInputs, type KustomizationCache, type OverlayInputs } from '../render/kustomize/collect-overlay-inputs.js';
import { isKustomizationFile } from '../render/kustomize/kustomization-file.js';
import { listNonManifestInputs } from '../render/kustomize/list-non-manifest-inputs.js';
import { repoDirname } from '../render/repo-path.js';

export interface EnvironmentTarget {
  env: EnvironmentConfig;
  /** plain: the changed files to validate. */
  files: string[];
  /** kustomize: the overlays to render. */
  overlays: OverlayInputs[];
}

/** Plain environments read YAML and JSON files only, whatever their globs match. */
const MANIFEST_FILE = /\.(ya?ml|json)$/i;

function normalizeDir(path: string): string {
  return path.replace(/^\.\/+/, '').replace(/\/+$/, '').replace(/^\.$/, '');
}

function overlayDirs(env: EnvironmentConfig, head: Snapshot): string[] {
  const kustomizationDirs = [...head.files.keys()].filter(isKustomizationFile).map(repoDirname);
  const dirs = new Set<string>();
  for (const raw of env.paths) {
    const pattern = normalizeDir(raw);
    if (picomatch.scan(pattern).isGlob) {
      const isMatch = picomatch(pattern, { dot: true });
      for (const d of kustomizationDirs) if (isMatch(d)) dirs.add(d);
    } else {
      dirs.add(pattern);
    }
  }
  return [...dirs].sort();
}

function plainFiles(env: EnvironmentConfig, changed: readonly string[], excluded: ReadonlySet<string>): string[] {
  const isMatch = picomatch(env.paths.map(normalizeDir), { dot: true });
  return changed.filter((p) => MANIFEST_FILE.test(p) && isMatch(p) && !isKustomizationFile(p) && !excluded.has(p));
}

export interface SelectTargetsInput {
  config: RepoConfig;
  head: Snapshot;
  changed: readonly string[];
  deleted: readonly string[];
  cache?: KustomizationCache;
}

export function selectTargets({ config, head, changed, deleted, cache = new Map() }: SelectTargetsInput): EnvironmentTarget[] {
  const touched = new Set([...changed, ...deleted]);
  let excluded: Set<string> | undefined;
  return config.environments.map((env) => {
    if (env.render === 'plain') {
      excluded ??= listNonManifestInputs(head, cache);
      return { env, files: plainFiles(env, changed, excluded), overlays: [] };
    }
    const overlays = overlayDirs(env, head)
      .map((dir) => collectOverlayInputs(head, dir, cache))
      .filter((o): o is OverlayInputs => o !== undefined && [...o.files].some((f) => touched.has(f)));
    return { env, files: [], overlays };
  });
}
