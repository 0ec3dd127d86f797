// A self-heal is recorded like a sync: a GitHub Deployment of the deployed
// revision to the environment, with a success (or failure) status linking to
// the drift report that led to it.
import type { HealResult } from '../../drift/heal/heal-drift.js';
import type { GitHubPort } from '../../github/github-port.js';

export async function recordHeal(port: GitHubPort, sha: string, environment: string, result: HealResult, logUrl?: string): Promise<void> {
  if (result.healed.length === 0 && result.failed.length === 0) return;
  const failed = result.failed.length > 0;
  const description = failed
    ? `kubegate self-heal: ${result.healed.length} re-applied, ${result.failed.length} failed (${result.failed[0]?.message ?? ''})`
    : `kubegate self-heal: re-applied ${result.healed.length} drifted objects`;
  const deployment = await port.createDeployment({ sha, environment, description, payload: { kubegate: 'self-heal', healed: result.healed }, requiredContexts: [] });
  await port.createDeploymentStatus(deployment.id, { state: failed ? 'failure' : 'success', description, ...(logUrl ? { logUrl } : {}) });
}
