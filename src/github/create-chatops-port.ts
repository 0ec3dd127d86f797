// The Octokit side of ChatOpsPort (see chatops-port.ts), spread into the
// GitHubPort by create-github-port.ts.
import type { ProbotOctokit } from 'probot';
import { PERMISSIONS, type Permission } from '../chatops/types.js';
import { callGitHub as call, statusOf } from './call-github.js';
import type { ChatOpsPort } from './chatops-port.js';
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
  };
}

function toPermission(value: string | undefined): Permission | undefined {
  return PERMISSIONS.find((p) => p === value);
}
