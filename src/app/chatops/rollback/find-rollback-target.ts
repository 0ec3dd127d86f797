// Which revision /rollback ENV [SHA] goes back to: the given SHA, which must
// have a successful Deployment to ENV, or the newest successful Deployment of
// another commit than the one ENV runs now. Statuses are read newest first,
// only until the answer is known.
import type { GitHubPort } from '../../../github/github-port.js';
import type { DeploymentInfo } from '../../../github/sync-port.js';

export type RollbackTarget = { ok: true; current: DeploymentInfo; target: DeploymentInfo } | { ok: false; reason: string };

export async function findRollbackTarget(port: GitHubPort, environment: string, sha: string | undefined): Promise<RollbackTarget> {
  let current: DeploymentInfo | undefined;
  const wanted = (d: DeploymentInfo): boolean => (sha === undefined ? d.sha !== current?.sha : d.sha.startsWith(sha.toLowerCase()));
  for (const deployment of await port.listEnvironmentDeployments(environment)) {
    if (current && !wanted(deployment)) continue;
    if ((await port.latestDeploymentState(deployment.id)) !== 'success') continue;
    if (!current) {
      current = deployment;
      if (sha !== undefined && wanted(deployment)) return { ok: false, reason: `${environment} already runs ${deployment.sha.slice(0, 7)}` };
      continue;
    }
    return { ok: true, current, target: deployment };
  }
  if (!current) return { ok: false, reason: `${environment} has no successful deployment to go back from` };
  return {
    ok: false,
    reason: sha === undefined ? `${environment} has no earlier successful deployment than ${current.sha.slice(0, 7)}` : `${sha} was never deployed successfully to ${environment} (among its last 30 deployments)`,
  };
}
