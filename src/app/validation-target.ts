// What one validation pass is about: which pull request, which two commits,
// and where the config lives. Built from a webhook payload (resolve-target.ts).
import type { PassTrigger } from '../github/check-runs/plan-check-run.js';
import type { RepoRef } from '../github/github-port.js';

export interface ValidationTarget {
  repo: RepoRef;
  defaultBranch: string;
  pullNumber: number;
  /** The branch the pull request targets (the default branch, or e.g. a release branch). */
  baseRef: string;
  baseSha: string;
  headSha: string;
  /** The head is in another repository: its manifests reach no cluster unless the app settings allow forks. */
  fromFork: boolean;
  /** "rerun" when a user asked for it: the pass runs even if this head was validated. */
  trigger: PassTrigger;
}
