// For the sync after merge: which environments a merge changes (the same
// selection as a pull request's: changed plain files, overlays that read a
// changed file, and deleted plain manifests), and each environment's WHOLE
// desired state at a commit (every file and overlay, not only changed ones),
// read and rendered with the pipeline's own loaders.
import picomatch from 'picomatch';
import type { EnvironmentConfig, RepoConfig } from '../config/types.js';
import type { Snapshot } from '../core/types.js';
import { defaultPipelineDeps } from './default-pipeline-deps.js';
import { findChangedFiles } from './find-changed-files.js';
import type { LoadedEnvironment } from './load-environment.js';
import { loadTargets } from './load-targets.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { selectTargets } from './select-targets.js';
import type { PipelineSettings } from './types.js';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

export interface ChangedEnvironments {
  /** Environments the merge changes, in config order. */
  environments: EnvironmentConfig[];
  /** Their objects in the changed files and overlays, at head (the preview's objects). */
  changed: Map<string, LoadedEnvironment>;
}

function deletesManifest(env: EnvironmentConfig, deleted: readonly string[]): boolean {
  if (env.render !== 'plain' || deleted.length === 0) return false;
  const isMatch = picomatch(env.paths, { dot: true });
  return deleted.some((p) => MANIFEST_FILE.test(p) && isMatch(p));
}

export async function findChangedEnvironments(
  config: RepoConfig,
  base: Snapshot,
  head: Snapshot,
  deps: PipelineDeps = defaultPipelineDeps(),
  settings?: PipelineSettings,
): Promise<ChangedEnvironments> {
  const { changed, deleted } = findChangedFiles(base, head);
  const targets = selectTargets({ config, head, changed, deleted });
  const touched = targets.filter((t) => t.files.length > 0 || t.overlays.length > 0 || deletesManifest(t.env, deleted));
  const loaded = await loadTargets(head, touched, deps, settings);
  return { environments: touched.map((t) => t.env), changed: new Map(loaded.map((l) => [l.target.env.name, l])) };
}

/** Every object of each environment at a commit. */
export async function loadEnvironmentStates(
  snapshot: Snapshot,
  config: RepoConfig,
  environments: readonly EnvironmentConfig[],
  deps: PipelineDeps = defaultPipelineDeps(),
  settings?: PipelineSettings,
): Promise<Map<string, LoadedEnvironment>> {
  const targets = selectTargets({ config: { ...config, environments: [...environments] }, head: snapshot, changed: [...snapshot.files.keys()].sort(), deleted: [] });
  const loaded = await loadTargets(snapshot, targets, deps, settings);
  return new Map(loaded.map((l) => [l.target.env.name, l]));
}
