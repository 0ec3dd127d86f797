// Event routing, nothing else: which webhook goes to which handler.
import type { ApplicationFunction } from 'probot';
import type { AppDeps } from './app-deps.js';
import { ShuttingDownError, type InflightWork } from './inflight.js';
import { onCheckRunRerequested } from './handlers/on-check-run-rerequested.js';
import { onCheckSuiteRerequested } from './handlers/on-check-suite-rerequested.js';
import { onIssueComment } from './handlers/on-issue-comment.js';
import { onPullRequest } from './handlers/on-pull-request.js';
import { onPullRequestClosed } from './handlers/on-pull-request-closed.js';
import { onPush } from './handlers/on-push.js';

export const PULL_REQUEST_ACTIONS = [
  'pull_request.opened',
  'pull_request.synchronize',
  'pull_request.reopened',
  'pull_request.ready_for_review',
] as const;

/**
 * A handler failure reaches Probot (which logs it and answers the delivery with
 * 500, so it can be redelivered) as a plain error. Errors of our adapters carry
 * an HTTP `status` of the call that failed (0 when no answer came back), which
 * @octokit/webhooks would otherwise use as the status of its own answer.
 */
export class WebhookHandlerError extends Error {
  override readonly name = 'WebhookHandlerError';
}

function guarded<C>(event: string, inflight: InflightWork | undefined, handler: (context: C) => Promise<void>): (context: C) => Promise<void> {
  return async (context) => {
    // A delivery that arrives while the app stops is refused before anything starts (GitHub can redeliver it).
    if (inflight?.closing) throw new ShuttingDownError();
    try {
      await handler(context);
    } catch (error: unknown) {
      const message = error instanceof Error ? error.message : String(error);
      throw new WebhookHandlerError(`kubegate: ${event} failed: ${message}`, { cause: error });
    }
  };
}

export function createApp(deps: AppDeps): ApplicationFunction {
  return (app) => {
    app.on([...PULL_REQUEST_ACTIONS], guarded('pull_request', deps.inflight, (context) => onPullRequest(context, deps)));
    app.on('check_run.rerequested', guarded('check_run.rerequested', deps.inflight, (context) => onCheckRunRerequested(context, deps)));
    app.on('check_suite.rerequested', guarded('check_suite.rerequested', deps.inflight, (context) => onCheckSuiteRerequested(context, deps)));
    app.on('pull_request.closed', guarded('pull_request.closed', deps.inflight, (context) => onPullRequestClosed(context, deps)));
    app.on('push', guarded('push', deps.inflight, (context) => onPush(context, deps)));
    app.on('issue_comment.created', guarded('issue_comment.created', deps.inflight, (context) => onIssueComment(context, deps)));
  };
}
