// One webhook delivery: skip a duplicate, resolve what to validate, then run
// the pass, one at a time per head commit.
import type { GitHubPort } from '../github/github-port.js';
import type { AppDeps } from './app-deps.js';
import type { Resolved } from './resolve-target.js';
import { validatePullRequest, type PassLog } from './validate-pull-request.js';

export interface Delivery {
  id: string;
  log: PassLog;
}

export async function runDelivery(
  delivery: Delivery,
  port: GitHubPort,
  deps: AppDeps,
  resolve: () => Promise<Resolved>,
): Promise<void> {
  const { id, log } = delivery;
  if (!deps.deliveries.begin(id)) {
    log.info(`kubegate: delivery ${id} was already handled; ignored`);
    return;
  }
  let succeeded = false;
  try {
    const resolved = await resolve();
    if (!resolved.ok) {
      log.info(`kubegate: nothing to validate: ${resolved.reason}`);
      succeeded = true;
      return;
    }
    const { target } = resolved;
    const key = `${target.repo.owner}/${target.repo.repo}@${target.headSha}`;
    const outcome = await deps.queue.run(key, () => validatePullRequest(port, target, deps, log));
    if (outcome.status === 'skipped') log.info(`kubegate: ${key}: ${outcome.reason}`);
    succeeded = outcome.status !== 'failed';
  } finally {
    deps.deliveries.end(id, succeeded);
  }
}
