// Plain data of the approval check: the rule an environment's changes must
// meet, what GitHub says about the pull request, and the decision.
import type { CommitPullRequest } from '../github/sync-port.js';

export interface ApprovalRule {
  required: number;
  /** Empty (with teams empty): every reviewer with write access counts. */
  users: string[];
  /** "org/team-slug". */
  teams: string[];
}

export interface ApprovalFacts {
  sha: string;
  defaultBranch: string;
  /** The merged pull request the commit is the merge result of; undefined for a direct push. */
  pullRequest?: CommitPullRequest;
  /** Logins whose approval counts on the pull request's last commit (latest review per user, author excluded). */
  approvers: readonly string[];
  /** Of `approvers`, those the rule's users/teams allow (lower-case logins). */
  eligible: ReadonlySet<string>;
  /** The pull request is open (ChatOps `/sync` before merge): only its approvals on the head count, not merging. */
  preMerge?: boolean;
}

export type ApprovalDecision = { approved: true; summary: string } | { approved: false; reason: string };
