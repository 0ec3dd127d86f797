// One validation pass for a pull request, as numbered steps. The whole pass
// sits in one error boundary: whatever fails, every check run the pass put in
// progress (kubegate/validate and kubegate/policy at once, a
// `kubegate/diff (ENV)` per affected environment once the report names it) is
// completed (conclusion failure, saying what went wrong).
import type { Logger } from 'probot';
import type { CheckResult, Report } from '../core/types.js';
import { createCheckRunBook, type CheckRunBook, type OpenedRun } from '../github/check-runs/check-run-book.js';
import { PULL_REQUEST_CHECKS } from '../pipeline/check-names.js';
import { formatExternalId } from '../github/check-runs/external-id.js';
import type { GitHubPort } from '../github/github-port.js';
import { readRepoConfig, type LoadRepoConfig } from '../github/read-repo-config.js';
import type { ExtractOptions } from '../github/snapshot/extract-snapshot.js';
import { upsertStickyComment } from '../github/sticky-comment/upsert-sticky-comment.js';
import { takeSnapshots } from '../github/take-snapshots.js';
import type { PipelineSettings, RunPipeline } from '../pipeline/types.js';
import { describeFailure } from './describe-failure.js';
import { findPullRequestBase } from './find-pull-request-base.js';
import { INTERRUPTED_OUTPUT, type InflightWork } from './inflight.js';
import { readPolicySource } from './read-policy-source.js';
import type { ValidationTarget } from './validation-target.js';

export interface PassDeps {
  runPipeline: RunPipeline;
  loadRepoConfig: LoadRepoConfig;
  /** The sticky comment's parts, each starting with its marker line. */
  renderComment: (report: Report) => string[];
  snapshot?: ExtractOptions;
  maxAnnotations?: number;
  /** What the app settings allow the pipeline (schema locations); never from the repository. */
  pipelineSettings?: PipelineSettings;
  /** Work in flight at a stop: a pass cut short completes its open check runs as interrupted. */
  inflight?: InflightWork;
}

export type PassLog = Pick<Logger, 'info' | 'warn' | 'error'>;

export type PassOutcome = { status: 'done' } | { status: 'skipped'; reason: string } | { status: 'failed'; error: unknown };

export async function validatePullRequest(
  port: GitHubPort,
  target: ValidationTarget,
  deps: PassDeps,
  log: PassLog,
): Promise<PassOutcome> {
  let book: CheckRunBook | undefined;
  let release: (() => void) | undefined;
  try {
    // 1. Put kubegate/validate and kubegate/policy in progress on the head commit at once (created or reused).
    const appId = await port.appId();
    const opened = await openCheckRuns(port, target, appId, deps);
    book = opened;
    release = deps.inflight?.hold(`validation of ${target.repo.owner}/${target.repo.repo}@${target.headSha.slice(0, 7)}`, () => opened.failOpen(INTERRUPTED_OUTPUT));
    const skipped = await openAll(book);
    if (skipped !== undefined) return { status: 'skipped', reason: skipped };
    // 2. Config from the default branch only.
    const config = await readRepoConfig(port, target.defaultBranch, deps.loadRepoConfig);
    // 3. The repository at the merge base and head (two tarballs, whatever the number of files), and the
    //    default branch for the repository's own policies (the base, unless the pull request targets another
    //    branch or the branch moved on since the merge base).
    const baseSha = await findPullRequestBase(port, target);
    const { base, head } = await takeSnapshots(port, baseSha, target.headSha, deps.snapshot);
    const policySource = await readPolicySource(port, target, config, base, deps.snapshot);
    // 4. The pure core.
    const repository = `${target.repo.owner}/${target.repo.repo}`;
    const report = await deps.runPipeline({
      base,
      head,
      config,
      policySource,
      pullRequest: { repository, fromFork: target.fromFork },
      ...(deps.pipelineSettings ? { settings: deps.pipelineSettings } : {}),
    });
    // 5. The sticky comment, before the conclusions, so a failure here still shows on the check.
    await upsertStickyComment(port, target.pullNumber, deps.renderComment(report), appId);
    // 6. Each check's result; the conclusion is each run's last write. The diff runs are created now
    //    (in progress, then completed); kubegate/validate and kubegate/policy complete last, so a pass
    //    that stops early is not mistaken for a finished one.
    for (const result of publishOrder(report.checks)) await book.publish(result);
    if (book.openNames().length > 0) await book.failOpen(noResultOutput(book.openNames()));
    return { status: 'done' };
  } catch (error: unknown) {
    return reportFailure(book, error, log);
  } finally {
    release?.();
  }
}

async function openCheckRuns(
  port: GitHubPort,
  target: ValidationTarget,
  appId: number | undefined,
  deps: PassDeps,
): Promise<CheckRunBook> {
  const existing = await port.listCheckRuns(target.headSha, appId);
  return createCheckRunBook(port, {
    headSha: target.headSha,
    externalId: formatExternalId({ pullNumber: target.pullNumber, baseSha: target.baseSha }),
    trigger: target.trigger,
    existing,
    progress: {
      title: 'Validating…',
      summary: `kubegate is validating ${target.headSha.slice(0, 7)} against base ${target.baseSha.slice(0, 7)}.`,
    },
    ...(deps.maxAnnotations === undefined ? {} : { maxAnnotations: deps.maxAnnotations }),
  });
}

/** Opens every check run of a pass; the reason to skip when all of them are already done for this head and base. */
async function openAll(book: CheckRunBook): Promise<string | undefined> {
  const opened: OpenedRun[] = [];
  for (const name of PULL_REQUEST_CHECKS) opened.push(await book.open(name));
  const skips = opened.filter((o) => o.status === 'skip');
  return skips.length === opened.length ? skips[0]?.reason : undefined;
}

function publishOrder(checks: readonly CheckResult[]): CheckResult[] {
  const opensAtOnce = (c: CheckResult): boolean => (PULL_REQUEST_CHECKS as readonly string[]).includes(c.name);
  return [...checks.filter((c) => !opensAtOnce(c)), ...checks.filter(opensAtOnce)];
}

function noResultOutput(names: readonly string[]) {
  return {
    title: 'kubegate produced no result for this check',
    summary: `The validation pass finished without a result for ${names.join(', ')}; this is a bug in kubegate, so the check fails. Press **Re-run** to try again.`,
  };
}

/** The error boundary: report on every open run; rethrow only what no run could show. */
async function reportFailure(book: CheckRunBook | undefined, error: unknown, log: PassLog): Promise<PassOutcome> {
  log.error({ err: error }, 'kubegate: the validation pass failed');
  if (!book || book.openNames().length === 0) throw error;
  try {
    await book.failOpen(describeFailure(error));
  } catch (reportError: unknown) {
    throw new AggregateError([error, reportError], 'kubegate: the validation pass failed and the check run could not say so');
  }
  return { status: 'failed', error };
}
