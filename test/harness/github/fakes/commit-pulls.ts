// What the approval check reads: GET commits/{sha}/pulls (the pull requests a
// commit belongs to), GET pulls/{n}/reviews, GET the team membership of a
// user, and GET commits/{ref} (its parent), from GitHub's examples with the
// test's numbers, commits, authors and reviews.
import type { FakeGitHub } from '../fake-github.js';
import { isObject } from '../openapi-description.js';

export interface FakeMergedPull {
  number: number;
  /** The commit on the default branch it was merged as. */
  mergeCommitSha: string;
  headSha: string;
  baseRef: string;
  author: string;
  merged: boolean;
}

export interface FakeReview {
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  commitId: string;
  submittedAt: string;
}

export interface CommitPullsOptions {
  owner: string;
  repo: string;
  pulls: FakeMergedPull[];
  reviews: Record<number, FakeReview[]>;
  /** "org/team" -> active members. */
  teams?: Record<string, string[]>;
  /** commit sha -> its first parent. */
  parents?: Record<string, string>;
}

const NOT_FOUND = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };

export function fakeCommitPulls(github: FakeGitHub, options: CommitPullsOptions): void {
  const ours = { optional: true, match: (r: { params: Record<string, string> }) => r.params['owner'] === options.owner && r.params['repo'] === options.repo };
  const user = (login: string): Record<string, unknown> => {
    const review = github.example('pull-request-review');
    return { ...(isObject(review['user']) ? review['user'] : {}), login };
  };
  github.on(
    'GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls',
    (request) => {
      const template = github.example('pull-request-simple');
      const found = options.pulls.filter((p) => p.mergeCommitSha === request.params['commit_sha'] || p.headSha === request.params['commit_sha']);
      const body = found.map((p) => {
        const pr = structuredClone(template);
        const base = isObject(pr['base']) ? pr['base'] : {};
        const head = isObject(pr['head']) ? pr['head'] : {};
        Object.assign(pr, {
          number: p.number,
          state: p.merged ? 'closed' : 'open',
          user: user(p.author),
          merged_at: p.merged ? '2024-05-15T15:21:18Z' : null,
          merge_commit_sha: p.mergeCommitSha,
          requested_teams: [],
          base: { ...base, ref: p.baseRef },
          head: { ...head, sha: p.headSha },
        });
        return pr;
      });
      return { status: 200, body };
    },
    ours,
  );
  github.on(
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    (request) => {
      const template = github.example('pull-request-review');
      const reviews = options.reviews[Number(request.params['pull_number'])] ?? [];
      const body = reviews.map((r, i) => ({ ...structuredClone(template), id: 500 + i, user: user(r.user), state: r.state, commit_id: r.commitId, submitted_at: r.submittedAt }));
      return { status: 200, body };
    },
    ours,
  );
  github.on(
    'GET /orgs/{org}/teams/{team_slug}/memberships/{username}',
    (request) => {
      const members = options.teams?.[`${request.params['org']}/${request.params['team_slug']}`] ?? [];
      if (!members.includes(request.params['username'] ?? '')) return NOT_FOUND;
      const body = github.example('team-membership-response-if-user-is-a-team-maintainer');
      return { status: 200, body: { ...body, state: 'active', role: 'member' } };
    },
    { optional: true },
  );
  github.on(
    'GET /repos/{owner}/{repo}/commits/{ref}',
    (request) => {
      const parent = options.parents?.[request.params['ref'] ?? ''];
      if (!parent) return NOT_FOUND;
      const body = github.example('commit');
      // GitHub's own example lists files without the required sha and contents_url: none are needed here.
      return { status: 200, body: { ...body, files: [], sha: request.params['ref'], parents: [{ sha: parent, url: `${github.baseUrl}/repos/${options.owner}/${options.repo}/commits/${parent}` }] } };
    },
    ours,
  );
}
