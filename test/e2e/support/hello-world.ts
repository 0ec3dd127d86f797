// The scenario of the end-to-end tests: pull request Codertocat/Hello-World#2
// (the recorded webhook payloads), whose base and heads are the demo GitOps
// repository of fixtures/demo: base/ is the default branch, pr/ the files the
// pull request changes (an invalid Deployment among them).
import { join } from 'node:path';
import type { ApplicationFunction } from 'probot';
import { createApp } from '../../../src/app/create-app.js';
import { createAppDeps, type AppDeps } from '../../../src/app/app-deps.js';
import {
  buildTarball,
  fakeCheckRuns,
  fakeGitData,
  fakeIssueComments,
  fakePullRequests,
  fakeRepositoryContents,
  fakeTarballs,
  loadPayload,
  readTree,
  startApp,
  type AppHarness,
  type CheckRunsFake,
  type FakeGitHub,
  type FakeGitHubOptions,
  isObject,
  type JsonObject,
  type IssueCommentsFake,
  type Tree,
} from '../../harness/github/index.js';
import { fakeCompareCommits, type CompareCommitsOptions } from '../../harness/github/fakes/compare-commits.js';

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';
export const PR_NUMBER = 2;

const opened = loadPayload('pull_request.opened');
const synchronize = loadPayload('pull_request.synchronize');

export const payloads = {
  opened,
  synchronize,
  checkRunRerequested: loadPayload('check_run.rerequested'),
  checkSuiteRerequested: loadPayload('check_suite.rerequested'),
};

export const BASE_SHA = shaOf(opened, 'base');
export const HEAD_SHA = shaOf(opened, 'head');
export const SECOND_HEAD_SHA = shaOf(synchronize, 'head');

export const DEMO = join(process.cwd(), 'fixtures', 'demo');
export const baseTree: Tree = readTree(join(DEMO, 'base'));
/** The pull request's first head: the demo's changes, with the invalid manifests. */
export const headTree: Tree = { ...baseTree, ...readTree(join(DEMO, 'pr')) };
/** The second push: the invalid Deployment fixed, nothing else changed from base. */
export const fixedTree: Tree = {
  ...baseTree,
  'apps/web/deployment.yaml': String(baseTree['apps/web/deployment.yaml']).replace('replicas: 2', 'replicas: 3'),
};
export const CONFIG_TEXT = String(baseTree['.github/kubegate.yml']);

/**
 * The operations of one full pass, after the installation token. The
 * `kubegate/diff (ENV)` runs (created, then completed) come before the
 * completions of kubegate/validate and kubegate/policy.
 */
export function passOperations(diffRuns = 0): string[] {
  return [
    'checks/list-for-ref',
    'checks/create', // kubegate/validate
    'checks/create', // kubegate/policy
    'repos/get-content',
    'repos/compare-commits-with-basehead', // the merge base of base and head
    'repos/download-tarball-archive',
    'repos/download-tarball-archive',
    'issues/list-comments',
    'issues/create-comment',
    ...Array.from({ length: diffRuns }).flatMap(() => ['checks/create', 'checks/update']),
    'checks/update', // kubegate/validate completed
    'checks/update', // kubegate/policy completed
  ];
}

export interface Scenario {
  harness: AppHarness;
  checkRuns: CheckRunsFake;
  comments: IssueCommentsFake;
}

export interface ScenarioOptions {
  /** The config on the default branch; null: the repository has none. */
  config?: string | null;
  trees?: Record<string, Tree>;
  deps?: Partial<AppDeps>;
  github?: FakeGitHubOptions;
  /** The app under test (default: the app wired with `deps`). */
  app?: ApplicationFunction;
  /** false: no tarball route (the test answers tarball requests itself); trees and blobs are served either way. */
  tarballs?: boolean;
  /** Commits whose tree listing GitHub answers as truncated. */
  truncatedTrees?: string[];
  /** The compare API: head sha -> merge base (default: the base), and heads whose compare fails. */
  compare?: Pick<CompareCommitsOptions, 'mergeBases' | 'failing'>;
}

export async function startScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const app = options.app ?? createApp(createAppDeps(options.deps));
  const harness = await startApp({ ...options.github, app });
  return { harness, ...(await serveHelloWorld(harness.github, harness.appId, options)) };
}

/**
 * The GitHub side of the scenario on any FakeGitHub (intercepting, or
 * listening for an app in another process): check runs, comments, the config
 * on master, tarballs (downloads from codeload.github.com, or from the fake's
 * own origin when it is not github.com), trees and blobs, pull request #2,
 * and the compare API (the merge base).
 */
export async function serveHelloWorld(
  github: FakeGitHub,
  appId: number,
  options: Pick<ScenarioOptions, 'config' | 'trees' | 'tarballs' | 'truncatedTrees' | 'compare'> = {},
): Promise<Omit<Scenario, 'harness'>> {
  const repo = { owner: OWNER, repo: REPO };
  const checkRuns = fakeCheckRuns(github, { ...repo, appId });
  const comments = fakeIssueComments(github, { ...repo, issueNumber: PR_NUMBER, appId });
  const config = options.config === undefined ? CONFIG_TEXT : options.config;
  fakeRepositoryContents(github, { ...repo, ref: 'master', files: config === null ? {} : { '.github/kubegate.yml': config } });
  const trees = options.trees ?? { [BASE_SHA]: baseTree, [HEAD_SHA]: headTree, [SECOND_HEAD_SHA]: fixedTree };
  const tarballs = new Map<string, Buffer>();
  for (const [sha, tree] of Object.entries(trees)) tarballs.set(sha, await buildTarball(tree, `${OWNER}-${REPO}-${sha.slice(0, 7)}`));
  const codeloadOrigin = github.origin === 'https://api.github.com' ? 'https://codeload.github.com' : github.origin;
  if (options.tarballs !== false) fakeTarballs(github, { ...repo, tarballs, codeloadOrigin });
  fakeGitData(github, { ...repo, trees, ...(options.truncatedTrees ? { truncated: options.truncatedTrees } : {}) });
  fakePullRequests(github, { ...repo, pulls: [{ number: PR_NUMBER, baseSha: BASE_SHA, headSha: HEAD_SHA }] });
  fakeCompareCommits(github, { ...repo, ...options.compare });
  return { checkRuns, comments };
}

function shaOf(payload: JsonObject, side: 'base' | 'head'): string {
  const pr = payload['pull_request'];
  const ref = isObject(pr) ? pr[side] : undefined;
  const sha = isObject(ref) ? ref['sha'] : undefined;
  if (typeof sha !== 'string') throw new Error(`the payload has no pull_request.${side}.sha`);
  return sha;
}
