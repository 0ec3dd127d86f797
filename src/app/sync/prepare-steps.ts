// The inputs of each approved environment's sync: its whole desired state at
// the commit (apply mode), and what the pull request's preview covered (the
// objects in the changed files and overlays, and those removed from Git).
// An environment whose files cannot be read or rendered is refused.
import type { EnvironmentConfig, RepoConfig } from '../../config/types.js';
import type { Snapshot } from '../../core/types.js';
import { findRemovedObjects } from '../../diff/find-removed-objects.js';
import type { LoadedEnvironment } from '../../pipeline/load-environment.js';
import { loadEnvironmentStates } from '../../pipeline/load-environment-states.js';
import { collectSecretValues } from '../../pipeline/mask-secrets.js';
import type { PipelineDeps } from '../../pipeline/pipeline-deps.js';
import { predictionKey } from '../../sync/compare-prediction.js';
import { resolveSyncConfig } from '../../sync/resolve-sync-config.js';
import type { EnvironmentStep } from './sync-environment-step.js';


function renderProblem(loaded: LoadedEnvironment | undefined, sha: string): string | undefined {
  if (!loaded || loaded.errors === 0) return undefined;
  const first = loaded.findings.find((f) => f.level === 'failure');
  return `the environment's files at ${sha.slice(0, 7)} could not all be read or rendered (${loaded.errors} problems${first ? `; first: ${first.file}:${first.line}: ${first.message}` : ''}), so it is not synced`;
}

export async function prepareSteps(
  config: RepoConfig,
  environments: readonly EnvironmentConfig[],
  snapshots: { base: Snapshot; head: Snapshot },
  changed: ReadonlyMap<string, LoadedEnvironment>,
  deps?: PipelineDeps,
): Promise<EnvironmentStep[]> {
  const applied = environments.filter((env) => resolveSyncConfig(config, env).mode === 'apply');
  const [head, base] = await Promise.all([loadEnvironmentStates(snapshots.head, config, applied, deps), loadEnvironmentStates(snapshots.base, config, applied, deps)]);
  return environments.map((env): EnvironmentStep => {
    const sync = resolveSyncConfig(config, env);
    const state = head.get(env.name);
    const problem = renderProblem(state, snapshots.head.sha);
    const objects = state?.objects ?? [];
    const removed = findRemovedObjects(base.get(env.name)?.objects ?? [], objects, env.namespace);
    const prediction = {
      changed: new Set((changed.get(env.name)?.objects ?? []).map((o) => predictionKey(o, env.namespace))),
      removed: new Set(removed.map((o) => predictionKey(o, env.namespace))),
    };
    const secretValues = [...collectSecretValues([...objects, ...removed])];
    return { env, sync, objects, prediction, secretValues, ...(problem ? { refusal: problem } : {}) };
  });
}
