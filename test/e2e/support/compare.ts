// GET /repos/{owner}/{repo}/compare/{base}...{head} of the scenario's
// repository from GitHub's example, with the answer the test names for each
// "base...head": ahead_by, behind_by and the status they imply (behind: head
// is an ancestor of base; diverged: both sides have commits of their own).
import type { FakeGitHub } from '../../harness/github/index.js';
import { OWNER, REPO } from './sync-scenario.js';

export interface Comparison {
  aheadBy: number;
  behindBy: number;
}

function statusOf(c: Comparison): string {
  if (c.behindBy > 0) return c.aheadBy > 0 ? 'diverged' : 'behind';
  return c.aheadBy > 0 ? 'ahead' : 'identical';
}

/** Each "base...head" must be asked at least once (times: exactly that many). */
export function fakeCompare(github: FakeGitHub, comparisons: Record<string, Comparison>, options: { times?: number } = {}): void {
  for (const [basehead, comparison] of Object.entries(comparisons)) {
    github.on(
      'GET /repos/{owner}/{repo}/compare/{basehead}',
      () => ({
        status: 200,
        body: { ...github.example('commit-comparison'), status: statusOf(comparison), ahead_by: comparison.aheadBy, behind_by: comparison.behindBy, total_commits: comparison.aheadBy },
      }),
      { ...(options.times === undefined ? {} : { times: options.times }), match: (r) => r.params['owner'] === OWNER && r.params['repo'] === REPO && r.params['basehead'] === basehead },
    );
  }
}
