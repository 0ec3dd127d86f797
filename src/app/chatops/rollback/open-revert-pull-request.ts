// The lasting half of a rollback: a branch from the default branch's head with
// one commit that restores the environment's files to the target revision,
// and a pull request for it, so Git is the source of truth again.
import { planRevertChanges } from '../../../chatops/plan-revert-changes.js';
import type { EnvironmentConfig } from '../../../config/types.js';
import type { GitHubPort } from '../../../github/github-port.js';

export interface RevertRequest {
  defaultBranch: string;
  targetSha: string;
  /** Who asked, and where (for the pull request's text). */
  login: string;
  pullNumber: number;
}

export type RevertOutcome = { status: 'opened'; number: number; htmlUrl: string } | { status: 'unchanged' };

export async function openRevertPullRequest(port: GitHubPort, env: EnvironmentConfig, request: RevertRequest): Promise<RevertOutcome> {
  const short = request.targetSha.slice(0, 7);
  const head = await port.branchHead(request.defaultBranch);
  const [target, current] = await Promise.all([port.getTree(request.targetSha), port.getTree(head.sha)]);
  if (target.truncated || current.truncated) throw new Error(`GitHub listed the tree of ${target.truncated ? short : head.sha.slice(0, 7)} only in part, so no revert commit is written`);
  const changes = planRevertChanges(env, target.entries, current.entries);
  if (changes.length === 0) return { status: 'unchanged' };
  const tree = await port.createTree(head.treeSha, changes);
  const message = `Roll back ${env.name} to ${short}\n\nRequested by @${request.login} in #${request.pullNumber} (kubegate /rollback).`;
  const commit = await port.createCommit(message, tree, [head.sha]);
  const branch = `kubegate/rollback-${env.name}-${short}-${commit.slice(0, 7)}`;
  await port.createBranch(branch, commit);
  const body = [
    `@${request.login} rolled **${env.name}** back to \`${short}\` with \`/rollback\` in #${request.pullNumber}; the cluster already runs it.`,
    `This pull request restores the environment's files (${env.paths.map((p) => `\`${p}\``).join(', ')}) to \`${short}\` so that Git says the same. Merge it, or the next merge brings the newer state back.`,
    '',
    ...changes.map((c) => `- ${c.sha === null ? 'delete' : 'restore'} \`${c.path}\``),
  ].join('\n');
  const pull = await port.openPullRequest({ title: `Roll back ${env.name} to ${short}`, body, head: branch, base: request.defaultBranch });
  return { status: 'opened', ...pull };
}
