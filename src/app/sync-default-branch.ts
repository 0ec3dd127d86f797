// The sync after a merge (or a push) to the default branch, as numbered
// steps. The whole pass sits in one error boundary: whatever fails, every
// check run it opened is completed as failed and every deployment it opened
// gets a failure status saying why.
import type { Logger } from 'probot';
import { buildApprovalCheck, APPROVAL_CHECK } from '../approval/build-approval-check.js';
import type { Snapshot } from '../core/types.js';
import type { GitHubPort } from '../github/github-port.js';
import { readRepoConfig, type LoadRepoConfig } from '../github/read-repo-config.js';
import type { ExtractOptions } from '../github/snapshot/extract-snapshot.js';
import { takeSnapshot } from '../github/take-snapshots.js';
import { findChangedEnvironments } from '../pipeline/load-environment-states.js';
import type { PipelineDeps } from '../pipeline/pipeline-deps.js';
import type { SyncExecutor } from '../sync/create-sync-executor.js';
import { resolveSyncConfig } from '../sync/resolve-sync-config.js';
import { describeFailure } from './describe-failure.js';
import { INTERRUPTED_OUTPUT, type InflightWork } from './inflight.js';
import { OpenRecords } from './sync/open-records.js';
import { prepareSteps } from './sync/prepare-steps.js';
import { completeCheckRun, openCheckRun } from './sync/publish-check.js';
import { readApprovals } from './sync/read-approvals.js';
import { selectSyncEnvironments } from './sync/select-environments.js';
import { syncEnvironmentStep, type EnvironmentStep, type StepOutcome } from './sync/sync-environment-step.js';
import type { SyncTarget } from './sync/sync-target.js';

export interface SyncDeps {
  loadRepoConfig: LoadRepoConfig;
  /** Created on first use (it reads the app settings). */
  syncExecutor: () => SyncExecutor;
  pipeline?: PipelineDeps;
  snapshot?: ExtractOptions;
  /** After an environment is synced: drift detection starts watching it (src/app/drift). */
  onSynced?: (port: GitHubPort, sha: string, step: Pick<EnvironmentStep, 'env' | 'objects' | 'sync'>) => void;
  /** The default branch is at `head` now (a push or a merge; `before`: the commit it replaced): drift reports move to it (src/app/drift). */
  onHead?: (port: GitHubPort, head: string, before?: string) => void;
  /** Work in flight at a stop: a sync cut short completes its check runs and deployments as interrupted. */
  inflight?: InflightWork;
}

export type SyncLog = Pick<Logger, 'info' | 'warn' | 'error'>;

export type SyncOutcome =
  | { status: 'done'; environments: Record<string, StepOutcome | 'not-approved'> }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: unknown };

const emptySnapshot = (sha: string): Snapshot => ({ sha, files: new Map() });

export async function syncDefaultBranch(port: GitHubPort, target: SyncTarget, deps: SyncDeps, log: SyncLog): Promise<SyncOutcome> {
  const open = new OpenRecords();
  const release = deps.inflight?.hold(`sync of ${target.sha.slice(0, 7)}`, () =>
    open.failAll(port, INTERRUPTED_OUTPUT.title, INTERRUPTED_OUTPUT.summary, 'kubegate stopped during the sync; comment /sync on the pull request (or push again) to run it anew'),
  );
  try {
    // 0. The head moved, whatever this commit changes: the drift check runs follow it.
    deps.onHead?.(port, target.sha, target.beforeSha);
    // 1. Config from the default branch only; sync is opt-in per environment (sync.mode).
    const loaded = await readRepoConfig(port, target.defaultBranch, deps.loadRepoConfig);
    if (!loaded.ok) return { status: 'skipped', reason: `the config on ${target.defaultBranch} is not valid (the pull-request checks say why); nothing is synced` };
    const { config } = loaded;
    if (!config.environments.some((env) => resolveSyncConfig(config, env).enabled)) return { status: 'skipped', reason: 'no environment has a sync.mode' };
    // 2. The default branch before the commit, and the commit (one tarball each).
    const before = target.beforeSha ?? (await port.commitParent(target.sha));
    const [base, head] = await Promise.all([before ? takeSnapshot(port, before, deps.snapshot) : emptySnapshot(''), takeSnapshot(port, target.sha, deps.snapshot)]);
    // 3. The environments the commit changes (or every one with sync.when always), with sync on.
    const found = await findChangedEnvironments(config, base, head, deps.pipeline);
    const environments = selectSyncEnvironments(config, found.environments);
    if (environments.length === 0) return { status: 'skipped', reason: `commit ${target.sha.slice(0, 7)} changes no environment that syncs` };
    // 4. Approval per environment, reported as kubegate/approval on the commit.
    const approvals = await readApprovals(port, target, config, environments);
    const approvalRun = await openCheckRun(port, target.sha, APPROVAL_CHECK, 'kubegate:approval', { title: 'Checking approvals…', summary: 'kubegate is checking who approved this change.' });
    open.openRun(approvalRun);
    await completeCheckRun(port, approvalRun, buildApprovalCheck(target.sha, approvals));
    open.closeRun(approvalRun);
    const approved = environments.filter((env) => approvals.find((a) => a.environment === env.name)?.decision.approved);
    const outcomes: Record<string, StepOutcome | 'not-approved'> = Object.fromEntries(environments.map((env) => [env.name, 'not-approved' as const]));
    // 5. Each approved environment's desired state at the commit, and what the preview covered.
    const prepared = await prepareSteps(config, approved, { base, head }, found.changed, deps.pipeline);
    // 6. Sync each one, with its Deployment and check run.
    for (const step of prepared) {
      outcomes[step.env.name] = await syncEnvironmentStep(port, target, step, deps.syncExecutor(), open);
      if (outcomes[step.env.name] === 'synced' || outcomes[step.env.name] === 'already-deployed') deps.onSynced?.(port, target.sha, step);
    }
    return { status: 'done', environments: outcomes };
  } catch (error: unknown) {
    log.error({ err: error }, `kubegate: the sync of ${target.sha} failed`);
    if (open.isEmpty()) throw error;
    const { title, summary } = describeFailure(error, 'sync this commit');
    await open.failAll(port, title, summary, `kubegate could not finish the sync: ${error instanceof Error ? error.message : String(error)}`);
    return { status: 'failed', error };
  } finally {
    release?.();
  }
}
