// Where the repository's own policies are read: the default branch, never the
// pull request. A pull request into the default branch has it as its base
// already; one into another branch (a release branch) costs one more tarball,
// and only when the config names a policy directory.
import type { ConfigLoadResult } from '../config/types.js';
import type { Snapshot } from '../core/types.js';
import type { GitHubPort } from '../github/github-port.js';
import type { ExtractOptions } from '../github/snapshot/extract-snapshot.js';
import { takeSnapshot } from '../github/take-snapshots.js';
import type { ValidationTarget } from './validation-target.js';

export async function readPolicySource(
  port: GitHubPort,
  target: ValidationTarget,
  config: ConfigLoadResult,
  base: Snapshot,
  options?: ExtractOptions,
): Promise<Snapshot> {
  const directory = config.ok ? config.config.policies?.directory : undefined;
  if (directory === undefined || target.baseRef === target.defaultBranch) return base;
  return takeSnapshot(port, target.defaultBranch, options);
}
