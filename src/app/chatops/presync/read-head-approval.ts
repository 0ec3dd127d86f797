// The approval rule of an environment, decided for an open pull request's
// head (its reviews on the last commit), as the merge sync would decide it.
import { decideApproval } from '../../../approval/decide-approval.js';
import { findApprovers } from '../../../approval/find-approvers.js';
import { resolveApprovalRule } from '../../../approval/resolve-approval-rule.js';
import type { ApprovalDecision } from '../../../approval/types.js';
import type { EnvironmentConfig, RepoConfig } from '../../../config/types.js';
import type { GitHubPort } from '../../../github/github-port.js';
import type { CommitPullRequest } from '../../../github/sync-port.js';
import { eligibleApprovers } from '../../sync/read-approvals.js';

export async function readHeadApproval(port: GitHubPort, config: RepoConfig, env: EnvironmentConfig, pr: CommitPullRequest, defaultBranch: string): Promise<ApprovalDecision> {
  const rule = resolveApprovalRule(config, env, port.repo.owner);
  const approvers = findApprovers(pr, await port.listReviews(pr.number));
  const eligible = await eligibleApprovers(port, rule, approvers, new Map());
  return decideApproval(rule, { sha: pr.headSha, defaultBranch, pullRequest: pr, approvers, eligible, preMerge: true });
}
