// The approval rule: only APPROVED reviews on the pull request's last commit
// count, the latest deciding review of each user wins, the author's own
// approval never counts, users/teams restrict who counts.
import { decideApproval } from '../../../src/approval/decide-approval.js';
import { findApprovers } from '../../../src/approval/find-approvers.js';
import { resolveApprovalRule } from '../../../src/approval/resolve-approval-rule.js';
import type { ApprovalFacts } from '../../../src/approval/types.js';
import type { CommitPullRequest, PullRequestReview } from '../../../src/github/sync-port.js';

const HEAD = 'a'.repeat(40);
const OLD = 'b'.repeat(40);
const pr: CommitPullRequest = { number: 7, state: 'closed', merged: true, mergeCommitSha: 'm'.repeat(40), baseRef: 'main', headSha: HEAD, author: 'alice', htmlUrl: '' };
let id = 0;
const review = (user: string, state: string, commitId = HEAD, minute = id): PullRequestReview => ({ id: ++id, user, state, commitId, submittedAt: `2024-01-01T00:${String(minute).padStart(2, '0')}:00Z` });

/** pull: null for a direct push. */
function facts(reviews: PullRequestReview[], eligible: string[] = [], pull: CommitPullRequest | null = pr): ApprovalFacts {
  return { sha: pr.mergeCommitSha ?? '', defaultBranch: 'main', approvers: pull ? findApprovers(pull, reviews) : [], eligible: new Set(eligible), ...(pull ? { pullRequest: pull } : {}) };
}

describe('findApprovers', () => {
  test('latest deciding review per user wins; comments change nothing; stale and self approvals do not count', () => {
    const reviews = [
      review('bob', 'APPROVED', HEAD, 1),
      review('bob', 'COMMENTED', HEAD, 2),
      review('carol', 'APPROVED', HEAD, 1),
      review('carol', 'CHANGES_REQUESTED', HEAD, 3),
      review('dave', 'CHANGES_REQUESTED', HEAD, 1),
      review('dave', 'APPROVED', HEAD, 4),
      review('erin', 'APPROVED', OLD, 1),
      review('alice', 'APPROVED', HEAD, 5),
      review('frank', 'APPROVED', HEAD, 1),
      review('frank', 'DISMISSED', HEAD, 6),
    ];
    expect(findApprovers(pr, reviews)).toEqual(['bob', 'dave']);
  });
});

describe('decideApproval', () => {
  const rule = resolveApprovalRule({}, {}, 'acme');

  test('default rule: one approval by anyone', () => {
    expect(rule).toEqual({ required: 1, users: [], teams: [] });
    expect(decideApproval(rule, facts([review('bob', 'APPROVED')]))).toEqual({ approved: true, summary: 'pull request #7 was approved by bob (1 of 1 required)' });
  });

  test('a direct push, an unmerged pull request and another base are refused with the reason', () => {
    expect(decideApproval(rule, facts([], [], null))).toMatchObject({ approved: false, reason: expect.stringMatching(/pushed to main directly, not merged through a pull request/) });
    expect(decideApproval(rule, facts([review('bob', 'APPROVED')], [], { ...pr, merged: false }))).toEqual({ approved: false, reason: 'pull request #7 is not merged' });
    expect(decideApproval(rule, facts([review('bob', 'APPROVED')], [], { ...pr, baseRef: 'release' }))).toEqual({ approved: false, reason: 'pull request #7 was merged into release, not main' });
  });

  test('users and teams restrict who counts; the environment rule replaces the top-level one', () => {
    const strict = resolveApprovalRule({ approvals: { required: 1 } }, { approvals: { required: 2, users: ['Bob'], teams: ['sre'] } }, 'acme');
    expect(strict).toEqual({ required: 2, users: ['Bob'], teams: ['acme/sre'] });
    const reviews = [review('bob', 'APPROVED'), review('mallory', 'APPROVED'), review('sam', 'APPROVED')];
    expect(decideApproval(strict, facts(reviews, ['bob']))).toEqual({
      approved: false,
      reason: 'pull request #7 has 1 of 2 required approvals from @Bob, @acme/sre on its last commit aaaaaaa; approvals by mallory, sam do not count under this rule',
    });
    expect(decideApproval(strict, facts(reviews, ['bob', 'sam']))).toMatchObject({ approved: true });
  });

  test('required: 0 lets any merged pull request through, never a direct push', () => {
    const none = resolveApprovalRule({ approvals: { required: 0 } }, {}, 'acme');
    expect(decideApproval(none, facts([]))).toMatchObject({ approved: true });
    expect(decideApproval(none, facts([], [], null))).toMatchObject({ approved: false });
  });
});
