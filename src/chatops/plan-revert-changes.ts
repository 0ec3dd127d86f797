// The tree changes that bring an environment's files on the default branch
// back to a deployed revision: every file under the environment's paths
// (globs, or directories for Kustomize) as it was at the revision, and files
// added since then deleted. Files outside the paths (a shared Kustomize base)
// are not touched.
import picomatch from 'picomatch';
import type { EnvironmentConfig } from '../config/types.js';
import type { GitTreeEntry } from '../github/github-port.js';
import type { TreeChange } from '../github/revert-port.js';

export function planRevertChanges(env: EnvironmentConfig, target: readonly GitTreeEntry[], head: readonly GitTreeEntry[]): TreeChange[] {
  const inEnv = environmentMatcher(env);
  const blobs = (entries: readonly GitTreeEntry[]): Map<string, GitTreeEntry> => new Map(entries.filter((e) => e.type === 'blob' && inEnv(e.path)).map((e) => [e.path, e]));
  const wanted = blobs(target);
  const current = blobs(head);
  const changes: TreeChange[] = [];
  for (const [path, entry] of wanted) {
    const now = current.get(path);
    if (!now || now.sha !== entry.sha || now.mode !== entry.mode) changes.push({ path, mode: entry.mode, sha: entry.sha });
  }
  for (const [path, entry] of current) if (!wanted.has(path)) changes.push({ path, mode: entry.mode, sha: null });
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

function environmentMatcher(env: EnvironmentConfig): (path: string) => boolean {
  const patterns = env.paths.map((p) => p.replace(/^\.\//, '').replace(/\/+$/, ''));
  const globs = picomatch(patterns, { dot: true });
  return (path) => globs(path) || patterns.some((dir) => path.startsWith(`${dir}/`));
}
