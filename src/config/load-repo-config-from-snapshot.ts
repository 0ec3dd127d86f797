// The config as stored in a snapshot of the DEFAULT branch (or the CLI's base
// ref). A config that exists but cannot be read is a problem, never silently
// replaced by the defaults.
import type { Snapshot } from '../core/types.js';
import { DEFAULT_CONFIG_FILE } from './default-repo-config.js';
import { loadRepoConfig } from './load-repo-config.js';
import type { ConfigLoadResult } from './types.js';

export function loadRepoConfigFromSnapshot(snapshot: Snapshot, file = DEFAULT_CONFIG_FILE): ConfigLoadResult {
  const entry = snapshot.files.get(file);
  if (!entry) return loadRepoConfig(undefined, file);
  if (entry.type !== 'file' || !entry.content) {
    const why = entry.type === 'file' ? `is too large (${entry.size} bytes)` : `is a ${entry.type}, not a regular file`;
    return { ok: false, problems: [{ file, path: '', message: `${why}: kubegate reads its config only from a regular file` }] };
  }
  return loadRepoConfig(entry.content.toString('utf8'), file);
}
