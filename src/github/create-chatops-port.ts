// The Octokit side of ChatOpsPort (see chatops-port.ts), spread into the
// GitHubPort by create-github-port.ts.
import type { ProbotOctokit } from 'probot';
import { PERMISSIONS, type Permission } from '../chatops/types.js';
import { callGitHub as call, statusOf } from './call-github.js';
import type { ChatOpsPort } from './chatops-port.js';
import { compareCommits } from './compare-commits.js';
import { GitHubApiError } from './errors.js';
import type { RepoRef } from './github-port.js';

export function createChatOpsPort(octokit: ProbotOctokit, repo: RepoRef): ChatOpsPort {
  const { owner, repo: name } = repo;
  return {
    addCommentReaction: (commentId, content) =>
      call(`react ${content} to comment ${commentId}`, async () => {
        await octokit.rest.reactions.createForIssueComment({ owner, repo: name, comment_id: commentId, content });
      }),
    collaboratorPermission: (username) =>
      call(`read the permission of ${username}`, async () => {
        try {
          const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo: name, username });
          return toPermission(data.role_name) ?? toPermission(data.permission) ?? 'none';
        } catch (error: unknown) {
          if (statusOf(error) === 404) return 'none';
          throw error;
        }
      }),
    pullRequestState: (pullNumber) =>
      call(`read pull request #${pullNumber}`, async () => {
        const { data } = await octokit.rest.pulls.get({ owner, repo: name, pull_number: pullNumber });
        return {
          number: data.number,
          state: data.state,
          merged: data.merged,
          mergeCommitSha: data.merge_commit_sha,
          baseRef: data.base.ref,
          headSha: data.head.sha,
          author: data.user.login,
          htmlUrl: data.html_url,
          mergeable: data.mergeable,
          mergeableState: data.mergeable_state,
          baseSha: data.base.sha,
        };
      }),
    compareCommits: (base, head) => call(`compare ${base.slice(0, 12)}...${head.slice(0, 12)}`, () => compareCommits(octokit, repo, base, head)),
    listCommitStatuses: (ref) => {
      const action = `read the commit statuses of ${ref.slice(0, 7)}`;
      return call(action, async () => {
        try {
          const { data } = await octokit.rest.repos.getCombinedStatusForRef({ owner, repo: name, ref, per_page: 100 });
          return data.statuses.map((s) => ({ context: s.context, state: s.state }));
        } catch (error: unknown) {
          // Installations from before kubegate asked for it have not granted the permission yet.
          if (statusOf(error) === 403) throw new GitHubApiError(action, 403, "HTTP 403: the app needs the Commit statuses: read permission (accept it in the installation's settings)", { cause: error });
          throw error;
        }
      });
    },
  };
}

function toPermission(value: string | undefined): Permission | undefined {
  return PERMISSIONS.find((p) => p === value);
}
