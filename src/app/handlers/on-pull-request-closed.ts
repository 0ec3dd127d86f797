import type { Context } from 'probot';
import type { AppDeps } from '../app-deps.js';
import { releaseHolds } from '../chatops/presync/release-holds.js';
import { repoOf } from '../resolve-target.js';
import { runSyncDelivery } from '../sync/run-sync-delivery.js';
import { targetFromMerge } from '../sync/sync-payloads.js';

export async function onPullRequestClosed(context: Context<'pull_request.closed'>, deps: AppDeps): Promise<void> {
  const port = deps.createPort(context.octokit, repoOf(context.payload.repository));
  await runSyncDelivery(context, port, deps, targetFromMerge(context.payload));
  // After the merge sync (the merged state wins): a pre-merge /sync's hold ends with the pull request.
  await releaseHolds(port, context.payload.pull_request.number, context.payload.repository.default_branch, deps, context.log);
}
