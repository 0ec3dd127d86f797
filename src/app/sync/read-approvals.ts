// The approval of each environment a commit changes: the merged pull request
// the commit came from (GET commits/{sha}/pulls: the one whose merge commit it
// is), its reviews (once), team memberships of its approvers (only for rules
// that name teams), then the pure decision per environment.
import { decideApproval } from '../../approval/decide-approval.js';
import { findApprovers } from '../../approval/find-approvers.js';
import { resolveApprovalRule } from '../../approval/resolve-approval-rule.js';
import type { EnvironmentApproval } from '../../approval/build-approval-check.js';
import type { ApprovalRule } from '../../approval/types.js';
import type { EnvironmentConfig, RepoConfig } from '../../config/types.js';
import type { GitHubPort } from '../../github/github-port.js';
import type { CommitPullRequest } from '../../github/sync-port.js';
import type { SyncTarget } from './sync-target.js';

async function mergedPullRequest(port: GitHubPort, target: SyncTarget): Promise<CommitPullRequest | undefined> {
  const pulls = await port.listPullRequestsOfCommit(target.sha);
  return pulls.find((p) => p.merged && p.mergeCommitSha === target.sha) ?? pulls.find((p) => p.mergeCommitSha === target.sha);
}

export async function eligibleApprovers(port: GitHubPort, rule: ApprovalRule, approvers: readonly string[], memberships: Map<string, Promise<boolean>>): Promise<Set<string>> {
  const eligible = new Set<string>();
  const users = new Set(rule.users.map((u) => u.toLowerCase()));
  for (const login of approvers) {
    if (users.has(login.toLowerCase())) {
      eligible.add(login.toLowerCase());
      continue;
    }
    for (const team of rule.teams) {
      const key = `${team}|${login.toLowerCase()}`;
      const [org = '', slug = ''] = team.split('/');
      if (!memberships.has(key)) memberships.set(key, port.isTeamMember(org, slug, login));
      if (await memberships.get(key)) {
        eligible.add(login.toLowerCase());
        break;
      }
    }
  }
  return eligible;
}

export async function readApprovals(port: GitHubPort, target: SyncTarget, config: RepoConfig, environments: readonly EnvironmentConfig[]): Promise<EnvironmentApproval[]> {
  const pullRequest = await mergedPullRequest(port, target);
  const approvers = pullRequest ? findApprovers(pullRequest, await port.listReviews(pullRequest.number)) : [];
  const memberships = new Map<string, Promise<boolean>>();
  const approvals: EnvironmentApproval[] = [];
  for (const env of environments) {
    const rule = resolveApprovalRule(config, env, target.repo.owner);
    const eligible = await eligibleApprovers(port, rule, approvers, memberships);
    const facts = { sha: target.sha, defaultBranch: target.defaultBranch, approvers, eligible, ...(pullRequest ? { pullRequest } : {}) };
    approvals.push({ environment: env.name, decision: decideApproval(rule, facts) });
  }
  return approvals;
}
