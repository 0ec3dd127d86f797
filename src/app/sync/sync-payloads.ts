// The parts of push and pull_request.closed payloads the sync reads, and the
// SyncTarget (or the reason to do nothing) they give.
import type { RepoRef } from '../../github/github-port.js';
import type { RepositoryPayload } from '../payloads.js';
import { repoOf } from '../resolve-target.js';
import type { SyncTarget } from './sync-target.js';

export interface PushEventPayload {
  ref: string;
  before: string;
  after: string;
  deleted: boolean;
  /** A push payload's owner may be null in GitHub's types; full_name always names it. */
  repository: { name: string; full_name: string; default_branch: string };
  installation?: { id: number };
}

export function pushRepo(repository: PushEventPayload['repository']): RepoRef {
  const owner = repository.full_name.slice(0, repository.full_name.indexOf('/'));
  return { owner, repo: repository.name };
}

export interface PullRequestClosedPayload {
  pull_request: { number: number; merged: boolean; merge_commit_sha: string | null; base: { ref: string } };
  repository: RepositoryPayload;
  installation?: { id: number };
}

export type ResolvedSync = { ok: true; target: SyncTarget } | { ok: false; reason: string };

const NO_COMMIT = /^0+$/;

const installationOf = (payload: { installation?: { id: number } }): { installationId?: number } =>
  payload.installation ? { installationId: payload.installation.id } : {};

export function targetFromPush(payload: PushEventPayload): ResolvedSync {
  const branch = payload.repository.default_branch;
  if (payload.ref !== `refs/heads/${branch}`) return { ok: false, reason: `push to ${payload.ref}, not the default branch ${branch}` };
  if (payload.deleted || NO_COMMIT.test(payload.after)) return { ok: false, reason: 'the push deleted the branch' };
  return {
    ok: true,
    target: { repo: pushRepo(payload.repository), defaultBranch: branch, sha: payload.after, trigger: 'push', ...(NO_COMMIT.test(payload.before) ? {} : { beforeSha: payload.before }), ...installationOf(payload) },
  };
}

export function targetFromMerge(payload: PullRequestClosedPayload): ResolvedSync {
  const { pull_request: pr, repository } = payload;
  if (!pr.merged || pr.merge_commit_sha === null) return { ok: false, reason: `pull request #${pr.number} was closed without merging` };
  if (pr.base.ref !== repository.default_branch) return { ok: false, reason: `pull request #${pr.number} was merged into ${pr.base.ref}, not the default branch` };
  return { ok: true, target: { repo: repoOf(repository), defaultBranch: repository.default_branch, sha: pr.merge_commit_sha, trigger: 'merge', ...installationOf(payload) } };
}
