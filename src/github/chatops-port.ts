// What ChatOps needs from GitHub: reactions on the command's comment, the
// commenter's repository role, and the state of the pull request. Part of
// GitHubPort (create-chatops-port.ts implements it).
import type { Permission } from '../chatops/types.js';
import type { CommitComparison } from './compare-commits.js';
import type { CommitPullRequest } from './sync-port.js';

export type { CommitComparison } from './compare-commits.js';

export type CommentReaction = 'eyes' | 'rocket' | 'confused';

export interface ChatOpsPort {
  /** POST /repos/{o}/{r}/issues/comments/{id}/reactions (an existing reaction is answered 200, not an error). */
  addCommentReaction(commentId: number, content: CommentReaction): Promise<void>;
  /** The user's role: role_name when it is one of GitHub's roles, else the classic permission. */
  collaboratorPermission(username: string): Promise<Permission>;
  /** GET /repos/{o}/{r}/pulls/{n}: merged or not, the merge commit, and whether it can be merged. */
  pullRequestState(pullNumber: number): Promise<PullRequestState>;
  /** GET compare/{base}...{head}: how head relates to base (pre-merge /sync: is the head behind its base). */
  compareCommits(base: string, head: string): Promise<CommitComparison>;
  /** GET commits/{ref}/status: the latest commit status of each context on a commit (needs Commit statuses: read). */
  listCommitStatuses(ref: string): Promise<CommitStatus[]>;
}

export interface CommitStatus {
  context: string;
  /** success, failure, error or pending. */
  state: string;
}

export interface PullRequestState extends CommitPullRequest {
  /** null while GitHub is still computing it. */
  mergeable: boolean | null;
  /** e.g. "clean", "behind", "blocked", "dirty", "unknown". */
  mergeableState: string;
  /** The base branch's commit the pull request was last compared with. */
  baseSha: string;
}
