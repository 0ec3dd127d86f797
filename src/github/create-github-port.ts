// The one place that calls Octokit. It takes the Octokit that Probot built for
// the webhook's installation (context.octokit), so the base URL (GitHub
// Enterprise Server), authentication, retries and throttling are Probot's.
import { Readable } from 'node:stream';
import type { ProbotOctokit } from 'probot';
import { callGitHub as call, isRecord, statusOf } from './call-github.js';
import { createChatOpsPort } from './create-chatops-port.js';
import { createRevertPort } from './create-revert-port.js';
import { createSyncPort } from './create-sync-port.js';
import type {
  CheckRunInfo,
  CheckRunUpdate,
  GitHubPort,
  GitTree,
  IssueCommentInfo,
  NewCheckRun,
  PullRequestInfo,
  RepoFile,
  RepoRef,
} from './github-port.js';

export interface GitHubPortOptions {
  now?: () => Date;
  /** Upper bound for one tarball download, in milliseconds. */
  downloadTimeoutMs?: number;
}

export function createGitHubPort(octokit: ProbotOctokit, repo: RepoRef, options: GitHubPortOptions = {}): GitHubPort {
  const { now = () => new Date(), downloadTimeoutMs = 120_000 } = options;
  const { owner, repo: name } = repo;
  let appIdPromise: Promise<number | undefined> | undefined;

  return {
    repo,
    log: { warn: (message) => octokit.log.warn(message) },
    appId() {
      appIdPromise ??= readAppId(octokit);
      return appIdPromise;
    },
    listCheckRuns: (headSha, appId) =>
      call(`list the check runs of commit ${headSha}`, async () => {
        const { data } = await octokit.rest.checks.listForRef({
          owner,
          repo: name,
          ref: headSha,
          filter: 'latest',
          per_page: 100,
          ...(appId === undefined ? {} : { app_id: appId }),
        });
        return (data.check_runs ?? []).map((run) => toCheckRunInfo(run));
      }),
    createCheckRun: (run: NewCheckRun) =>
      call(`create check run ${run.name}`, async () => {
        const { data } = await octokit.rest.checks.create({
          owner,
          repo: name,
          name: run.name,
          head_sha: run.headSha,
          external_id: run.externalId,
          status: 'in_progress',
          started_at: now().toISOString(),
          output: run.output,
        });
        return toCheckRunInfo(data, run);
      }),
    updateCheckRun: (id: number, update: CheckRunUpdate) =>
      call(`update check run ${id}`, async () => {
        await octokit.rest.checks.update({ owner, repo: name, check_run_id: id, ...toUpdateBody(update, now) });
      }),
    readFile: (path, ref) =>
      call(`read ${path} at ${ref}`, async () => {
        try {
          const { data } = await octokit.rest.repos.getContent({ owner, repo: name, path, ref });
          return toRepoFile(data);
        } catch (error: unknown) {
          if (statusOf(error) === 404) return undefined;
          throw error;
        }
      }),
    downloadTarball: (ref) =>
      call(`download the tarball of ${ref}`, async () => {
        const { data } = await octokit.rest.repos.downloadTarballArchive({
          owner,
          repo: name,
          ref,
          request: { parseSuccessResponseBody: false, signal: AbortSignal.timeout(downloadTimeoutMs) },
        });
        return toReadable(data);
      }),
    getTree: (ref) =>
      call(`list the tree of ${ref}`, async (): Promise<GitTree> => {
        const { data } = await octokit.rest.git.getTree({ owner, repo: name, tree_sha: ref, recursive: '1' });
        const entries = data.tree.map((e) => ({ path: e.path, mode: e.mode, type: e.type, sha: e.sha, ...(e.size === undefined ? {} : { size: e.size }) }));
        return { entries, truncated: data.truncated };
      }),
    getBlob: (sha) =>
      call(`read blob ${sha}`, async () => {
        const { data } = await octokit.rest.git.getBlob({ owner, repo: name, file_sha: sha });
        if (data.encoding === 'base64') return Buffer.from(data.content, 'base64');
        if (data.encoding === 'utf-8' || data.encoding === 'utf8') return Buffer.from(data.content, 'utf8');
        throw new Error(`the blob came in an unknown encoding "${data.encoding}"`);
      }),
    getPullRequest: (pullNumber) =>
      call(`read pull request #${pullNumber}`, async (): Promise<PullRequestInfo> => {
        const { data } = await octokit.rest.pulls.get({ owner, repo: name, pull_number: pullNumber });
        return {
          number: data.number,
          baseRef: data.base.ref,
          baseSha: data.base.sha,
          headSha: data.head.sha,
          fromFork: data.head.repo?.full_name !== data.base.repo.full_name,
        };
      }),
    mergeBase: (baseSha, headSha) =>
      call(`compare ${baseSha.slice(0, 7)}...${headSha.slice(0, 7)}`, async () => {
        // One commit per page: only the merge base is read, not the commit list.
        const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner, repo: name, basehead: `${baseSha}...${headSha}`, per_page: 1 });
        return data.merge_base_commit.sha;
      }),
    listIssueComments: (issueNumber) =>
      call(`list the comments of #${issueNumber}`, async (): Promise<IssueCommentInfo[]> => {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo: name,
          issue_number: issueNumber,
          per_page: 100,
        });
        return comments.map((c) => ({
          id: c.id,
          body: c.body ?? '',
          appId: c.performed_via_github_app?.id ?? null,
          userType: c.user?.type ?? null,
        }));
      }),
    createIssueComment: (issueNumber, body) =>
      call(`comment on #${issueNumber}`, async () => {
        await octokit.rest.issues.createComment({ owner, repo: name, issue_number: issueNumber, body });
      }),
    updateIssueComment: (commentId, body) =>
      call(`edit comment ${commentId}`, async () => {
        await octokit.rest.issues.updateComment({ owner, repo: name, comment_id: commentId, body });
      }),
    deleteIssueComment: (commentId) =>
      call(`delete comment ${commentId}`, async () => {
        await octokit.rest.issues.deleteComment({ owner, repo: name, comment_id: commentId });
      }),
    ...createSyncPort(octokit, repo),
    ...createChatOpsPort(octokit, repo),
    ...createRevertPort(octokit, repo),
  };
}

