// The scenario of the sync tests: Codertocat/Hello-World, whose default branch
// master is at the base of pull request #2 (BASE_SHA); #2 is merged as
// MERGE_SHA (fixtures/github/pull_request.closed.merged.json), and a commit
// is pushed without a pull request as DIRECT_SHA (push.direct.json). The
// repository holds one environment "apps" of plain manifests.
import type { ApplicationFunction } from 'probot';
import { createApp } from '../../../src/app/create-app.js';
import { createAppDeps, type AppDeps } from '../../../src/app/app-deps.js';
import { parseAppSettings } from '../../../src/settings/index.js';
import {
  buildTarball,
  fakeCheckRuns,
  fakeCommitPulls,
  fakeDeployments,
  fakeRepositoryContents,
  fakeTarballs,
  isObject,
  loadPayload,
  startApp,
  type AppHarness,
  type CheckRunsFake,
  type DeploymentsFake,
  type FakeReview,
  type JsonObject,
  type Tree,
} from '../../harness/github/index.js';

export const OWNER = 'Codertocat';
export const REPO = 'Hello-World';

export const payloads = { merged: loadPayload('pull_request.closed.merged'), direct: loadPayload('push.direct') };

function field(payload: JsonObject, ...path: string[]): string {
  let value: unknown = payload;
  for (const key of path) value = isObject(value) ? value[key] : undefined;
  if (typeof value !== 'string') throw new Error(`the payload has no ${path.join('.')}`);
  return value;
}

export const MERGE_SHA = field(payloads.merged, 'pull_request', 'merge_commit_sha');
export const PR_HEAD_SHA = field(payloads.merged, 'pull_request', 'head', 'sha');
export const BASE_SHA = field(payloads.merged, 'pull_request', 'base', 'sha');
export const DIRECT_SHA = field(payloads.direct, 'after');

export function configText(options: { namespace: string; cluster?: string; sync: string; approvals?: string }): string {
  return `environments:
  - name: apps
    cluster: ${options.cluster ?? 'local'}
    paths: ["apps/**/*.yaml"]
    namespace: ${options.namespace}
    sync: ${options.sync}
${options.approvals ? `approvals: ${options.approvals}\n` : ''}`;
}

export function webApp(ns: string, image: string, extra = ''): Tree {
  return {
    'apps/web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${ns}}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: ${image}}]}
`,
    'apps/settings.yaml': `apiVersion: v1
kind: ConfigMap
metadata: {name: web-settings, namespace: ${ns}}
data: {greeting: "hello${extra}"}
`,
  };
}

export const approvedBy = (user: string, commitId = PR_HEAD_SHA, at = '2024-05-15T15:00:00Z'): FakeReview => ({ user, state: 'APPROVED', commitId, submittedAt: at });

export interface SyncScenario {
  /** stop() also ends the app's drift watches (every apply-mode sync starts one) and resolves once they ended. */
  harness: Omit<AppHarness, 'stop'> & { stop(): Promise<void> };
  checkRuns: CheckRunsFake;
  deployments: DeploymentsFake;
}

export interface SyncScenarioOptions {
  config: string;
  trees: Record<string, Tree>;
  reviews?: FakeReview[];
  /** Reviews of other pull requests than #2 (by number). */
  otherReviews?: Record<number, FakeReview[]>;
  /** The app settings (KUBEGATE_SETTINGS_JSON shape). */
  settings?: unknown;
  deps?: Partial<AppDeps>;
  app?: ApplicationFunction;
}

export async function startSyncScenario(options: SyncScenarioOptions): Promise<SyncScenario> {
  const settings = parseAppSettings(options.settings ?? {}, 'test settings', process.cwd());
  let app = options.app;
  let closeDrift: AppDeps['closeDrift'];
  if (!app) {
    const deps = createAppDeps({ settings, diffEnvironment: undefined, ...options.deps });
    closeDrift = deps.closeDrift;
    app = createApp(deps);
  }
  const started = await startApp({ app });
  const harness = {
    ...started,
    stop: async (): Promise<void> => {
      await closeDrift?.();
      started.stop();
    },
  };
  const repo = { owner: OWNER, repo: REPO };
  const checkRuns = fakeCheckRuns(harness.github, { ...repo, appId: harness.appId });
  const deployments = fakeDeployments(harness.github, repo);
  fakeRepositoryContents(harness.github, { ...repo, ref: 'master', files: { '.github/kubegate.yml': options.config } });
  const tarballs = new Map<string, Buffer>();
  for (const [sha, tree] of Object.entries(options.trees)) tarballs.set(sha, await buildTarball({ ...tree, '.github/kubegate.yml': options.config }, `${OWNER}-${REPO}-${sha.slice(0, 7)}`));
  fakeTarballs(harness.github, { ...repo, tarballs });
  fakeCommitPulls(harness.github, {
    ...repo,
    pulls: [{ number: 2, mergeCommitSha: MERGE_SHA, headSha: PR_HEAD_SHA, baseRef: 'master', author: 'Codertocat', merged: true }],
    reviews: { ...options.otherReviews, 2: options.reviews ?? [] },
    teams: { 'Codertocat/platform': ['octo-sre'] },
    parents: { [MERGE_SHA]: BASE_SHA },
  });
  return { harness, checkRuns, deployments };
}
