import type { Context } from 'probot';
import type { AppDeps } from '../app-deps.js';
import { runChatOpsDelivery } from '../chatops/run-chatops-delivery.js';
import { repoOf } from '../resolve-target.js';

export async function onIssueComment(context: Context<'issue_comment.created'>, deps: AppDeps): Promise<void> {
  const port = deps.createPort(context.octokit, repoOf(context.payload.repository));
  await runChatOpsDelivery(context, port, deps, context.payload);
}
