// The Octokit side of SyncPort (see sync-port.ts), spread into the GitHubPort
// by create-github-port.ts.
import type { ProbotOctokit } from 'probot';
import { callGitHub as call, statusOf } from './call-github.js';
import { compareCommits } from './compare-commits.js';
import { GitHubApiError } from './errors.js';
import type { RepoRef } from './github-port.js';
import type { DeploymentInfo, DeploymentState, SyncPort } from './sync-port.js';

const DESCRIPTION_MAX = 140;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function createSyncPort(octokit: ProbotOctokit, repo: RepoRef): SyncPort {
  const { owner, repo: name } = repo;
  return {
    listPullRequestsOfCommit: (sha) =>
      call(`list the pull requests of commit ${sha}`, async () => {
        const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo: name, commit_sha: sha, per_page: 100 });
        return data.map((pr) => ({
          number: pr.number,
          state: pr.state,
          merged: pr.merged_at !== null,
          mergeCommitSha: pr.merge_commit_sha,
          baseRef: pr.base.ref,
          headSha: pr.head.sha,
          author: pr.user?.login ?? '',
          htmlUrl: pr.html_url,
        }));
      }),
    listReviews: (pullNumber) =>
      call(`list the reviews of #${pullNumber}`, async () => {
        const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { owner, repo: name, pull_number: pullNumber, per_page: 100 });
        return reviews.map((r) => ({ id: r.id, user: r.user?.login ?? '', state: r.state, commitId: r.commit_id, submittedAt: r.submitted_at ?? null }));
      }),
    isTeamMember: (org, teamSlug, username) =>
      call(`read whether ${username} is in team ${org}/${teamSlug}`, async () => {
        try {
          const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: teamSlug, username });
          return data.state === 'active';
        } catch (error: unknown) {
          if (statusOf(error) === 404) return false;
          throw error;
        }
      }),
    isAncestor: (ancestor, descendant) =>
      call(`compare ${descendant.slice(0, 12)}...${ancestor.slice(0, 12)}`, async () => {
        try {
          const { status } = await compareCommits(octokit, repo, descendant, ancestor);
          return status === 'behind' || status === 'identical';
        } catch (error: unknown) {
          if (statusOf(error) === 404) return false;
          throw error;
        }
      }),
    commitParent: (sha) =>
      call(`read commit ${sha}`, async () => {
        const { data } = await octokit.rest.repos.getCommit({ owner, repo: name, ref: sha, per_page: 1 });
        return data.parents[0]?.sha;
      }),
    listDeployments: (sha, environment) =>
      call(`list the deployments of ${sha} to ${environment}`, async (): Promise<DeploymentInfo[]> => {
        const { data } = await octokit.rest.repos.listDeployments({ owner, repo: name, sha, environment, per_page: 100 });
        return data.map((d) => ({ id: d.id, sha: d.sha, environment: d.environment }));
      }),
    latestDeploymentState: (deploymentId) =>
      call(`read the statuses of deployment ${deploymentId}`, async () => {
        const { data } = await octokit.rest.repos.listDeploymentStatuses({ owner, repo: name, deployment_id: deploymentId, per_page: 1 });
        return data[0]?.state as DeploymentState | undefined;
      }),
    createDeployment: (deployment) =>
      call(`create a deployment of ${deployment.sha} to ${deployment.environment}`, async () => {
        const response = await octokit.rest.repos.createDeployment({
          owner,
          repo: name,
          ref: deployment.sha,
          environment: deployment.environment,
          description: cut(deployment.description, DESCRIPTION_MAX),
          auto_merge: false,
          required_contexts: deployment.requiredContexts,
          payload: deployment.payload,
          transient_environment: false,
        });
        const data = response.data;
        if (!('id' in data)) throw new GitHubApiError(`create a deployment of ${deployment.sha}`, response.status, String(data.message ?? 'no deployment created'));
        return { id: data.id, sha: data.sha, environment: data.environment };
      }),
    createDeploymentStatus: (deploymentId, status) =>
      call(`set deployment ${deploymentId} to ${status.state}`, async () => {
        await octokit.rest.repos.createDeploymentStatus({
          owner,
          repo: name,
          deployment_id: deploymentId,
          state: status.state,
          description: cut(status.description, DESCRIPTION_MAX),
          ...(status.logUrl ? { log_url: status.logUrl } : {}),
          auto_inactive: true,
        });
      }),
  };
}
