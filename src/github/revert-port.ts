// What a ChatOps rollback needs from GitHub besides Deployments: the
// deployments of an environment, and the git data API to write a revert
// commit on a new branch and open its pull request. Part of GitHubPort
// (create-revert-port.ts implements it).
import type { DeploymentInfo } from './sync-port.js';

/** One entry of POST /git/trees: sha null deletes the path. */
export interface TreeChange {
  path: string;
  mode: string;
  sha: string | null;
}

export interface NewPullRequest {
  title: string;
  body: string;
  /** The branch with the changes. */
  head: string;
  base: string;
}

export interface RevertPort {
  /** Deployments to an environment, newest first (GET /deployments?environment=). */
  listEnvironmentDeployments(environment: string): Promise<DeploymentInfo[]>;
  /** The commit a branch points at, and that commit's tree. */
  branchHead(branch: string): Promise<{ sha: string; treeSha: string }>;
  /** POST /git/trees with base_tree: the new tree's sha. */
  createTree(baseTree: string, changes: readonly TreeChange[]): Promise<string>;
  /** POST /git/commits: the new commit's sha. */
  createCommit(message: string, tree: string, parents: readonly string[]): Promise<string>;
  /** POST /git/refs (refs/heads/NAME). */
  createBranch(name: string, sha: string): Promise<void>;
  openPullRequest(pull: NewPullRequest): Promise<{ number: number; htmlUrl: string }>;
}
