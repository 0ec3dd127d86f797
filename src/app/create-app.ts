// Event routing, nothing else: which webhook goes to which handler.
import type { ApplicationFunction } from 'probot';
import type { AppDeps } from './app-deps.js';
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

export function createApp(deps: AppDeps): ApplicationFunction {
  return (app) => {
    app.on([...PULL_REQUEST_ACTIONS], (context) => onPullRequest(context, deps));
    app.on('check_run.rerequested', (context) => onCheckRunRerequested(context, deps));
    app.on('check_suite.rerequested', (context) => onCheckSuiteRerequested(context, deps));
    app.on('pull_request.closed', (context) => onPullRequestClosed(context, deps));
    app.on('push', (context) => onPush(context, deps));
    app.on('issue_comment.created', (context) => onIssueComment(context, deps));
  };
}
