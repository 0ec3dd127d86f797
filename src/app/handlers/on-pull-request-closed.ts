import type { Context } from 'probot';
import type { AppDeps } from '../app-deps.js';
import { repoOf } from '../resolve-target.js';
import { runSyncDelivery } from '../sync/run-sync-delivery.js';
import { targetFromMerge } from '../sync/sync-payloads.js';

export async function onPullRequestClosed(context: Context<'pull_request.closed'>, deps: AppDeps): Promise<void> {
  const port = deps.createPort(context.octokit, repoOf(context.payload.repository));
  await runSyncDelivery(context, port, deps, targetFromMerge(context.payload));
}