/** Probot's installation Octokit can sign an app JWT, whose result names the app id. */
async function readAppId(octokit: ProbotOctokit): Promise<number | undefined> {
  try {
    const auth: unknown = await octokit.auth({ type: 'app' });
    const appId = isRecord(auth) ? Number(auth['appId']) : NaN;
    return Number.isInteger(appId) && appId > 0 ? appId : undefined;
  } catch {
    return undefined; // token authentication: no app identity to filter by
  }
}

/**
 * The fields of a check run kubegate reads. Only `id` is relied on: a GitHub
 * stand-in (or an older GitHub Enterprise) may answer with fewer fields, and
 * losing the id of a run that was created would leave it in progress.
 */
interface CheckRunData {
  id: number;
  html_url?: string | null;
  name?: string;
  head_sha?: string;
  status?: string;
  conclusion?: string | null;
  external_id?: string | null;
  output?: { annotations_count?: number } | null;
  app?: { id: number } | null;
}

function toCheckRunInfo(run: CheckRunData, requested: { name?: string; headSha?: string } = {}): CheckRunInfo {
  return {
    id: run.id,
    name: run.name ?? requested.name ?? '',
    headSha: run.head_sha ?? requested.headSha ?? '',
    status: run.status ?? 'queued',
    conclusion: run.conclusion ?? null,
    externalId: run.external_id ?? null,
    annotationsCount: run.output?.annotations_count ?? 0,
    appId: run.app?.id ?? null,
    ...(run.html_url ? { htmlUrl: run.html_url } : {}),
  };
}

function toUpdateBody(update: CheckRunUpdate, now: () => Date) {
  if (!('status' in update)) return { output: update.output };
  if (update.status === 'completed') {
    return {
      status: update.status,
      conclusion: update.conclusion,
      completed_at: now().toISOString(),
      ...(update.externalId === undefined ? {} : { external_id: update.externalId }),
      output: update.output,
    };
  }
  return {
    status: update.status,
    started_at: now().toISOString(),
    ...(update.externalId === undefined ? {} : { external_id: update.externalId }),
    output: update.output,
  };
}

function toRepoFile(data: unknown): RepoFile {
  if (Array.isArray(data)) return { kind: 'not-a-file', type: 'dir' };
  if (!isRecord(data) || data['type'] !== 'file') {
    return { kind: 'not-a-file', type: isRecord(data) ? String(data['type']) : typeof data };
  }
  const size = Number(data['size']);
  const content = data['content'];
  if (data['encoding'] !== 'base64' || typeof content !== 'string' || (content === '' && size > 0)) {
    return { kind: 'too-large', size };
  }
  return { kind: 'file', text: Buffer.from(content, 'base64').toString('utf8') };
}

/** With parseSuccessResponseBody false, Octokit hands over fetch's web stream. */
function toReadable(data: unknown): Readable {
  if (!isWebStream(data)) throw new Error('the download answered without a body');
  return Readable.from(readChunks(data));
}

interface WebStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; releaseLock(): void };
}

function isWebStream(value: unknown): value is WebStream {
  return isRecord(value) && typeof value['getReader'] === 'function';
}

async function* readChunks(stream: WebStream): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
