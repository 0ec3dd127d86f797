import type { Context } from 'probot';
import type { AppDeps } from '../app-deps.js';
import { repoOf, targetFromCheckSuite } from '../resolve-target.js';
import { runDelivery } from '../run-delivery.js';

export async function onCheckSuiteRerequested(context: Context<'check_suite.rerequested'>, deps: AppDeps): Promise<void> {
  const port = deps.createPort(context.octokit, repoOf(context.payload.repository));
  await runDelivery(context, port, deps, () => targetFromCheckSuite(context.payload, port));
}
