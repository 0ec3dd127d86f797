// GET /repos/{owner}/{repo}/compare/{base}...{head} from GitHub's example,
// answering the merge base of the two commits: the one the test names for a
// head (the base branch moved on after the pull request branched off), else
// the base itself (the head is based on the base's tip). A compare the test
// lists as failing answers 404, as GitHub does for commits it does not know.
import type { FakeGitHub } from '../fake-github.js';

export interface CompareCommitsOptions {
  owner: string;
  repo: string;
  /** head sha -> the merge base GitHub computes for it. */
  mergeBases?: Record<string, string>;
  /** head shas whose compare fails. */
  failing?: string[];
}

const NOT_FOUND = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/commits/commits#compare-two-commits' } };

export function fakeCompareCommits(github: FakeGitHub, options: CompareCommitsOptions): void {
  github.on(
    'GET /repos/{owner}/{repo}/compare/{basehead}',
    (request) => {
      const [base, head, ...rest] = (request.params['basehead'] ?? '').split('...');
      if (!base || !head || rest.length > 0) return { status: 422, body: { message: `basehead must be BASE...HEAD, not ${request.params['basehead']}`, documentation_url: 'https://docs.github.com/rest' } };
      if (options.failing?.includes(head)) return NOT_FOUND;
      const body = github.example('commit-comparison');
      const mergeBase = options.mergeBases?.[head] ?? base;
      const exampleBase = body['merge_base_commit'] as Record<string, unknown>;
      return { status: 200, body: { ...body, merge_base_commit: { ...exampleBase, sha: mergeBase } } };
    },
    { optional: true, match: (r) => r.params['owner'] === options.owner && r.params['repo'] === options.repo },
  );
}
