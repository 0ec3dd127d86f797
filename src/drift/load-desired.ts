// The deployed revision's objects of one environment, read and rendered with
// the sync's own loader (every file and overlay of the environment).
import type { RepoConfig } from '../config/types.js';
import type { ManifestObject, Snapshot } from '../core/types.js';
import { loadEnvironmentStates } from '../pipeline/load-environment-states.js';

export class DesiredStateError extends Error {}

export async function loadDesired(snapshot: Snapshot, config: RepoConfig, environment: string): Promise<ManifestObject[]> {
  const env = config.environments.find((e) => e.name === environment);
  if (!env) throw new DesiredStateError(`no environment "${environment}" in the repository config (known: ${config.environments.map((e) => e.name).join(', ') || 'none'})`);
  const loaded = (await loadEnvironmentStates(snapshot, config, [env])).get(env.name);
  if (!loaded) return [];
  if (loaded.errors > 0) {
    const first = loaded.findings.find((f) => f.level === 'failure');
    throw new DesiredStateError(`the environment's files at ${snapshot.sha.slice(0, 7)} could not all be read or rendered${first ? ` (${first.file}:${first.line}: ${first.message})` : ''}`);
  }
  return loaded.objects;
}
