// Where the repository's own policies are read: the default branch, never the
// pull request. A pull request into the default branch, branched from its
// tip, has it as its base already; one into another branch (a release
// branch), or whose merge base is older than the tip, costs one more tarball,
// and only when the config names a policy directory. A snapshot read through
// the trees API (no tarball served) holds only the files the pipeline reads:
// the policy files are fetched into it (a tarball snapshot has them already).
import type { ConfigLoadResult } from '../config/types.js';
import type { Snapshot } from '../core/types.js';
import type { GitHubPort } from '../github/github-port.js';
import type { ExtractOptions } from '../github/snapshot/extract-snapshot.js';
import { fillSnapshotContent } from '../github/snapshot/fill-content.js';
import { takeSnapshot } from '../github/take-snapshots.js';
import { isUnder } from '../render/repo-path.js';
import type { ValidationTarget } from './validation-target.js';

export async function readPolicySource(
  port: GitHubPort,
  target: ValidationTarget,
  config: ConfigLoadResult,
  base: Snapshot,
  options?: ExtractOptions,
): Promise<Snapshot> {
  const directory = config.ok ? config.config.policies?.directory : undefined;
  if (directory === undefined) return base;
  const onDefaultTip = target.baseRef === target.defaultBranch && base.sha === target.baseSha;
  const source = onDefaultTip ? base : await takeSnapshot(port, target.defaultBranch, options);
  return fillSnapshotContent(port, source, (file) => isUnder(file.path, directory) && POLICY_FILE.test(file.path), options);
}

const POLICY_FILE = /\.(ya?ml|json)$/i;
