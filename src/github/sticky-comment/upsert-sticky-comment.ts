// Keeps one sticky comment (in parts) on a pull request: finds the app's own
// comments by their hidden marker, then applies the plan. Idempotent: the
// same report twice makes no write at all.
import { parseStickyMarker } from '../../report/sticky-marker.js';
import type { GitHubPort, IssueCommentInfo } from '../github-port.js';
import { planStickyComment, type StickyStep } from './plan-sticky-comment.js';

export async function upsertStickyComment(
  port: GitHubPort,
  pullNumber: number,
  parts: readonly string[],
  appId: number | undefined,
): Promise<StickyStep[]> {
  const comments = await port.listIssueComments(pullNumber);
  const ours = comments.filter((c) => isOurs(c, appId));
  const steps = planStickyComment(ours, parts);
  for (const step of steps) {
    if (step.op === 'create') await port.createIssueComment(pullNumber, step.body);
    else if (step.op === 'update') await port.updateIssueComment(step.id, step.body);
    else await port.deleteIssueComment(step.id);
  }
  return steps;
}

/**
 * Marked by us and written by this app: a user's quote of the marker is left
 * alone, and so is a comment another app wrote. A comment without
 * performed_via_github_app (token auth, GitHub Enterprise versions and
 * stand-ins that leave it out) counts when a bot wrote it.
 */
function isOurs(comment: IssueCommentInfo, appId: number | undefined): boolean {
  if (parseStickyMarker(comment.body) === undefined) return false;
  if (appId === undefined || comment.appId === null) return comment.userType === 'Bot';
  return comment.appId === appId;
}
