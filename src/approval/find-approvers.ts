// Who approved the pull request's last commit: the latest review of each user
// wins (COMMENTED and PENDING reviews change nothing, as on GitHub), only
// APPROVED reviews given on the pull request's head commit count, and the
// author's own approval never does.
import type { CommitPullRequest, PullRequestReview } from '../github/sync-port.js';

const DECIDING = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

function order(a: PullRequestReview, b: PullRequestReview): number {
  const at = Date.parse(a.submittedAt ?? '') || 0;
  const bt = Date.parse(b.submittedAt ?? '') || 0;
  return at - bt || a.id - b.id;
}

export function findApprovers(pullRequest: CommitPullRequest, reviews: readonly PullRequestReview[]): string[] {
  const latest = new Map<string, PullRequestReview>();
  for (const review of [...reviews].filter((r) => DECIDING.has(r.state) && r.user !== '').sort(order)) latest.set(review.user.toLowerCase(), review);
  return [...latest.values()]
    .filter((r) => r.state === 'APPROVED' && r.commitId === pullRequest.headSha && r.user.toLowerCase() !== pullRequest.author.toLowerCase())
    .map((r) => r.user)
    .sort();
}
