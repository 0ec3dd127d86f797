// GET compare/{base}...{head}, shared by the ports that ask how two commits
// relate (pre-merge /sync: is the head behind its base; sync ordering: is a
// commit older than the deployed one). One commit per page: only the counts
// and the status are read, not the commit list.
import type { ProbotOctokit } from 'probot';
import type { RepoRef } from './github-port.js';

/** How head relates to base, as GitHub's compare answers it. */
export interface CommitComparison {
  /** ahead: head has commits base lacks; behind: head is an ancestor of base; diverged: both; identical. */
  status: 'ahead' | 'behind' | 'diverged' | 'identical';
  aheadBy: number;
  behindBy: number;
}

export async function compareCommits(octokit: ProbotOctokit, repo: RepoRef, base: string, head: string): Promise<CommitComparison> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner: repo.owner, repo: repo.repo, basehead: `${base}...${head}`, per_page: 1 });
  return { status: data.status, aheadBy: data.ahead_by, behindBy: data.behind_by };
}
