// /sync ENV on an open pull request, as steps: the environment -> the
// requirements (allowPreMerge, approval of the head, mergeable, every check
// and commit status on the head green, up to date with the base, GitHub's
// mergeable_state) -> the hold on ENV (another pull request's hold refuses;
// the holder may sync again) -> the head's objects applied through the sync
// executor, recorded as a Deployment of the head.
import { decidePreMergeSync } from '../../../chatops/decide-pre-merge-sync.js';
import type { RepoConfig } from '../../../config/types.js';
import type { PullRequestState } from '../../../github/chatops-port.js';
import type { GitHubPort } from '../../../github/github-port.js';
import { takeHold } from '../../../sync/lease/environment-hold.js';
import { resolveSyncConfig } from '../../../sync/resolve-sync-config.js';
import type { AppDeps } from '../../app-deps.js';
import { done, refused, type CommandResult } from '../command-result.js';
import { reapplyRevision } from '../rollback/reapply-revision.js';
import { holderLink, holdLease, holdName } from './hold-lease.js';
import { readHeadFacts, type HeadFacts } from './read-head-facts.js';

/** The first rule refuses before these count. */
const NOT_ASKED: HeadFacts = { approval: { approved: false, reason: 'not asked' }, checks: [], appId: undefined, statuses: [], behindBy: 0 };

export interface PreMergeSyncRequest {
  environment?: string;
  defaultBranch: string;
  repoUrl: string;
}

export async function preMergeSync(port: GitHubPort, config: RepoConfig, pr: PullRequestState, request: PreMergeSyncRequest, deps: AppDeps): Promise<CommandResult> {
  // 1. The environment, named.
  const env = config.environments.find((e) => e.name === request.environment);
  if (!env) {
    const names = config.environments.filter((e) => resolveSyncConfig(config, e).enabled).map((e) => e.name);
    return refused(`\`sync\`: #${pr.number} is open; name the environment to sync its head to before merge (\`sync ENV\`; ${names.join(', ') || 'no environment has a sync.mode'})`);
  }
  const command = `\`sync ${env.name}\``;
  if (pr.baseRef !== request.defaultBranch) return refused(`${command}: #${pr.number} targets ${pr.baseRef}, not the default branch ${request.defaultBranch}`);
  // 2. The requirements; the first that fails is the answer.
  const sync = resolveSyncConfig(config, env);
  const allowPreMerge = env.sync?.allowPreMerge ?? config.sync?.allowPreMerge ?? false;
  // GitHub is asked about reviews, checks and the base only where the environment allows pre-merge sync at all.
  const head = allowPreMerge ? await readHeadFacts(port, config, env, pr, request.defaultBranch) : NOT_ASKED;
  const reason = decidePreMergeSync({
    environment: env.name,
    pullNumber: pr.number,
    headSha: pr.headSha,
    baseRef: pr.baseRef,
    allowPreMerge,
    mode: sync.mode,
    mergeable: pr.mergeable,
    mergeableState: pr.mergeableState,
    ...head,
  });
  if (reason !== undefined) return refused(`${command} before merge refused: ${reason}`);
  // 3. The hold, under the environment's Lease.
  const name = holdName(port.repo, pr.number);
  const lease = holdLease(deps.settings, `${port.repo.owner}/${port.repo.repo}`, env, pr.number);
  if (!lease.ok) return refused(`${command} before merge refused: ${lease.reason}`);
  const hold = await takeHold(lease.options, name);
  if (!hold.taken) return refused(`${command} before merge refused: ${env.name} is held by ${holderLink(hold.holder, request.repoUrl)} until it is merged or closed`);
  // 4. The head, applied and recorded as a Deployment of the head.
  const short = pr.headSha.slice(0, 7);
  const outcome = await reapplyRevision(
    port,
    config,
    env,
    { defaultBranch: request.defaultBranch, currentSha: pr.baseSha, targetSha: pr.headSha, description: `pre-merge sync of #${pr.number}`, purpose: 'pre-merge sync', ordered: true },
    deps,
  );
  const links = `([deployments](${request.repoUrl}/deployments), [checks](${request.repoUrl}/pull/${pr.number}/checks))`;
  const held = `${env.name} is held for #${pr.number} until it is merged or closed`;
  return outcome === 'synced'
    ? done(`${command}: head \`${short}\` of #${pr.number} applied to ${env.name} before merge; ${held} ${links}`)
    : refused(`${command}: head \`${short}\` of #${pr.number} could not be applied to ${env.name} (${outcome}); ${held} ${links}`);
}
