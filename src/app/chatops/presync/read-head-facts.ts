// What GitHub says about an open pull request's head for a pre-merge /sync,
// read at once: the approval rule's decision, every check run and commit
// status on the head, kubegate's own app id, and how far the head is behind
// the base branch (compare base...head; the pull request's base.sha can be
// older than the branch).
import type { HeadCheck, HeadStatus } from '../../../chatops/decide-pre-merge-sync.js';
import type { ApprovalDecision } from '../../../approval/types.js';
import type { EnvironmentConfig, RepoConfig } from '../../../config/types.js';
import type { PullRequestState } from '../../../github/chatops-port.js';
import type { GitHubPort } from '../../../github/github-port.js';
import { readHeadApproval } from './read-head-approval.js';

export interface HeadFacts {
  approval: ApprovalDecision;
  checks: HeadCheck[];
  appId: number | undefined;
  statuses: HeadStatus[];
  behindBy: number;
}

export async function readHeadFacts(port: GitHubPort, config: RepoConfig, env: EnvironmentConfig, pr: PullRequestState, defaultBranch: string): Promise<HeadFacts> {
  const [approval, appId, runs, statuses, comparison] = await Promise.all([
    readHeadApproval(port, config, env, pr, defaultBranch),
    port.appId(),
    port.listCheckRuns(pr.headSha, undefined),
    port.listCommitStatuses(pr.headSha),
    port.compareCommits(pr.baseRef, pr.headSha),
  ]);
  const checks = runs.map((r) => ({ name: r.name, status: r.status, conclusion: r.conclusion, appId: r.appId }));
  return { approval, checks, appId, statuses, behindBy: comparison.behindBy };
}
