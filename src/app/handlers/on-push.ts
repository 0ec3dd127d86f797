import type { Context } from 'probot';
import type { AppDeps } from '../app-deps.js';
import { runSyncDelivery } from '../sync/run-sync-delivery.js';
import { pushRepo, targetFromPush } from '../sync/sync-payloads.js';

export async function onPush(context: Context<'push'>, deps: AppDeps): Promise<void> {
  const port = deps.createPort(context.octokit, pushRepo(context.payload.repository));
  await runSyncDelivery(context, port, deps, targetFromPush(context.payload));
}
