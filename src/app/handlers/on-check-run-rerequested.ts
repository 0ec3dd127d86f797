import type { Context } from 'probot';
import type { AppDeps } from '../app-deps.js';
import { repoOf, targetFromCheckRun } from '../resolve-target.js';
import { runDelivery } from '../run-delivery.js';

export async function onCheckRunRerequested(context: Context<'check_run.rerequested'>, deps: AppDeps): Promise<void> {
  const port = deps.createPort(context.octokit, repoOf(context.payload.repository));
  await runDelivery(context, port, deps, () => targetFromCheckRun(context.payload, port));
}
