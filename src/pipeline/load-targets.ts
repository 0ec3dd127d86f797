// Reads and renders every target of one snapshot into objects, environment by
// environment (Kustomize works on the snapshot written to a temp dir, removed
// at the end). The head for validation and policies; the base for policies.
import type { Snapshot } from '../core/types.js';
import { loadEnvironment, type LoadedEnvironment } from './load-environment.js';
import type { PipelineDeps } from './pipeline-deps.js';
import type { EnvironmentTarget } from './select-targets.js';
import type { PipelineSettings } from './types.js';
import { writeRenderRoot } from './write-render-root.js';

export async function loadTargets(
  snapshot: Snapshot,
  targets: readonly EnvironmentTarget[],
  deps: PipelineDeps,
  settings: PipelineSettings = {},
): Promise<LoadedEnvironment[]> {
  const renderRoot = writeRenderRoot(snapshot, deps);
  const allowRemoteResources = settings.allowRemoteResources ?? false;
  try {
    const environments: LoadedEnvironment[] = [];
    for (const target of targets) {
      environments.push(await loadEnvironment(target, { head: snapshot, deps, renderRoot: renderRoot.path, allowRemoteResources }));
    }
    return environments;
  } finally {
    await renderRoot.remove();
  }
}
