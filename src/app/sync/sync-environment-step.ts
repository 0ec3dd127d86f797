// One approved environment of a sync pass, as steps: skip it when this commit
// is already deployed there; the GitHub Deployment (reused after a restart)
// and the check run `kubegate/sync (ENV)` in progress; the sync itself; then
// the check run's result and the deployment's final status.
import type { EnvironmentConfig } from '../../config/types.js';
import type { CheckResult, ManifestObject } from '../../core/types.js';
import type { GitHubPort } from '../../github/github-port.js';
import type { DeploymentInfo } from '../../github/sync-port.js';
import { scrubText } from '../../diff/secret-values.js';
import { buildSyncCheck, syncCheckName } from '../../sync/build-sync-check.js';
import { comparePrediction, type Prediction } from '../../sync/compare-prediction.js';
import type { SyncExecutor } from '../../sync/create-sync-executor.js';
import type { QueueOutcome } from '../../sync/lease/sync-queue.js';
import type { ResolvedSync } from '../../sync/resolve-sync-config.js';
import type { SyncResult } from '../../sync/types.js';
import type { OpenRecords } from './open-records.js';
import { completeCheckRun, openCheckRun } from './publish-check.js';
import type { SyncTarget } from './sync-target.js';

export interface EnvironmentStep {
  env: EnvironmentConfig;
  sync: ResolvedSync;
  objects: readonly ManifestObject[];
  prediction: Prediction;
  secretValues: readonly string[];
  /** Why the environment cannot be synced at all (its files could not be rendered). */
  refusal?: string;
  /** Apply even when this commit was deployed here before (a ChatOps rollback). */
  redeploy?: boolean;
  /** A ChatOps rollback: applied although the environment runs a newer commit (no ordering). */
  rollback?: boolean;
  /** The Deployment's description (default "kubegate MODE sync of SHA"). */
  description?: string;
}

export type StepOutcome = 'synced' | 'failed' | 'already-deployed' | 'superseded';

/** The deployment of this commit to this environment to reuse, or "done" when it already succeeded. */
async function existingDeployment(port: GitHubPort, target: SyncTarget, environment: string): Promise<DeploymentInfo | 'done' | undefined> {
  const [latest] = await port.listDeployments(target.sha, environment);
  if (!latest) return undefined;
  return (await port.latestDeploymentState(latest.id)) === 'success' ? 'done' : latest;
}

export async function syncEnvironmentStep(port: GitHubPort, target: SyncTarget, step: EnvironmentStep, execute: SyncExecutor, open: OpenRecords): Promise<StepOutcome> {
  const { env, sync } = step;
  const short = target.sha.slice(0, 7);
  // 1. A redelivered event or a second replica: this commit is already deployed here.
  const existing = step.redeploy ? undefined : await existingDeployment(port, target, env.name);
  if (existing === 'done') return 'already-deployed';
  // 2. The records, in progress.
  const deployment =
    existing ??
    (await port.createDeployment({
      sha: target.sha,
      environment: env.name,
      description: step.description ?? `kubegate ${sync.mode} sync of ${short}`,
      payload: { kubegate: { mode: sync.mode, cluster: env.cluster ?? null } },
      requiredContexts: [],
    }));
  open.openDeployment(deployment.id);
  const run = await openCheckRun(port, target.sha, syncCheckName(env.name), `kubegate:sync:${env.name}`, {
    title: 'Syncing…',
    summary: `kubegate is syncing environment **${env.name}** to \`${short}\` (mode \`${sync.mode}\`).`,
  });
  open.openRun(run);
  await port.createDeploymentStatus(deployment.id, { state: 'in_progress', description: `syncing ${short} (${sync.mode})`, ...(run.htmlUrl ? { logUrl: run.htmlUrl } : {}) });
  // 3. The sync (one at a time per environment; a newer commit may supersede this one while it waits).
  const outcome: QueueOutcome<SyncResult> = step.refusal
    ? { status: 'ran', value: { environment: env.name, cluster: env.cluster ?? '', mode: sync.mode, status: 'refused', reason: step.refusal, objects: [], unhealthy: [], durationMs: 0 } }
    : await execute({
        repository: `${target.repo.owner}/${target.repo.repo}`,
        environment: env,
        sync,
        sha: target.sha,
        objects: step.objects,
        // Across replicas, a commit older than the one last synced is superseded; a rollback goes back on purpose.
        ...(step.rollback ? { rollback: true } : { isAncestor: port.isAncestor }),
        ...(target.installationId !== undefined ? { installationId: target.installationId } : {}),
      });
  // 4. The results.
  let check: CheckResult;
  if (outcome.status === 'superseded') {
    const by = `\`${outcome.by.slice(0, 7)}\``;
    const summary = outcome.deployed
      ? `Environment **${env.name}** already runs ${by}, a newer commit that includes this one (another replica synced it first), so this older commit is not applied.`
      : `A newer commit, ${by}, reached the queue of environment **${env.name}** while this one waited; it includes these changes and is synced instead.`;
    check = { name: syncCheckName(env.name), conclusion: 'neutral', title: `superseded by ${outcome.by.slice(0, 7)}`, summary, findings: [] };
  } else {
    check = buildSyncCheck(outcome.value, { sha: target.sha, mismatches: comparePrediction(outcome.value.objects, step.prediction), secretValues: step.secretValues });
  }
  await completeCheckRun(port, run, check);
  open.closeRun(run);
  const state = outcome.status === 'superseded' ? 'inactive' : check.conclusion === 'success' ? 'success' : 'failure';
  const description = outcome.status === 'superseded' ? `superseded by ${outcome.by.slice(0, 7)}` : scrubText(outcome.value.reason, step.secretValues);
  await port.createDeploymentStatus(deployment.id, { state, description, ...(run.htmlUrl ? { logUrl: run.htmlUrl } : {}) });
  open.closeDeployment(deployment.id);
  return outcome.status === 'superseded' ? 'superseded' : state === 'success' ? 'synced' : 'failed';
}
