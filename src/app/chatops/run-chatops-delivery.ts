// One issue_comment delivery: skip what is not a person's new pull-request
// comment and a duplicate delivery, then handle the comment's commands.
import type { GitHubPort } from '../../github/github-port.js';
import type { AppDeps } from '../app-deps.js';
import { oncePerDelivery } from '../once-per-delivery.js';
import type { Delivery } from '../run-delivery.js';
import { commentRequest, type IssueCommentPayload } from './comment-payload.js';
import { handleCommandComment } from './handle-command-comment.js';

export async function runChatOpsDelivery(delivery: Delivery, port: GitHubPort, deps: AppDeps, payload: IssueCommentPayload): Promise<void> {
  const { id, log } = delivery;
  const resolved = commentRequest(payload);
  if (!resolved.ok) {
    log.info(`kubegate: comment ignored: ${resolved.reason}`);
    return;
  }
  await oncePerDelivery(deps.deliveries, id, log, async () => {
    const outcome = await handleCommandComment(port, resolved.request, payload.repository.default_branch, deps, log);
    if (outcome.status === 'ignored') log.info(`kubegate: comment ${resolved.request.commentId}: ${outcome.reason}`);
    return true;
  });
}
