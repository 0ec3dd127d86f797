// What the sync on merge needs from GitHub: the pull requests a commit came
// from, their reviews, team membership (approval rules), and Deployments with
// their statuses (the sync's record). Part of GitHubPort.

export interface CommitPullRequest {
  number: number;
  state: string;
  /** merged_at is set. */
  merged: boolean;
  mergeCommitSha: string | null;
  baseRef: string;
  /** The pull request's last head commit. */
  headSha: string;
  /** Login of the pull request's author. */
  author: string;
  htmlUrl: string;
}

export interface PullRequestReview {
  id: number;
  /** Login of the reviewer (empty for a deleted account). */
  user: string;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, PENDING. */
  state: string;
  /** The commit the review was given on. */
  commitId: string | null;
  submittedAt: string | null;
}

export interface DeploymentInfo {
  id: number;
  sha: string;
  environment: string;
}

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export interface NewDeployment {
  sha: string;
  environment: string;
  description: string;
  payload: Record<string, unknown>;
  /** Commit statuses GitHub checks before creating the deployment; [] checks none. */
  requiredContexts: string[];
}

export interface NewDeploymentStatus {
  state: DeploymentState;
  /** At most 140 characters (GitHub's limit); longer text is cut. */
  description: string;
  /** Where the details are (the check run). */
  logUrl?: string;
}

export interface SyncPort {
  /** Pull requests whose commits include `sha` (GET /repos/{o}/{r}/commits/{sha}/pulls). */
  listPullRequestsOfCommit(sha: string): Promise<CommitPullRequest[]>;
  listReviews(pullNumber: number): Promise<PullRequestReview[]>;
  /** Active member of the organization's team (404: not a member). */
  isTeamMember(org: string, teamSlug: string, username: string): Promise<boolean>;
  /**
   * `ancestor` is an ancestor of `descendant` (or the same commit): GET
   * compare/{descendant}...{ancestor} answers behind or identical. False when
   * GitHub knows neither history (404), e.g. a deployed commit that a force
   * push removed.
   */
  isAncestor(ancestor: string, descendant: string): Promise<boolean>;
  /** The first parent of a commit (the default branch before a merge). */
  commitParent(sha: string): Promise<string | undefined>;
  /** Deployments of a commit to an environment, newest first. */
  listDeployments(sha: string, environment: string): Promise<DeploymentInfo[]>;
  /** The newest status of a deployment, if any. */
  latestDeploymentState(deploymentId: number): Promise<DeploymentState | undefined>;
  createDeployment(deployment: NewDeployment): Promise<DeploymentInfo>;
  createDeploymentStatus(deploymentId: number, status: NewDeploymentStatus): Promise<void>;
}
