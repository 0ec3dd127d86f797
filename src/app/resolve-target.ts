// Webhook payload -> ValidationTarget (or a reason to do nothing). Check-run
// and check-suite payloads list only pull requests of the same repository, so
// for a fork the pull request is found through the run's external_id.
import { parseExternalId } from '../github/check-runs/external-id.js';
import { VALIDATE_CHECK } from '../pipeline/check-names.js';
import type { GitHubPort, PullRequestInfo, RepoRef } from '../github/github-port.js';
import type {
  CheckRunEventPayload,
  CheckSuiteEventPayload,
  MinimalPullRequest,
  PullRequestEventPayload,
  RepositoryPayload,
} from './payloads.js';
import type { ValidationTarget } from './validation-target.js';

export type Resolved = { ok: true; target: ValidationTarget } | { ok: false; reason: string };

export function repoOf(repository: RepositoryPayload): RepoRef {
  return { owner: repository.owner.login, repo: repository.name };
}

export function targetFromPullRequest(payload: PullRequestEventPayload): Resolved {
  const { pull_request: pr, repository } = payload;
  return {
    ok: true,
    target: {
      repo: repoOf(repository),
      defaultBranch: repository.default_branch,
      pullNumber: pr.number,
      baseRef: pr.base.ref,
      baseSha: pr.base.sha,
      headSha: pr.head.sha,
      fromFork: pr.head.repo?.full_name !== pr.base.repo.full_name,
      trigger: 'event',
    },
  };
}

export async function targetFromCheckRun(payload: CheckRunEventPayload, port: GitHubPort): Promise<Resolved> {
  const run = payload.check_run;
  if (!(await isOurs(run.app, run.name, port))) return { ok: false, reason: `check run "${run.name}" belongs to another app` };
  const pr = samePullRequest(run.pull_requests, payload.repository);
  if (pr) return { ok: true, target: rerunTarget(payload.repository, listedPullRequest(pr), run.head_sha) };
  return fromExternalId(payload.repository, run.external_id, run.head_sha, port);
}

export async function targetFromCheckSuite(payload: CheckSuiteEventPayload, port: GitHubPort): Promise<Resolved> {
  const suite = payload.check_suite;
  if (!(await isOurs(suite.app, VALIDATE_CHECK, port))) return { ok: false, reason: 'the check suite belongs to another app' };
  const pr = samePullRequest(suite.pull_requests, payload.repository);
  if (pr) return { ok: true, target: rerunTarget(payload.repository, listedPullRequest(pr), suite.head_sha) };
  const runs = await port.listCheckRuns(suite.head_sha, await port.appId());
  const externalId = runs.map((r) => r.externalId).find((id) => parseExternalId(id) !== undefined) ?? null;
  return fromExternalId(payload.repository, externalId, suite.head_sha, port);
}

/** The run's app when the payload names one; by the run's name when the app or our id is unknown. */
async function isOurs(app: { id: number | null } | null | undefined, name: string, port: GitHubPort): Promise<boolean> {
  const appId = await port.appId();
  if (appId === undefined || typeof app?.id !== 'number') return name.startsWith('kubegate/');
  return app.id === appId;
}

function listedPullRequest(pr: MinimalPullRequest): Pick<PullRequestInfo, 'number' | 'baseRef' | 'baseSha' | 'fromFork'> {
  return { number: pr.number, baseRef: pr.base.ref, baseSha: pr.base.sha, fromFork: pr.head.repo.id !== pr.base.repo.id };
}

function samePullRequest(prs: readonly MinimalPullRequest[], repository: RepositoryPayload): MinimalPullRequest | undefined {
  return prs.find((pr) => pr.base.repo.id === repository.id);
}

/** A pull request from a fork: its number is in the run's external_id; its current base is asked from GitHub. */
async function fromExternalId(
  repository: RepositoryPayload,
  externalId: string | null,
  headSha: string,
  port: GitHubPort,
): Promise<Resolved> {
  const origin = parseExternalId(externalId);
  if (!origin) return { ok: false, reason: `no pull request is known for commit ${headSha}` };
  const pr = await port.getPullRequest(origin.pullNumber);
  return { ok: true, target: rerunTarget(repository, pr, headSha) };
}

function rerunTarget(
  repository: RepositoryPayload,
  pr: Pick<PullRequestInfo, 'number' | 'baseRef' | 'baseSha' | 'fromFork'>,
  headSha: string,
): ValidationTarget {
  return {
    repo: repoOf(repository),
    defaultBranch: repository.default_branch,
    pullNumber: pr.number,
    baseRef: pr.baseRef,
    baseSha: pr.baseSha,
    headSha,
    fromFork: pr.fromFork,
    trigger: 'rerun',
  };
}
