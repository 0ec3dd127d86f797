// The base side of the environments a change touches: the files and overlays
// at base that it changes or deletes, loaded once, on first use, for the steps
// that compare with the base (policies: oldObject and DELETE; the cluster
// diff: objects removed from Git).
import type { RepoConfig } from '../config/types.js';
import type { ManifestObject, Snapshot } from '../core/types.js';
import type { LoadedEnvironment } from './load-environment.js';
import { loadTargets } from './load-targets.js';
import type { PipelineDeps } from './pipeline-deps.js';
import { selectTargets } from './select-targets.js';
import type { PipelineSettings } from './types.js';

export interface BaseLoaderInput {
  config: RepoConfig;
  base: Snapshot;
  changed: readonly string[];
  deleted: readonly string[];
  deps: PipelineDeps;
  settings?: PipelineSettings;
}

export interface BaseLoader {
  /** The environments at base, in the config's order (loaded on the first call). */
  load(): Promise<LoadedEnvironment[]>;
  /** Every object loaded at base; none when nothing asked for the base. */
  objects(): Promise<ManifestObject[]>;
}

export function createBaseLoader(input: BaseLoaderInput): BaseLoader {
  let loaded: Promise<LoadedEnvironment[]> | undefined;
  const load = (): Promise<LoadedEnvironment[]> => {
    loaded ??= (() => {
      const touched = [...input.changed, ...input.deleted].sort();
      const targets = selectTargets({ config: input.config, head: input.base, changed: touched, deleted: [] });
      return loadTargets(input.base, targets, input.deps, input.settings);
    })();
    return loaded;
  };
  return {
    load,
    objects: async () => (loaded ? (await loaded).flatMap((e) => e.objects) : []),
  };
}
