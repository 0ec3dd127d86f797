// The Octokit side of RevertPort (see revert-port.ts), spread into the
// GitHubPort by create-github-port.ts.
import type { ProbotOctokit } from 'probot';
import { callGitHub as call } from './call-github.js';
import type { RepoRef } from './github-port.js';
import type { RevertPort } from './revert-port.js';

export function createRevertPort(octokit: ProbotOctokit, repo: RepoRef): RevertPort {
  const { owner, repo: name } = repo;
  return {
    listEnvironmentDeployments: (environment) =>
      call(`list the deployments of ${environment}`, async () => {
        const { data } = await octokit.rest.repos.listDeployments({ owner, repo: name, environment, per_page: 30 });
        return data.map((d) => ({ id: d.id, sha: d.sha, environment: d.environment }));
      }),
    branchHead: (branch) =>
      call(`read the head of branch ${branch}`, async () => {
        const { data: ref } = await octokit.rest.git.getRef({ owner, repo: name, ref: `heads/${branch}` });
        const { data: commit } = await octokit.rest.git.getCommit({ owner, repo: name, commit_sha: ref.object.sha });
        return { sha: commit.sha, treeSha: commit.tree.sha };
      }),
    createTree: (baseTree, changes) =>
      call('create the revert tree', async () => {
        const tree = changes.map((c) => ({ path: c.path, mode: toMode(c.mode), type: 'blob' as const, sha: c.sha }));
        const { data } = await octokit.rest.git.createTree({ owner, repo: name, base_tree: baseTree, tree });
        return data.sha;
      }),
    createCommit: (message, tree, parents) =>
      call('create the revert commit', async () => {
        const { data } = await octokit.rest.git.createCommit({ owner, repo: name, message, tree, parents: [...parents] });
        return data.sha;
      }),
    createBranch: (branch, sha) =>
      call(`create branch ${branch}`, async () => {
        await octokit.rest.git.createRef({ owner, repo: name, ref: `refs/heads/${branch}`, sha });
      }),
    openPullRequest: (pull) =>
      call(`open pull request ${pull.head}`, async () => {
        const { data } = await octokit.rest.pulls.create({ owner, repo: name, ...pull });
        return { number: data.number, htmlUrl: data.html_url };
      }),
  };
}

function toMode(mode: string): '100644' | '100755' | '120000' {
  return mode === '100755' || mode === '120000' ? mode : '100644';
}
