import type { Context } from 'probot';
import type { AppDeps } from '../app-deps.js';
import { repoOf, targetFromPullRequest } from '../resolve-target.js';
import { runDelivery } from '../run-delivery.js';

export type PullRequestContext = Context<
  'pull_request.opened' | 'pull_request.synchronize' | 'pull_request.reopened' | 'pull_request.ready_for_review'
>;

export async function onPullRequest(context: PullRequestContext, deps: AppDeps): Promise<void> {
  const port = deps.createPort(context.octokit, repoOf(context.payload.repository));
  await runDelivery(context, port, deps, async () => targetFromPullRequest(context.payload));
}
