// The fast half of a rollback: the environment's files at the target
// revision, rendered with the default branch's config, applied through the
// sync executor (Lease, ApplySet prune, health wait) and recorded as a new
// Deployment of that revision with a kubegate/sync (ENV) check run; drift
// detection then watches that revision (onSynced). `execute`
// replaces the executor where the outcome is already known (an Argo CD
// rollback, recorded once Argo CD answered).
import type { EnvironmentConfig, RepoConfig } from '../../../config/types.js';
import type { GitHubPort } from '../../../github/github-port.js';
import { takeSnapshot } from '../../../github/take-snapshots.js';
import { findChangedEnvironments } from '../../../pipeline/load-environment-states.js';
import type { SyncExecutor } from '../../../sync/create-sync-executor.js';
import type { SyncDeps } from '../../sync-default-branch.js';
import { OpenRecords } from '../../sync/open-records.js';
import { prepareSteps } from '../../sync/prepare-steps.js';
import { syncEnvironmentStep, type StepOutcome } from '../../sync/sync-environment-step.js';

export interface Revision {
  defaultBranch: string;
  /** The commit the environment runs now, and the one to go back to. */
  currentSha: string;
  targetSha: string;
  /** The Deployment's description (a pre-merge sync names its pull request). */
  description?: string;
  /** What failed, for the records left open ("rollback"). */
  purpose?: string;
  /** Superseded when ENV already runs a newer commit that contains this one (a pre-merge sync); a rollback (the default) goes back on purpose. */
  ordered?: boolean;
}

export async function reapplyRevision(port: GitHubPort, config: RepoConfig, env: EnvironmentConfig, revision: Revision, deps: SyncDeps, execute?: SyncExecutor): Promise<StepOutcome> {
  const [base, head] = await Promise.all([takeSnapshot(port, revision.currentSha, deps.snapshot), takeSnapshot(port, revision.targetSha, deps.snapshot)]);
  const found = await findChangedEnvironments(config, base, head, deps.pipeline);
  const [step] = await prepareSteps(config, [env], { base, head }, found.changed, deps.pipeline);
  if (!step) throw new Error(`no sync step was prepared for ${env.name}`);
  const target = { repo: port.repo, defaultBranch: revision.defaultBranch, sha: revision.targetSha, trigger: 'merge' as const };
  const open = new OpenRecords();
  try {
    const outcome = await syncEnvironmentStep(port, target, { ...step, redeploy: true, rollback: !revision.ordered, ...(revision.description ? { description: revision.description } : {}) }, execute ?? deps.syncExecutor(), open);
    // The deployed revision moved: drift compares with it from now on (and self-heal keeps it, not the one before).
    if (outcome === 'synced') deps.onSynced?.(port, revision.targetSha, step);
    return outcome;
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    if (!open.isEmpty()) await open.failAll(port, `kubegate could not finish the ${revision.purpose ?? 'rollback'}`, reason, `${revision.purpose ?? 'rollback'} failed: ${reason}`);
    throw error;
  }
}
